"""A state asked for as the end of the task ("make sure that X is left of Y", "arrange the blocks so that X is
left of Y") is the goal; read as it stands it would say how things are now, and the arrangement verb would ask
for a line of every block."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("shuffle the cubes around so that the yellow cube is behind the plate", "behind(yellow block, plate)"),
    ("rearrange the balls such that the pink ball is right of the bowl", "right_of(pink ball, bowl)"),
    ("please make sure that the white block sits next to the tray", "next_to(white block, tray)"),
    ("ensure the green ball is in front of the red bowl", "in_front_of(green ball, red bowl)"),
])
def test_the_asked_state_is_the_goal_not_a_start(text, goal):
    assert tree(text) == want(goal)
    assert start_states(text) == []


@pytest.mark.parametrize("text, goal", [
    # a state that is no place says why, and is left out as before
    ("drop the blue block in the tray so that the tray is heavier", "in(blue block, tray)"),
    # "it" and "each one" stand for what the verb moved, as before
    ("nudge the purple cube so that it is beside the plate", "all(next_to(purple block, plate), never_lifted(purple block))"),
    ("spread the blocks out so that each one sits in a different corner", "in_corners(all blocks)"),
])
def test_other_states_after_so_that_read_as_before(text, goal):
    assert tree(text) == want(goal)
