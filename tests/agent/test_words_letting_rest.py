"""Letting an object rest, sit or settle somewhere puts it there, also in a clause joined on that leaves the
"let" unsaid; how things are ("the ball sits in the bowl") stays a start state."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_letting_an_object_rest_puts_it_there():
    assert tree("let the pink ball settle in the gray tray") == want("in(pink ball, gray tray)")


def test_a_joined_clause_is_let_rest_too():
    assert tree("let the white block sit on the black block and the black block sit on the brown block") == want(
        "stacked(white block, black block, brown block)")


def test_how_things_are_stays_a_start_state():
    text = "the yellow ball sits in the bowl; let the cyan cube rest on the plate"
    assert tree(text) == want("on(cyan block, plate)")
    assert start_states(text) == [want("in(yellow ball, bowl)")]
