"""A distance denied a far one ("not far from", "not too far away from") is near; after another place ("to its
left, but not too far from it") both hold."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("leave the pink ball somewhere not too far from the gray crate", "near(pink ball, gray crate)"),
    ("set the orange cube not far away from the white plate", "near(orange block, white plate)"),
    ("place the black cube in front of the tray but not far from it",
     "all(in_front_of(black block, tray), near(black block, tray))"),
    ("put the cyan ball to the right of the bowl, but not too far from it",
     "all(right_of(cyan ball, bowl), near(cyan ball, bowl))"),
])
def test_not_far_is_near(text, goal):
    assert tree(text) == want(goal)


def test_too_far_away_is_still_out_of_reach():
    assert tree("the brown cube is too far away; pull it in with the hook") == want("in_reach(brown block)")
