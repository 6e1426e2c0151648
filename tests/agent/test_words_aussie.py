"""An Australian's words ("whack it on", "rock up at", "a heap", "she'll be right") read plainly."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("whack the cyan cube on the plate, she'll be right", "on(cyan block, plate)"),
    ("reckon ya could chuck the brown ball in the tub", "in(brown ball, bowl)"),
    ("rock up at the orange marker, no dramas", "near(robot, orange marker)"),
    ("shift the white block a heap to the left", "moved(white block, left, 0.2)"),
    ("stick the gray cube in the corner down the back right", "at_place(gray block, back_right)"),
    ("plonk the ball closest to ya in the crate", "in(nearest(ball, robot), crate)"),
])
def test_australian_words_read_plainly(text, goal):
    assert tree(text) == want(goal)
