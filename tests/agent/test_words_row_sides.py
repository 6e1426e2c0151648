"""A row named end to end with its sides ("the blue one on the left, then ..., then the red on the right") is the
order from the side said first."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the balls in a row, the pink one on the left, then the white, then the black on the right",
     "in_line([pink ball, white ball, black ball], left_to_right)"),
    ("line the blocks up with cyan at the back, orange, then gray at the front",
     "in_line([cyan block, orange block, gray block], back_to_front)"),
])
def test_row_named_by_its_ends(text, goal):
    assert tree(text) == want(goal)
