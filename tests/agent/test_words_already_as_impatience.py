"""A command ending in "already" with no word of how things are ("the cube, onto the plate already") is
impatience and asks what it says; with "is" or "sits" ("the ball is in the bowl already") it says how things
are."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_already_after_a_command_is_impatience():
    assert tree("the leftmost cube, into the crate already!") == want("in(leftmost(block), crate)")
    assert start_states("the leftmost cube, into the crate already!") == []


def test_already_after_how_things_are_is_a_start_state():
    text = "the cyan ball sits on the plate already. move it into the tray"
    assert tree(text) == want("in(cyan ball, tray)")
    assert start_states(text) == [want("on(cyan ball, plate)")]


def test_already_said_before_the_task_is_how_things_are():
    text = "the cyan ball on the plate already. now move it into the tray"
    assert tree(text) == want("in(cyan ball, tray)")
    assert start_states(text) == [want("on(cyan ball, plate)")]
