"""Which corner or edge, said after its word: "the corner, the one far away on the right" (far away is the front
of the table, near the robot its back), "the edge of the table on the left"."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the blue ball in the corner, the one far off on the left", "at_place(blue ball, front_left)"),
    ("move the cube to the corner! the one on the right close to you", "at_place(block, back_right)"),
])
def test_the_corner_named_after_it(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the green cube at the edge of the table on the left", "along_edge(green block, left)"),
    ("line up the balls along the edge at the back", "along_edge(all balls, back)"),
])
def test_the_edge_named_after_it(text, goal):
    assert tree(text) == want(goal)
