"""One step of a list said to be done last (or first) comes after (or before) the others, which keep no order
among them; "last" said of a lone step orders nothing."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the pink ball in the crate, the white ball on the plate and the cyan ball in the bowl last",
     "then(all(in(pink ball, crate), on(white ball, plate)), in(cyan ball, bowl))"),
    ("place the orange cube in the tray, the gray cube in the tray and the black cube in the tray; "
     "do the orange cube last of all",
     "then(all(in(gray block, tray), in(black block, tray)), in(orange block, tray))"),
    ("drop the yellow cube on the plate and the purple cube in the bowl, but do the purple cube first",
     "then(in(purple block, bowl), on(yellow block, plate))"),
])
def test_a_step_said_last_or_first_is_ordered(text, goal):
    assert tree(text) == want(goal)


def test_a_lone_step_said_last_is_that_step():
    assert tree("put the brown cube in the crate last") == want("in(brown block, crate)")


def test_the_last_object_of_a_row_is_a_referent():
    assert tree("put the last ball on the left into the tray") == want("in(leftmost(ball), tray)")
