"""Programs planned from goal trees, run for real: sandbox, simulation, task files in ``tasks/``.

Each program is written once for the debug scene (seed 0) and then run, as the loop validates, on
other scenes of its task file with ``ARGS`` filled from each scene's own words. The task's success
check judges; the coder never sees it.
"""

from __future__ import annotations

import pytest

from aspire_tui.agent.coder import OfflineCoder
from aspire_tui.agent.loop import scene_program
from aspire_tui.runner import run_program

from .tree_goals import SEED_SKILLS, seed_skills, task, tree_goal

pytestmark = pytest.mark.slow  # planned programs validated on several scenes (about 90 s)

SEEDS = (0, 501, 502)

CASES = {  # test id -> (task file, goal, referents' ids)
    "sort-loop": ("sort_three_custom", "sorted_into(3 blocks, all bowls)", {}),        # a loop over detections
    "sort-skill": ("sort_three_custom", "sorted_into(all blocks, all bowls)", {}),     # sort_by_color, by kind
    "all-in-one-bowl": ("all_blocks_one_bowl", "in(all blocks, {bowl})", {}),
    "nearest": ("nearest_block_to_bowl", "in(nearest(block, {red_bowl}), {green_bowl})",
                {"nearest(block, red bowl)": "near_block"}),
    "then": ("plate_then_bowl", "then(on({block}, {plate}), in({other}, {bowl}))", {}),
    "stack-group": ("stack_group", "stacked(3 blocks)", {}),
}


def run_on(program: str, name: str, seed: int, tmp_path):
    spec = task(name)
    return run_program(scene_program(program, spec, seed), spec, seed, skills_dir=SEED_SKILLS,
                       runs_dir=tmp_path / "runs", keyframes=False)


def program_for(name: str, condition: str, refs: dict[str, str]) -> str:
    return OfflineCoder().write(tree_goal(name, condition, refs=refs), seed_skills(), [])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_planned_program_validates_on_several_scenes(case, tmp_path):
    name, condition, refs = CASES[case]
    program = program_for(name, condition, refs)
    outcomes = {seed: run_on(program, name, seed, tmp_path) for seed in SEEDS}
    assert {s: t.outcome for s, t in outcomes.items()} == dict.fromkeys(SEEDS, "succeeded"), \
        {s: t.headline() for s, t in outcomes.items()} | {"program": program}


@pytest.mark.parametrize("name, condition, refs", [
    ("nearest_block_to_bowl", "in(farthest(block, {red_bowl}), {green_bowl})", {}),
    ("plate_then_bowl", "then(on({other}, {plate}), in({block}, {bowl}))", {}),
])
def test_a_program_for_a_different_goal_fails(name, condition, refs, tmp_path):
    """The success check is the task's; a program that does another thing (the farthest block,
    the blocks swapped) runs cleanly and is still judged not done."""
    trace = run_on(program_for(name, condition, refs), name, 0, tmp_path)
    assert trace.outcome == "failed" and not trace.failure_index, trace.headline()


def test_the_diagnosis_names_the_part_the_camera_saw_fail(tmp_path):
    """A program that moved the wrong block: the coder, checking its own goal against the detections in
    the trace (never the success check), names the part and how far off it is."""
    coder = OfflineCoder()
    coder.write(tree_goal("nearest_block_to_bowl", "in(nearest(block, {red_bowl}), {green_bowl})",
                          refs={"nearest(block, red bowl)": "near_block"}), seed_skills(), [])
    wrong = program_for("nearest_block_to_bowl", "in(farthest(block, {red_bowl}), {green_bowl})", {})
    d = coder.diagnose(run_on(wrong, "nearest_block_to_bowl", 0, tmp_path), [])
    assert d.error_type == "NotDone" and d.failed_part == "in(nearest(block, red bowl), green bowl)"
    assert "from the green bowl's centre; inside means within" in d.message, d.message
