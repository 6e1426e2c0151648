""""Put it back" after the words say an object left a place is back on or in that place (where it no longer
is to begin with), never a shift towards the robot."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the orange ball rolled off the black plate; put it back", "on(orange ball, black plate)",
     ["not(on(orange ball, black plate))"]),
    ("the purple cube fell out of the crate. please put the cube back", "in(purple block, crate)",
     ["not(in(purple block, crate))"]),
])
def test_put_back_is_back_where_it_was(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(s) for s in start]


def test_back_with_an_amount_is_still_a_shift():
    assert tree("the orange ball rolled off the plate; move it back 4 cm") == want("moved(orange ball, back, 0.04)")


def test_back_with_no_place_left_is_still_a_shift():
    assert tree("move the white block back") == want("moved(white block, back, 0.1)")
