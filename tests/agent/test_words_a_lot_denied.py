""""Not much", "not a lot" after a shift say it is a small one (a bit), never that the move is forbidden."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("shift the orange cube forward, but not much", "moved(orange block, front, 0.05)"),
    ("move the purple ball to the right a little, not a lot", "moved(purple ball, right, 0.05)"),
])
def test_a_lot_denied_is_a_bit(text, goal):
    assert tree(text) == want(goal)


def test_not_moving_an_object_still_keeps_it_still():
    assert tree("do not move the orange cube") == want("unmoved(orange block)")
