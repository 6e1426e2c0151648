"""Negations that cancel: "don't not X" asks X, and "not anywhere but P" asks the one place left, P."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("do not not drop the green cube into the tray", "in(green block, tray)"),
    ("don't leave the pink ball anywhere except on the white plate", "on(pink ball, white plate)"),
    ("we won't have the blue block anywhere other than behind the crate", "behind(blue block, crate)"),
    ("I do not want the black ball anywhere but the back left corner", "at_place(black ball, back_left)"),
])
def test_negations_that_cancel_ask_what_is_left(text, goal):
    assert tree(text) == want(goal)


def test_a_single_negation_still_forbids():
    assert tree("do not put the green cube in the tray") == want("not(in(green block, tray))")


def test_none_but_one_forbids_it_of_the_rest():
    assert tree("no ball other than the yellow one may move; set the yellow one in the tray") == want(
        "all(in(yellow ball, tray), unmoved(except(all balls, yellow ball)))")
    assert tree("no cube except the white one should be left outside the crate") == want(
        "in(except(all blocks, white block), crate)")
