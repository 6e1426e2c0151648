"""Toward the far side (or end, or edge) of the table is away from the robot, toward the near side is toward
it: the way an object is shifted."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("advance the green cube 4 cm towards the far end of the table", "moved(green block, front, 0.04)"),
    ("shift the blue ball a bit toward the near side", "moved(blue ball, back, 0.05)"),
])
def test_toward_an_end_of_the_table_is_a_way_to_shift(text, goal):
    assert tree(text) == want(goal)
