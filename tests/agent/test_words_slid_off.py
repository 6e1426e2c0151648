"""An object said to have slid, slipped or been knocked off a place is how things are (it is no longer there), and
"put it back" puts it back there, never a push or a shift towards the robot."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the pink cube slid off the crate; put it back", "in(pink block, crate)", "not(in(pink block, crate))"),
    ("my white ball slipped off the black plate, pop it back", "on(white ball, black plate)",
     "not(on(white ball, black plate))"),
    ("the orange block has been knocked out of the bowl. put it back in",
     "in(orange block, bowl)", "not(in(orange block, bowl))"),
])
def test_an_object_that_slid_off_goes_back(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]


def test_sliding_it_off_asked_for_is_still_a_push():
    assert tree("slide the gray block off the plate") == want(
        "all(never_lifted(gray block), not(on(gray block, plate)))")
