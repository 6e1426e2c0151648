"""The offline loop end to end: real sandbox, real simulation, a temp library (few seeds, small)."""

from __future__ import annotations

import re

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import coder_for, read_plan
from aspire_tui.agent.loop import run_task

from .conftest import git


def kinds(events):
    return [e.event_name() for e in events]


def test_stack_two_succeeds_first_time_and_commits_nothing(lib, events):
    """A seed skill that already does the job: validated, and the library is left as it was."""
    got, emit = events
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("pile the red cube on top of the blue one", coder=coder_for(), library=lib,
                      validate=2, emit=emit, keyframes=False)
    assert result.success, result.message
    assert result.family == "stack_two" and result.validated == "2/2"
    assert read_plan(result.program).skill == "stack_on"
    assert set(result.validation_seeds).isdisjoint(result.debug_seeds)
    assert all(0 <= s < 10_000 for s in result.validation_seeds + result.debug_seeds)
    assert git(lib.root, "rev-parse", "HEAD") == head
    # every skill a run used is counted, its dependencies too (statistics live in the index, not in git)
    for name in ("stack_on", "pick", "release_above"):
        stats = lib.index.stats(name)
        assert stats["uses"] == result.episodes and stats["successes"] == result.episodes, name
    assert lib.index.stats("place_in")["uses"] == 0
    names = kinds(got)
    assert names[:2] == ["understood", "task_started"] and names[-1] == "task_finished"
    for name in ("skills_retrieved", "program_written", "check_result", "call_recorded", "run_finished",
                 "validation_result"):
        assert name in names
    assert all(isinstance(e.to_dict(), dict) for e in got)


def test_broken_skill_default_is_diagnosed_repaired_and_refined(lib, events):
    """place_in with a release height inside the bowl: CollisionError -> raise it -> refine place_in."""
    got, emit = events
    path = lib.skills_dir / "place_in.py"
    shipped = int(re.search(r'"version": (\d+)', path.read_text()).group(1))
    path.write_text(path.read_text().replace("drop=0.015, approach=0.06", "drop=-0.06, approach=0.06"))
    assert lib.commit_edits()[0].committed
    result = run_task("drop the red cube into the green dish", coder=coder_for(), library=lib,
                      validate=2, emit=emit, keyframes=False)
    assert result.success, result.message
    diagnoses = [e for e in got if isinstance(e, ev.Diagnosis)]
    assert diagnoses and diagnoses[0].error_type == "CollisionError" and diagnoses[0].call == "move_to"
    assert "collision_on_approach" in diagnoses[0].lessons
    assert any(isinstance(e, ev.RepairDiff) and "PARAMS" in e.diff for e in got)
    committed = [(e.name, e.change) for e in got if isinstance(e, ev.SkillCommitted)]
    # the repair strengthens the lesson that suggested it, then the skill's defaults are refined
    assert committed == [("collision_on_approach", "refine"), ("place_in", "refine")]
    lesson = (lib.lessons_dir / "collision_on_approach.md").read_text()
    assert "version: 2" in lesson and "pick_place_bowl run " in lesson
    assert lib.get("collision_on_approach").description  # still a lesson that parses
    log = git(lib.root, "log", "-1", "--format=%an%n%B")
    assert log.startswith("aspire-agent")
    for trailer in ("Aspire-Task: pick_place_bowl", "Aspire-Run: ", "Aspire-Success: 2/2", "Aspire-Model: offline",
                    "Aspire-Change: refine"):
        assert trailer in log
    source = path.read_text()
    assert "drop=-0.06" not in source and f'"version": {shipped + 1}' in source  # the seed's, refined
    assert git(lib.root, "status", "--porcelain", "skills", "lessons") == ""


def test_unsolved_task_leaves_the_library_unchanged(lib, events):
    """A broken place_in and one iteration: the loop gives up and commits nothing."""
    got, emit = events
    path = lib.skills_dir / "place_in.py"
    path.write_text(path.read_text().replace("drop=0.015, approach=0.06", "drop=-0.06, approach=0.06"))
    assert lib.commit_edits()[0].committed
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("drop the red cube into the green dish", coder=coder_for(), library=lib,
                      max_iterations=1, validate=2, emit=emit, keyframes=False)
    assert not result.success and result.iterations == 1
    assert "CollisionError" in result.message
    assert git(lib.root, "rev-parse", "HEAD") == head
    assert git(lib.root, "status", "--porcelain", "skills", "lessons") == ""
    assert not any(isinstance(e, ev.SkillCommitted) for e in got)
    assert isinstance(got[-1], ev.TaskFinished) and not got[-1].success


def test_ctrl_c_mid_task_leaves_no_trace_in_the_library(lib):
    """An interrupt (here: raised by the event callback after the first run) commits and writes nothing."""
    import pytest

    head = git(lib.root, "rev-parse", "HEAD")

    def emit(event):
        if isinstance(event, ev.RunFinished):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_task("toss the orange ball in the cyan bin", coder=coder_for(), library=lib, validate=1,
                 emit=emit, keyframes=False)
    assert git(lib.root, "rev-parse", "HEAD") == head
    assert git(lib.root, "status", "--porcelain", "--untracked-files=all", "skills", "lessons") == ""


def test_spatial_task_is_composed_kept_as_a_skill_and_reused(lib, events):
    """No skill puts a block beside another: set_down_at at a spot beside it is composed, validated,
    committed, and the next request for the same job retrieves the new skill and commits nothing."""
    got, emit = events
    first = run_task("move the orange block over to the red block", coder=coder_for(), library=lib,
                     validate=2, emit=emit, keyframes=False)
    assert first.success, first.message
    assert first.family == "place_next_to" and first.skill["name"] == "put_block_next_to_block"
    assert "from skills.set_down_at import set_down_at" in first.program and "_beside(robot" in first.program
    skill = lib.get("put_block_next_to_block")
    assert skill.metadata["validation"]["task"] == "place_next_to"
    assert skill.metadata["goal"] == "next_to(block, block)"  # the goal it validated, colours left out
    assert [p.name for p in skill.params] == ["robot", "block", "anchor"]
    head = git(lib.root, "rev-parse", "HEAD")
    second = run_task("put the blue block next to the green block", coder=coder_for(), library=lib,
                      validate=1, keyframes=False)
    assert second.success, second.message
    assert read_plan(second.program).skill == "put_block_next_to_block"
    assert second.skill is None  # no near-duplicate: the skill already does the job
    # a repair on the way may strengthen a lesson; no program skill changes
    assert git(lib.root, "diff", "--name-only", head.strip(), "HEAD", "--", "skills") == ""
    assert (second.lesson is not None) == bool(second.repairs)


def test_out_of_budget_stops_before_running_and_changes_nothing(lib, events):
    got, emit = events
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task("pile the red cube on top of the blue one", coder=coder_for(), library=lib,
                      budget=1e-6, emit=emit, keyframes=False)
    assert not result.success and "out of budget" in result.message
    assert not any(isinstance(e, ev.RunFinished) for e in got)
    assert git(lib.root, "rev-parse", "HEAD") == head


def test_a_corner_of_the_table_is_found_from_the_robots_work_area(lib, events):
    """place_corner once had no skill: now the offline coder uses place_at_table_spot, which reads the
    work area from robot.workspace() (a traced call) and validates on fresh scenes."""
    got, emit = events
    result = run_task("could you take the blue block over to the far left corner of the table",
                      coder=coder_for(), library=lib, validate=1, select=1, emit=emit, keyframes=False)
    assert result.success, result.message
    assert result.family == "place_corner" and read_plan(result.program).skill == "place_at_table_spot"
    calls = {e.call for e in got if isinstance(e, ev.CallRecorded)}
    assert "workspace" in calls and "detect" in calls


@pytest.mark.parametrize("words", ["don't touch the white bowl", "don't put the red block in the green bowl"])
def test_a_goal_that_only_forbids_validates_by_doing_nothing_and_keeps_no_skill(words, lib, events):
    """"Don't touch the white bowl" asks nothing to be done: every scene starts out meeting it; so does "don't
    put the red block in the green bowl" when no words put it there first. The program only looks, its runs
    show the goal held, and nothing is committed (a skill that does nothing is no skill)."""
    got, emit = events
    head = git(lib.root, "rev-parse", "HEAD")
    result = run_task(words, coder=coder_for(), library=lib, validate=2, emit=emit, keyframes=False)
    assert result.success and result.validated == "2/2", result.message
    assert "nothing to do" in result.message and "nothing to commit" in result.message
    calls = {e.call for e in got if isinstance(e, ev.CallRecorded)}
    assert calls <= {"home", "scan", "detect"}  # it moved nothing
    assert git(lib.root, "rev-parse", "HEAD") == head
