"""A speaker correcting a distance ("10 cm left, no, 15 cm"): the last distance said wins, and the side said with the
first stays unless the correction says a side too."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("shift the green cube 4 cm forward, no, 9 cm", "moved(green block, front, 0.09)"),
    ("move the yellow ball 20 cm to the right, sorry, 25", "moved(yellow ball, right, 0.25)"),
    ("move the blue block slightly back, no wait, 6 cm", "moved(blue block, back, 0.06)"),
    ("move the red ball 3 cm left, no, 7 cm right", "moved(red ball, right, 0.07)"),
    ("put 3 blocks in the tray, no, 2", "in(2 blocks, tray)"),
])
def test_the_last_distance_wins(text, goal):
    assert tree(text) == want(goal)
