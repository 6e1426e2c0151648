"""A roboticist's words for what a thing is ("object", "item" before a named object) and for where it goes
("target", "target position" before a place) name nothing more; "sit" opening a clause sets the object there."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("place object green ball at target right of the white plate", "right_of(green ball, white plate)"),
    ("transport item yellow cube to target position: inside the gray tray", "in(yellow block, gray tray)"),
])
def test_type_words_name_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_sit_opening_a_clause_sets_the_object_there():
    assert tree("sit the brown cube behind the crate") == want("behind(brown block, crate)")


def test_sit_as_how_things_are_is_still_a_start():
    assert start_states("the cube sits on the plate; put it in the bowl") == [want("on(block, plate)")]
