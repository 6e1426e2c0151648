"""Everyday verbs for moving an object: rolling it along the table is pushing it (it never leaves the table),
and fishing it out of a holder takes it out."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


def test_rolling_an_object_pushes_it():
    assert tree("roll the purple ball next to the crate") == \
        want("all(next_to(purple ball, crate), never_lifted(purple ball))")


def test_the_robot_still_rolls_to_a_place():
    assert tree("roll over to the blue marker") == want("near(robot, blue marker)")


@pytest.mark.parametrize("text, goal, start", [
    ("the pink cube is in the bowl; fish it out", "not(in(pink block, bowl))", "in(pink block, bowl)"),
    ("fish the white ball out of the tray", "not(in(white ball, tray))", "in(white ball, tray)"),
])
def test_fishing_an_object_out_takes_it_out(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]
