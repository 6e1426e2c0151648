"""Objects picked out by where they are now ("the ball lying in the crate", "the cube beside the plate? move
that one"): where they are is how things start, and the place asked for is the goal."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the ball lying in the crate, drop it onto the plate", "on(ball, plate)", "in(ball, crate)"),
    ("grab the cube resting on the plate and pop it into the tray", "in(block, tray)", "on(block, plate)"),
    ("the green block standing next to the bowl - push it into the zone",
     "all(in(green block, zone), never_lifted(green block))", "next_to(green block, bowl)"),
])
def test_an_object_said_with_a_resting_word_starts_there(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]


def test_an_object_with_its_place_and_then_pointed_back_at_starts_there():
    text = "the ball behind the crate? put that one on the plate"
    assert tree(text) == want("on(ball, plate)")
    assert start_states(text) == [want("behind(ball, crate)")]


@pytest.mark.parametrize("text, goal", [
    ("I'd like the cube sitting on the plate", "on(block, plate)"),
    ("build a tower with the pink block at the bottom and the cyan block resting on it",
     "on(cyan block, pink block)"),
])
def test_a_resting_word_in_a_wish_is_how_things_are_to_be(text, goal):
    assert tree(text) == want(goal)
    assert start_states(text) == []


@pytest.mark.parametrize("text, goal, start", [
    ("pick up the ball on the plate and drop it into the crate", "in(ball, crate)", "on(ball, plate)"),
    ("grab the yellow cube beside the tray and set it on the plate", "on(yellow block, plate)",
     "next_to(yellow block, tray)"),
])
def test_an_object_taken_from_where_it_is_starts_there(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]



@pytest.mark.parametrize("text, goal, start", [
    ("carry the crate with the yellow ball in it to the front left corner", "at_place(crate, front_left)",
     "in(yellow ball, crate)"),
    ("slide the plate that holds the cube on it next to the tray",
     "all(next_to(plate, tray), never_lifted(plate))", "on(block, plate)"),
])
def test_a_holder_picked_out_by_what_it_holds(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]
