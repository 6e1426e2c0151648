""""no cube is outside the tray" is none of the cubes out of it: every cube in it (never "not not"); "no ball
is in the bowl" is none of them in it; an object that must never enter a place must never go into it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("confirm that no ball remains outside the crate", "in(all balls, crate)"),
    ("make sure no green cube is outside the bowl", "in(all green blocks, bowl)"),
    ("check that no ball is left on the plate", "not(on(all balls, plate))"),
])
def test_no_member_is_none_of_the_group(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("the yellow ball must never enter the crate", "not(in(yellow ball, crate))"),
    ("drop the cube in the tray, but the pink ball should not enter the tray",
     "all(in(block, tray), not(in(pink ball, tray)))"),
])
def test_never_entering_is_never_going_into(text, goal):
    assert tree(text) == want(goal)
