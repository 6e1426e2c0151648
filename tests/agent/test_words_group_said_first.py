"""A group said first, then one of it ("of the two green balls, put the one on the right in the tray"): the group
names what "one" is, and only that one moves; read as it stands, the whole group went too."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("of the two green balls, put the one on the right in the tray", "in(rightmost(green ball), tray)"),
    ("Of the cubes, lift the smallest one onto the plate", "on(smallest(block), plate)"),
    ("out of the three bowls, carry the one closest to the robot into the tray",
     "in(nearest(bowl, robot), tray)"),
    ("among the dishes, take the one at the back and set it on the plate", "on(backmost(bowl), plate)"),
])
def test_one_of_a_group_said_first(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("of the yellow blocks, put one on the plate", "on(1 of yellow blocks, plate)"),
    ("of the balls, move two into the bowl", "in(2 of balls, bowl)"),
])
def test_a_count_of_a_group_said_first(text, goal):
    assert tree(text) == want(goal)
