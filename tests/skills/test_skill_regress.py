"""`aspire skills test`: validation seeds, parallel runs, statistics, and regressions reported."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from aspire_tui.skills import regress
from aspire_tui.skills.library import UnknownSkill


class FakeRunner:
    """Stands in for run_program; fails the seeds it is told to."""

    def __init__(self, fail=()):
        self.fail = set(fail)
        self.calls = []
        self.lock = threading.Lock()

    def __call__(self, source, task, seed, **kwargs):
        with self.lock:
            self.calls.append((source, task, seed, kwargs))
        ok = seed not in self.fail
        return SimpleNamespace(outcome="succeeded" if ok else "failed", failure_reason="" if ok else "GraspError",
                               run_id=f"run-{task}-{seed}", duration=1.5)


def test_program_for_passes_the_runner_check(lib):
    from aspire_tui.runner.check import check_program

    source = regress.program_for("place_in", {"obj": "red block", "container": "green bowl"})
    assert not check_program(source, lib.skills_dir).violations
    assert regress.parse_seeds("0:3") == [0, 1, 2] and regress.parse_seeds("4,7") == [4, 7]


def test_first_run_sets_the_baseline_and_records_statistics(lib):
    runner = FakeRunner()
    results = {r.name: r for r in regress.run_regression(lib, runner=runner)}
    assert results["place_in"].verdict == "new-baseline" and results["place_in"].rate_text == "5/5"
    assert results["pick"].verdict == "no-validation"
    sources = {c[0] for c in runner.calls if c[1] == "pick_place_bowl"}
    assert all("place_in(robot, **ARGS)" in s for s in sources)
    assert any("'obj': 'red block'" in s for s in sources)  # filled from the scene's words
    assert lib.index.stats("place_in")["uses"] == 5
    again = {r.name: r for r in regress.run_regression(lib, ["place_in"], runner=FakeRunner(fail={1, 3}))}
    assert again["place_in"].verdict == "regressed"
    assert again["place_in"].baseline["successes"] == 5 and again["place_in"].rate_text == "3/5"
    assert [f["seed"] for f in again["place_in"].failures] == [1, 3]


def test_baseline_is_the_success_trailer_of_the_last_commit(lib):
    text = (lib.skills_dir / "navigate_to.py").read_text().replace("tolerance=0.15", "tolerance=0.14")
    lib.save("navigate_to", text, change="refine", success="4/5")
    [result] = regress.run_regression(lib, ["navigate_to"], runner=FakeRunner(fail={0}), seeds=[0, 1, 2, 3, 4])
    assert result.baseline["runs"] == 5 and result.baseline["source"].startswith("commit")
    assert result.verdict == "ok"
    [result] = regress.run_regression(lib, ["navigate_to"], runner=FakeRunner(fail={0, 1}))
    assert result.verdict == "regressed"


def test_unknown_name(lib):
    with pytest.raises(UnknownSkill):
        regress.run_regression(lib, ["nope"], runner=FakeRunner())


@pytest.mark.timeout(180)
def test_real_runner_in_parallel_workers(lib):
    pytest.importorskip("pybullet")
    [result] = regress.run_regression(lib, ["navigate_to"], seeds=[0, 1], workers=2)
    assert result.runs == 2 and result.successes == 2, result.failures
    assert list(lib.runs_dir.glob("*/trace.json"))


@pytest.mark.parametrize("name", ["arrange_in_row", "arrange_in_corners", "arrange_along_edge"])
def test_a_group_slot_is_bound_as_a_list_of_phrases(lib, name):
    """"{blocks}" becomes ["red block", ...] as `aspire run` binds it, not one string read letter by letter."""
    import ast

    runner = FakeRunner()
    regress.run_regression(lib, [name], runner=runner, seeds=[0, 1, 2])
    for source, *_ in runner.calls:
        blocks = ast.literal_eval(source.split("ARGS = ", 1)[1].split("\n", 1)[0])["blocks"]
        assert isinstance(blocks, list) and len(blocks) >= 2, blocks
        assert all(len(b.split()) == 2 for b in blocks), blocks  # "red block", never "r"


def test_the_seed_skills_take_a_group_phrase_too():
    """A caller that passes "red, blue and green blocks" still names three blocks."""
    from pathlib import Path

    import ast
    from pathlib import Path

    for name in ("arrange_in_row", "arrange_in_corners"):
        tree = ast.parse((Path(__file__).parents[2] / "skills_repo" / "skills" / f"{name}.py").read_text())
        only = ast.Module([n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_phrases"], [])
        scope: dict = {}
        exec(compile(only, name, "exec"), scope)
        phrases = scope["_phrases"]
        assert phrases("red, blue and green blocks") == ["red block", "blue block", "green block"]
        assert phrases("red and blue blocks") == ["red block", "blue block"]
        assert phrases("red block") == ["red block"] and phrases(["a b"]) == ["a b"]


def test_a_first_test_with_failures_is_not_the_baseline(lib):
    [first] = regress.run_regression(lib, ["place_in"], runner=FakeRunner(fail={2}))
    assert first.verdict == "failing" and first.baseline is None and "no baseline" in first.message
    [second] = regress.run_regression(lib, ["place_in"], runner=FakeRunner())
    assert second.verdict == "new-baseline" and second.baseline is None  # 4/5 never became the bar
    [third] = regress.run_regression(lib, ["place_in"], runner=FakeRunner(fail={0}))
    assert third.verdict == "regressed" and third.baseline["successes"] == third.baseline["runs"] == 5


def test_validations_are_the_latest_test_of_the_current_content_with_run_ids(lib):
    regress.run_regression(lib, ["place_in"], runner=FakeRunner())
    regress.run_regression(lib, ["place_in"], runner=FakeRunner(fail={1}))
    v = regress.validations(lib)["place_in"]
    assert (v["successes"], v["runs"], v["source"]) == (4, 5, "skills test")
    assert v["run_ids"] == [f"run-pick_place_bowl-{s}" for s in range(5)] and v["seeds"] == list(range(5))
    assert "arrange_in_row" not in regress.validations(lib)  # never tested, no commit trailer
    text = (lib.skills_dir / "navigate_to.py").read_text().replace("tolerance=0.15", "tolerance=0.14")
    lib.save("navigate_to", text, change="refine", success="4/5", run="run-a")
    v = regress.validations(lib)["navigate_to"]
    assert (v["successes"], v["runs"], v["run_ids"]) == (4, 5, ["run-a"]) and v["source"].startswith("commit")
