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
