"""A thing taken out, said with the particle before it ("take out the ball from the tray") or with nowhere to
put it ("take the cube from the plate."), is taken out of where it starts; "from the left" still picks one out."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("take out the pink ball from the tray", "not(in(pink ball, tray))", ["in(pink ball, tray)"]),
    ("lift off the white cube from the gray plate, then put it in the bowl",
     "in(white block, bowl)", ["on(white block, gray plate)"]),
    ("get the orange ball from the dish.", "not(in(orange ball, bowl))", ["in(orange ball, bowl)"]),
])
def test_taken_out_of_where_it_starts(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start


def test_from_a_side_still_picks_one_out():
    assert tree("take the third ball from the right and put it on the plate") == want("on(rightmost(ball, 3), plate)")
