"""Undoing a move: "the cube was moved from the plate into the bowl; put it back" starts in the bowl and goes back
on the plate; where the words never say where it was, "put it back" is refused in one line. A start state said
first and then "onto the table" takes the object out of what it is in."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the blue cube was moved from the plate into the tray; put it back",
     "on(blue block, plate)", ["in(blue block, tray)", "not(on(blue block, plate))"]),
    ("the pink ball got moved from the red bowl to the crate, please put it back where it was",
     "in(pink ball, red bowl)", ["in(pink ball, crate)", "not(in(pink ball, red bowl))"]),
    ("the gray ball was in the tray before; put it back", "in(gray ball, tray)", ["not(in(gray ball, tray))"]),
    ("the red cube used to be on the plate, set it back please", "on(red block, plate)",
     ["not(on(red block, plate))"]),
    ("the white block sits in the crate. lift it out onto the table",
     "not(in(white block, crate))", ["in(white block, crate)"]),
    ("the black ball is on the plate; put it on the table", "not(on(black ball, plate))", ["on(black ball, plate)"]),
])
def test_put_back_where_it_came_from(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == sorted(want(s) for s in start)


@pytest.mark.parametrize("text", [
    "the yellow cube was moved into the bowl; put it back",
    "somebody put the green ball in the tray, put it back please",
    "the red cube got moved onto the plate, put it back where it was",
])
def test_put_back_with_no_place_said_is_refused(text):
    assert refusal(text) == "unreadable"


def test_a_shift_back_is_still_a_shift():
    assert tree("move the cyan cube back") == want("moved(cyan block, back, 0.1)")


def test_back_where_it_was_with_no_move_told_stays_where_it_starts():
    assert tree("set the purple ball back where it was") == want("unmoved(purple ball)")
