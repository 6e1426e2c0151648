"""A bettor's pick is the task: what is bet on ("bet the cube lands in the tray", "smart money says ...",
"my money's on ...") is how things are to end up."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("bet the cyan cube lands in the crate", "in(cyan block, crate)"),
    ("i'm betting that the red ball ends up on the plate", "on(red ball, plate)"),
    ("smart money says the brown cube goes behind the tray", "behind(brown block, tray)"),
    ("my money's on the pink ball in the orange bowl", "in(pink ball, orange bowl)"),
    ("wager every block lands in the bowl of its colour", "sorted_into(all blocks, all bowls)"),
])
def test_what_is_bet_on_is_the_goal(text, goal):
    assert tree(text) == want(goal)


def test_a_bet_on_nothing_is_refused():
    assert refusal("i bet you can't") == "unreadable"
