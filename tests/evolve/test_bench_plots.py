"""The bench report's plots say what they show: no empty panel, 0 % written as 0 %, case counts and intervals."""

from __future__ import annotations

import pytest

from aspire_tui.evolve.report import BenchResult, category_counts, wilson, write_report

PNG = b"\x89PNG\r\n\x1a\n"


def _result(*, search: bool, continual: bool) -> BenchResult:
    def case(family: str, category: str, success: bool) -> dict:
        return {"case": {"family": family, "category": category, "seed": 10000, "instruction": "", "scene": ""},
                "success": success, "iterations": 1, "episodes": 1, "seconds": 1.0, "timings": {},
                "validated": success, "message": ""}
    outcomes = {"empty": (False, False), "library": (True, False), "library+search": (True, True),
                "error-only": (True, False)}
    result = BenchResult({"suite": "hard", "max_iterations": 4, "validate": 2})
    for condition, (nav, stack) in outcomes.items():
        result.cases[condition] = [case("navigate_goal", "navigation", nav), case("stack_two", "stack", stack)]
        result.by_category[condition] = {"navigation": float(nav), "stack": float(stack)}
        result.overall[condition] = (nav + stack) / 2
    result.skills_curve = [(0, 0.0, "empty library"), (20, 0.5, "seed library")]
    if continual:
        result.continual = [{"family": "navigate_goal", "seed": 10000, "skills_before": 20, "success": True,
                             "running_rate": 1.0, "at_end": True}]
    if search:
        result.search_curves, result.search_labels = [[0.5, 1.0]], ["stack_two"]
    return result


def test_wilson_interval_is_not_zero_wide_at_none_or_all():
    lo, hi = wilson(0, 1)
    assert lo == 0 and 0.7 < hi < 0.85
    lo, hi = wilson(4, 4)
    assert hi == 1 and 0.4 < lo < 0.6
    assert wilson(0, 0) == (0.0, 1.0)


def test_category_counts_come_from_the_cases_with_an_all_row():
    counts = category_counts(_result(search=False, continual=False))
    assert counts["library"] == {"navigation": (1, 1), "stack": (0, 1), "all": (1, 2)}
    assert counts["empty"]["all"] == (0, 2)


def test_a_report_without_search_or_continual_has_no_empty_panel(tmp_path):
    """The "Evolutionary search" panel was drawn empty, with an axis from -0.5 to 0.5."""
    report = write_report(_result(search=False, continual=False), tmp_path).read_text()
    assert not (tmp_path / "learning_curves.png").exists() and "learning_curves.png" not in report
    assert "No data" in report
    for png in ("per_category.png", "skills_vs_success.png"):
        assert (tmp_path / png).read_bytes()[:8] == PNG


@pytest.fixture
def drawn(monkeypatch) -> list:
    """Every figure the report draws, in order (matplotlib's own ``subplots``, recorded)."""
    import matplotlib.pyplot as plt

    figures = []
    subplots = plt.subplots

    def spy(*args, **kwargs):
        fig, axes = subplots(*args, **kwargs)
        figures.append(fig)
        return fig, axes
    monkeypatch.setattr(plt, "subplots", spy)
    return figures


@pytest.mark.parametrize("search,continual", [(True, True), (False, True), (True, False)])
def test_learning_curves_draw_only_the_panels_with_data(tmp_path, search, continual, drawn):
    report = write_report(_result(search=search, continual=continual), tmp_path).read_text()
    assert "](learning_curves.png)" in report and (tmp_path / "learning_curves.png").read_bytes()[:8] == PNG
    titles = [ax.get_title() for ax in drawn[-1].axes]
    assert any("Evolutionary search" in t for t in titles) == search
    assert any("Continual" in t for t in titles) == continual
    if not search:
        assert "No evolutionary search ran" in report


def test_per_category_bars_write_every_value_and_count(tmp_path, drawn):
    """0 % bars were invisible (0 looked like missing): each bar carries its percentage and k/n."""
    write_report(_result(search=True, continual=True), tmp_path)
    ax = drawn[0].axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert (texts.count("0%"), texts.count("50%"), texts.count("100%")) == (5, 2, 5)   # 4 conditions x 3 groups
    assert "0/1" in texts and "1/2" in texts and "0/2" in texts
    assert all(p.get_height() > 0 for p in ax.patches)                # a 0 % bar is a visible stub
    assert [t.get_text() for t in ax.get_xticklabels()] == ["navigation\n(1 case)", "stack\n(1 case)",
                                                            "all\n(2 cases)"]


def test_the_report_sets_library_and_error_only_repairs_side_by_side(tmp_path):
    """Equal success hides whether the trace changed the repair: the report lists each condition's repairs."""
    result = _result(search=False, continual=False)
    result.cases["library"][1]["repairs"] = ["GAP 0.04 -> 0.02: its edge ended 0.08 m away"]
    result.cases["error-only"][1]["repairs"] = ["RETRIES 0 -> 1: try a failed step again"]
    result.config["seeds"] = {"navigate_goal": [10000], "stack_two": [10000]}
    report = write_report(result, tmp_path).read_text()
    assert "1 of 2 cases needed a repair in either condition; the repairs differed on 1; success differed on 0" \
        in report
    assert "| stack_two | 10000 | failed after 1 iteration: GAP 0.04 -> 0.02: its edge ended 0.08 m away | " \
           "failed after 1 iteration: RETRIES 0 -> 1: try a failed step again |" in report
    assert "| navigate_goal | 10000 | solved after 1 iteration: none |" in report
    assert "`aspire_tui/evolve/report.py`): navigate_goal 10000, stack_two 10000." in report


def test_the_quick_suite_is_its_chosen_cases_unless_families_are_named():
    from aspire_tui.evolve.report import QUICK_CASES, BenchConfig

    quick = BenchConfig.quick()
    assert quick.seeds == QUICK_CASES and quick.families == list(QUICK_CASES)
    assert all(s >= 10000 for seeds in QUICK_CASES.values() for s in seeds)
    named = BenchConfig.quick(["stack_two"])
    assert (named.families, named.seeds, named.per_family) == (["stack_two"], None, 1)
