"""Picking an object up to set it down on the table is the means: what is asked is that it is out of where it
was, never that it ends up held in the air."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("pick the orange ball up out of the crate and put it on the table",
     "not(in(orange ball, crate))", ["in(orange ball, crate)"]),
    ("lift the cyan cube off the plate and set it down on the table",
     "not(on(cyan block, plate))", ["on(cyan block, plate)"]),
])
def test_picking_up_to_set_down_is_only_the_means(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(s) for s in start]


def test_picking_up_alone_still_asks_it_held():
    assert tree("pick up the brown block") == want("lifted(brown block)")
