"""A side said again after "behind" or "in front of" ("behind the bowl, on the side nearest you") is the same
relation, seen from the robot; it names no edge of the table."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the orange ball behind the crate, on the side nearest to the robot", "behind(orange ball, crate)"),
    ("put the cyan cube in front of the plate at the end furthest from you", "in_front_of(cyan block, plate)"),
])
def test_a_side_said_again_is_the_same_relation(text, goal):
    assert tree(text) == want(goal)
