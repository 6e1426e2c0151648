"""A side's corner said with how far it is from the robot ("the right corner far from the robot", "the left-hand
corner close to you"): the far end of the table is its front, the near end its back."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("move the black ball to the left corner far away from the robot", "at_place(black ball, front_left)"),
    ("set the crate in the right-hand corner close to you", "at_place(crate, back_right)"),
])
def test_a_side_corner_said_by_distance_from_the_robot(text, goal):
    assert tree(text) == want(goal)
