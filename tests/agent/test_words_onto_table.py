"""Putting an object on the table: the table is where everything lies, so the words ask it out of what they say it
is in or on; said of an object the words put nowhere, the reader asks where it is instead of guessing."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree


@pytest.mark.parametrize("text, goal, start", [
    ("the green ball sits in the tray. set it down on the table", "not(in(green ball, tray))", ["in(green ball, tray)"]),
    ("lift the blue cube out of the dish and place it onto the table", "not(in(blue block, bowl))",
     ["in(blue block, bowl)"]),
    ("the yellow block is on the red block; put it back on the table", "not(on(yellow block, red block))",
     ["on(yellow block, red block)"]),
])
def test_out_of_what_it_is_in(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start


def test_a_place_on_the_table_is_the_place():
    assert tree("put the white ball on the table right of the plate") == "right_of(white ball, plate)"


def test_nothing_said_of_where_it_is_is_refused():
    assert refusal("please put the purple block on the table") == "unreadable"
