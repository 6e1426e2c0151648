"""A line's order said with the verb of its course ("a row running from left to right", "a line that goes
from back to front"): the order of the line."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("lay the cubes out in a row running left to right: green, yellow, red",
     "in_line([green block, yellow block, red block], left_to_right)"),
    ("put the balls in a line that goes from back to front: pink, cyan, brown",
     "in_line([pink ball, cyan ball, brown ball], back_to_front)"),
])
def test_the_course_of_a_line_is_its_order(text, goal):
    assert tree(text) == want(goal)
