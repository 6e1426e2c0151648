"""How things are at the start, said as "starting with the cube on the plate, ..." or "the ball has been left in
the tray": a start state, and the task after it acts from there."""

from __future__ import annotations

import pytest

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal, start", [
    ("Starting with the orange cube on the purple cube, unstack it and set it in the bowl.",
     "in(orange block, bowl)", ["on(orange block, purple block)"]),
    ("beginning with the white ball inside the crate, move it onto the plate", "on(white ball, plate)",
     ["in(white ball, crate)"]),
    ("The pink cube has been left on the plate. Put it in the tray.", "in(pink block, tray)",
     ["on(pink block, plate)"]),
])
def test_reads(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start


def test_resides_says_where_it_is():
    text = "the cyan ball resides in the crate. relocate it onto the plate"
    assert tree(text) == "on(cyan ball, plate)"
    assert start_states(text) == ["in(cyan ball, crate)"]
