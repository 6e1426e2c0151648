"""Verbs of a trade read as the moves they are: a gardener plants a thing where it goes and heaps one on
another, anyone eases a thing over, a pilot's "taxi" and "proceeds" go somewhere."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("plant the cyan ball in the green tray", "in(cyan ball, green tray)"),
    ("heap the black cube onto the white cube", "on(black block, white block)"),
    ("ease the brown ball 4 cm to the left", "moved(brown ball, left, 0.04)"),
    ("taxi over to the purple marker", "near(robot, purple marker)"),
    ("the gray block proceeds to the back left corner", "at_place(gray block, back_left)"),
    ("Orange ball, report to the back right corner.", "at_place(orange ball, back_right)"),
])
def test_a_trade_verb_is_the_move_it_names(text, goal):
    assert tree(text) == want(goal)


def test_holding_position_keeps_an_object_where_it_is():
    assert tree("move the ball onto the plate while the crate must hold its position") == want(
        "all(on(ball, plate), unmoved(crate))")
