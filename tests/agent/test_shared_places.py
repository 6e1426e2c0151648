"""Objects sent one by one to the same place of the table are checked and moved as a group there
(`aspire_tui.agent.shared_places`)."""

from __future__ import annotations

import pytest

from aspire_tui.agent.plan import plan_goal
from aspire_tui.agent.scene import spec_for
from aspire_tui.agent.words import read

from .tree_goals import seed_skills


@pytest.mark.parametrize("words, check", [
    ("leave the purple ball and the brown cube together in the front left corner",
     "at_place([purple_ball, brown_block], front_left)"),
    ("slide the tray and the bowl to the centre of the table",
     "all(at_place([tray, bowl], middle), never_lifted(tray), never_lifted(bowl))"),
    ("put the cyan block in the back right corner and the black ball in the back right corner as well",
     "at_place([cyan_block, black_ball], back_right)"),
])
def test_two_objects_at_one_place_are_checked_as_a_group_clustered_there(words, check):
    """Each had to stand within 8 cm of the corner (6 of the middle), as one object alone; two cannot."""
    assert spec_for(read(words))[0].success_text == check


def test_objects_at_two_places_keep_a_part_each():
    spec = spec_for(read("move the red cube to the middle and the pink ball to the back left corner"))[0]
    assert spec.success_text == "all(at_place(red_block, middle), at_place(pink_ball, back_left))"


def test_the_plan_lays_the_group_out_side_by_side_in_one_step():
    """Two steps each aimed at the corner's point: the second set down on, or shoved, the first."""
    plan = plan_goal(read("put the blue ball and the orange cube in the back right corner"), seed_skills())
    assert [s.form for s in plan.steps] == ["slots"]
    assert [m.phrase for m in plan.steps[0].group.members] == ["blue ball", "orange block"]
    pushed = plan_goal(read("without lifting them, slide the blue ball and the orange cube to the middle"),
                       seed_skills())
    assert [(s.form, s.skill) for s in pushed.steps] == [("slots", "push_to")]


def test_a_ball_and_a_block_in_one_corner_validate_on_the_goal_shown(lib, events):
    from .word_runs import validated_as

    validated_as("put the red ball and the yellow block in the front right corner",
                 "all(at_place(red ball, front_right), at_place(yellow block, front_right))", lib, events)
