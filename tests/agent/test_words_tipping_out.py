"""A holder said to be full, then its load tipped out with a verb of pouring or a picture: everything of the kind
named taken out of it (the table is where it all lies already)."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the crate is full of balls; dump them out", "not(in(all balls, crate))", "in(all balls, crate)"),
    ("the bowl is loaded with cubes, pour the bowl out", "not(in(all blocks, bowl))", "in(all blocks, bowl)"),
    ("the tray is full of bricks: tray ➡️ table", "not(in(all blocks, tray))", "in(all blocks, tray)"),
    ("the tray is full of bricks: bricks -> table", "not(in(all blocks, tray))", "in(all blocks, tray)"),
    ("crate full of marbles. shake them all out 👇", "not(in(all balls, crate))", "in(all balls, crate)"),
    ("the bowl is full of bricks 👉 tip out", "not(in(all blocks, bowl))", "in(all blocks, bowl)"),
    ("the crate is packed with marbles; dump everything out", "not(in(all balls, crate))", "in(all balls, crate)"),
])
def test_a_load_tipped_out_leaves_its_holder(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]


def test_tipped_into_another_holder_goes_there():
    assert tree("the bowl is full of balls; tip them all into the yellow crate") == want("in(all balls, yellow crate)")
