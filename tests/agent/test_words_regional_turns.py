"""Turns of phrase of South and South-East Asian English: a sentence particle ("lah", "leh"), "revert" for putting
back; and "one on top of the other" for stacking, as anyone says it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("just drop the cyan ball in the crate lah", "in(cyan ball, crate)"),
    ("put the plate in the middle, ok leh", "at_place(plate, middle)"),
])
def test_a_sentence_particle_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_revert_puts_an_object_back_where_it_is_said_to_go():
    assert tree("kindly revert the brown cube to the tray") == want("in(brown block, tray)")


def test_one_on_top_of_the_other_stacks_them():
    assert tree("set the cubes one on top of another: white at the bottom, then gray, then black") == \
        want("stacked(black block, gray block, white block)")
