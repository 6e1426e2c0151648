"""A word the reader does not know, taken back and said again as an object or place it knows ("the
dragon... I mean the red ball"), is read as what it was said again as; the verb and place around it stay."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("slide the pebble... I mean the green block into the yellow zone",
     "all(in(green block, yellow zone), never_lifted(green block))"),
    ("set the shiny... er, the white ball on the plate", "on(white ball, plate)"),
    ("bring the blue cube to the middle of the kingdom... I mean the table", "at_place(blue block, middle)"),
])
def test_an_unknown_word_said_again_is_the_object_named(text, goal):
    assert tree(text) == want(goal)


def test_an_unknown_thing_not_taken_back_is_still_refused():
    assert refusal("slide the pebble into the yellow zone") == "unknown_kind"
