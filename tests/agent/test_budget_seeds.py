"""Budgets with a hard stop, the three seed sets, programs that name a seed, and crashes mid-loop."""

from __future__ import annotations

import os
import signal

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.budget import Budget, BudgetError, BudgetExceeded
from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import run_task, seed_violations

from .conftest import git
from .test_llm_coder import BROKEN, scripted


@pytest.mark.parametrize("text, want", [
    ("tokens=2000,cost=0.5,episodes=12,seconds=90", dict(tokens=2000, cost=0.5, episodes=12, seconds=90.0)),
    ("45", dict(seconds=45.0)),
    ("episodes=3", dict(episodes=3, tokens=None)),
])
def test_budget_text_is_read(text, want):
    budget = Budget.parse(text, prices=(1.0, 2.0))
    assert {k: getattr(budget, k) for k in want} == want


@pytest.mark.parametrize("text, words", [
    ("apples=3", "unknown budget 'apples'"),
    ("tokens=lots", "is not a number"),
    ("episodes=0", "must be more than 0"),
])
def test_bad_budget_is_one_line(text, words):
    with pytest.raises(BudgetError, match=words):
        Budget.parse(text)


def test_a_cost_budget_needs_prices():
    with pytest.raises(BudgetError, match="--prices"):
        Budget.parse("cost=0.1")


def test_the_stop_says_what_was_spent():
    class Usage:
        input_tokens, output_tokens = 600_000, 100_000

    budget = Budget.parse("cost=0.5", prices=(0.5, 2.0))  # 0.3 + 0.2 dollars spent
    with pytest.raises(BudgetExceeded) as stop:
        budget.check(Usage(), episodes=4)
    assert "cost $0.5000 of $0.5" in str(stop.value)
    assert "spent 700000 tokens, $0.5000, 4 episodes" in str(stop.value)


def test_token_budget_stops_the_model_mid_task_and_keeps_the_library(fake_model, lib, events):
    """The broken program runs once; before the model is asked to diagnose, the token budget is spent."""
    got, emit = events
    fake_model.reply = scripted
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
                      emit=emit, keyframes=False, budget=Budget.parse("tokens=5", prices=(3.0, 15.0)))
    assert not result.success
    assert result.message.startswith("out of budget (tokens ") and "of 5)" in result.message
    assert "1 episodes" in result.message
    assert len(fake_model.prompts) == 1  # the write; no diagnosis, no repair
    assert [e.outcome for e in got if isinstance(e, ev.RunFinished)] == ["failed"]
    assert git(lib.root, "rev-parse", "HEAD") == head
    usage = next(e for e in got if isinstance(e, ev.Usage))  # tokens and their cost are reported
    assert usage.cost == pytest.approx((usage.input_tokens * 3.0 + usage.output_tokens * 15.0) / 1e6)
    assert usage.cost > 0


def test_episode_budget_stops_before_validation_it_cannot_pay_for(lib, events):
    got, emit = events
    result = run_task("pile the red cube on top of the blue one", coder=coder_for(), library=lib, validate=3,
                      emit=emit, keyframes=False, budget=Budget(episodes=2))
    assert not result.success and result.episodes == 1
    assert "out of budget (episodes 1 + 3 of 2)" in result.message  # a first candidate has no selection
    assert not any(isinstance(e, ev.ValidationResult) for e in got)


def test_seed_names_are_found():
    assert seed_violations("SEED = 3\n\ndef run(robot):\n    return SEED\n")
    assert seed_violations("def run(robot):\n    if robot.seed % 2:\n        robot.home()\n")
    assert seed_violations("def run(robot, seed=0):\n    robot.home()\n")
    assert seed_violations("def run(robot):\n    robot.home()  # any seed will do\n") == []


SEEDED = BROKEN.replace("    robot.move_to(1.5, 0.0, 0.3)\n", "    if SEED == 20:\n        robot.home()\n") \
    .replace('ARGS = {', 'SEED = 20\nARGS = {')


def test_a_program_that_branches_on_its_seed_is_rejected_before_it_runs(fake_model, lib, events):
    got, emit = events
    replies = iter(["```python\n" + SEEDED + "```"])
    fake_model.reply = lambda text: next(replies, None) or scripted(text)
    run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib, validate=1,
             emit=emit, keyframes=False, max_iterations=2)
    checks = [e for e in got if isinstance(e, ev.CheckResult)]
    assert not checks[0].ok and any("[seed] 'SEED'" in v for v in checks[0].violations)
    runs = [e for e in got if isinstance(e, ev.RunFinished)]
    assert all(e.iteration != 1 for e in runs)  # the seeded program never ran
    repair = next(p for p in fake_model.prompts if "Program to repair" in p)
    assert "must not depend on its scene's seed" in repair


def test_model_that_times_out_ends_the_task_in_one_line(fake_model, lib, events):
    got, emit = events

    def reply(text):
        raise TimeoutError("the model took longer than 60 s")

    fake_model.reply = reply
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("put the red block in the green bowl", coder=coder_for("scripted"), library=lib,
                      emit=emit, keyframes=False)
    assert not result.success
    assert result.message == "coder gave up: model 'scripted' failed: TimeoutError: the model took longer than 60 s"
    assert git(lib.root, "rev-parse", "HEAD") == head
    assert isinstance(got[-1], ev.TaskFinished)


def test_a_worker_crash_mid_loop_is_diagnosed_and_the_task_goes_on(lib, events):
    """SIGKILL the simulation worker during the first run: that run is an error, the pool replaces the
    worker, the coder repairs (retry) and the task still ends validated."""
    from aspire_tui.runner.pool import WorkerPool

    got, emit = events
    with WorkerPool(1) as pool:
        killed = []

        def crash(event):
            emit(event)
            if isinstance(event, ev.CallRecorded) and event.iteration == 1 and event.index == 1 and not killed:
                killed.append(pool.workers[0].pid)
                os.kill(killed[0], signal.SIGKILL)

        result = run_task("pile the red cube on top of the blue one", coder=coder_for(), library=lib,
                          validate=1, select=0, emit=crash, keyframes=False, pool=pool)
    first = next(e for e in got if isinstance(e, ev.RunFinished))
    assert first.outcome == "error" and "crashed (SIGKILL)" in first.headline
    assert result.success, result.message
    assert result.iterations == 2
    assert git(lib.root, "status", "--porcelain", "skills", "lessons") == ""


def test_a_seed_whose_scene_cannot_be_made_gives_its_place_to_a_fresh_one():
    from aspire_tui.agent.loop import Seeds

    seeds = Seeds("put the blocks in the tray", 3, validate=3, select=2)
    validation, selection = seeds.validation, seeds.selection
    gone = validation[1]
    seeds.no_scene(gone)
    assert seeds.validation is validation and len(validation) == 3 and gone not in validation
    assert len(set(validation) | set(selection) | {3}) == 6  # never a seed drawn twice
    seeds.no_scene(selection[0])
    assert len(selection) == 2 and seeds.selection is selection
