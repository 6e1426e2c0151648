"""Words that leave the order to the robot ("in any order", "the order doesn't matter") ask nothing: a tower
or a list said with them is read as said without them, never as a line."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("pile up the four cubes in whatever order you like", "stacked(4 blocks)"),
    ("build a tower of all the blocks; the order doesn't matter", "stacked(all blocks)"),
    ("put the pink and cyan balls in the crate, in no particular order", "in([pink ball, cyan ball], crate)"),
])
def test_leaving_the_order_open_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_an_order_said_is_still_kept():
    assert tree("line the white, gray and black balls up from left to right") == want(
        "in_line([white ball, gray ball, black ball], left_to_right)")
