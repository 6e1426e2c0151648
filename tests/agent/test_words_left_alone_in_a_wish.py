"""In a wish for how things are to be, an object "left alone" or "left where it is" stays where it started, a
condition of its own after ", and" as after "and"; "left of" stays a side."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("I'd like the green cube on the plate, and the yellow bowl left alone.",
     "all(on(green block, plate), unmoved(yellow bowl))"),
    ("we want the ball in the crate and the two plates left just where they are",
     "all(in(ball, crate), unmoved(2 plates))"),
])
def test_an_object_left_alone_stays_put(text, goal):
    assert tree(text) == want(goal)


def test_left_of_after_a_thing_is_still_a_side():
    assert tree("I'd like the green cube on the plate and the pink cube left of the bowl") == \
        want("all(on(green block, plate), left_of(pink block, bowl))")
