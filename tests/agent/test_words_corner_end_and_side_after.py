"""A corner whose end and side are said after it ("the corner on the far left", "the left-hand corner at the
front") is that corner, seen from the robot: far is the front, near the back."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("carry the green ball to the corner on the near left", "at_place(green ball, back_left)"),
    ("the yellow cube goes in the corner at the far right", "at_place(yellow block, front_right)"),
    ("put the black block in the left-hand corner at the front", "at_place(black block, front_left)"),
])
def test_a_corner_said_with_its_end_and_side_after_it(text, goal):
    assert tree(text) == want(goal)
