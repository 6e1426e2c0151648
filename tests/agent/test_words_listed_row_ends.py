"""A group listed first and its row's ends then named by side ("the pink, cyan and brown blocks in a row, pink on
the left and brown on the right") is every member in the order across, the unnamed one between the ends; a
reading that kept only the two ends validated a row of two (dev37 set)."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the white, black and gray balls in a line, gray on the left and white on the right",
     "in_line([gray ball, black ball, white ball], left_to_right)"),
    ("line up the orange, purple and cyan bowls, cyan at the front, orange at the back",
     "in_line([cyan bowl, purple bowl, orange bowl], front_to_back)"),
    ("put the yellow and green cubes in a row with green on the right",
     "in_line([green block, yellow block], right_to_left)"),
])
def test_listed_row_with_its_ends_named(text, goal):
    assert tree(text) == want(goal)


def test_ends_that_leave_the_order_open_are_not_guessed():
    # four listed, two ends said: which of the middle two comes first is not said
    got = tree("put the red, blue, green and pink blocks in a row, red on the left and pink on the right")
    assert got != want("in_line([red block, blue block, green block, pink block], left_to_right)")
