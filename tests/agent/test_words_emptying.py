"""Emptying a container ("empty the bowl", "clear out the tray"): everything in it taken out, of the kind the words
name, blocks where they name none; into another container, everything goes there."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree


@pytest.mark.parametrize("text, goal, start", [
    ("could you empty the green dish", "not(in(all blocks, green bowl))", ["in(all blocks, green bowl)"]),
    ("clear out the basket", "not(in(all blocks, tray))", ["in(all blocks, tray)"]),
    ("clear the saucer of its cubes", "not(on(all blocks, plate))", ["on(all blocks, plate)"]),
    ("some balls are sitting in the yellow tray; empty it", "not(in(all balls, yellow tray))",
     ["in(all balls, yellow tray)"]),
    ("empty the bowl into the blue tray", "in(all blocks, blue tray)", ["in(all blocks, bowl)"]),
])
def test_everything_taken_out(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start


def test_empty_and_clear_before_a_noun_stay_words_not_read():
    assert refusal("drop the cube into the empty bowl") == "unreadable"
    assert refusal("put the clear ball in the tray") == "unknown_color"
