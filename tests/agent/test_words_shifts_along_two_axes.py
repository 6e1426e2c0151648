"""One object shifted along both axes of the table in one move ("5 cm left and 3 cm forward") keeps both
shifts, each with its own amount; two shifts along one axis are still refused or read as before."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("nudge the yellow cube 4 cm to the right and 2 cm forward",
     "all(moved(yellow block, right, 0.04), moved(yellow block, front, 0.02), never_lifted(yellow block))"),
    ("move the purple ball back 6 cm and left 8 cm",
     "all(moved(purple ball, back, 0.06), moved(purple ball, left, 0.08))"),
    ("shift the plate 12 cm forward and 7 cm to the left",
     "all(moved(plate, front, 0.12), moved(plate, left, 0.07))"),
])
def test_a_shift_along_each_axis_is_kept(text, goal):
    assert tree(text) == want(goal)


def test_opposite_shifts_in_one_move_are_still_refused():
    assert refusal("move the cyan block 3 cm right and 3 cm left") == "contradiction"


def test_each_object_still_gets_its_own_shift():
    assert tree("move the pink ball 5 cm left and the gray ball 9 cm back") == want(
        "all(moved(pink ball, left, 0.05), moved(gray ball, back, 0.09))")
