"""A place the speaker asks about and answers yes ("the pink ball left of the bowl? yes, put it there") is
where the object goes; "go back" before a distance asked about is the way it goes, not a return."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("the pink ball left of the bowl? yes, put it there", "left_of(pink ball, bowl)"),
    ("the white cube on the black plate? yeah, do that", "on(white block, black plate)"),
    ("should the gray cube go back 15 cm? yes", "moved(gray block, back, 0.15)"),
])
def test_a_place_asked_and_answered_yes_is_asked(text, goal):
    assert tree(text) == want(goal)


def test_how_things_are_asked_about_stays_how_they_are():
    text = "is the pink ball in the bowl? yes it is. put it on the plate"
    assert tree(text) == want("on(pink ball, plate)")
    assert start_states(text) == [want("in(pink ball, bowl)")]


def test_a_yes_that_names_an_object_says_which_one():
    assert tree("should both cubes go on the plate? yeah, the white plate") == want("on(2 blocks, white plate)")


def test_a_place_said_after_asking_where_is_where_it_goes():
    assert tree("where should the orange cube go? the purple bowl, I guess") == want("in(orange block, purple bowl)")
    assert tree("where does the black ball go... next to the crate") == want("next_to(black ball, crate)")
