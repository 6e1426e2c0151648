""""+" and "&" between words are "and", "w/" is "with": "red + blue blocks in the bowl", "the cube in the bowl +
the ball on the plate"; "+" before a number is still a change said by its size."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("red + green blocks into the crate", "in([red block, green block], crate)"),
    ("pink+cyan balls on the plate", "on([pink ball, cyan ball], plate)"),
    ("drop the red cube in the tray + the white cube", "in([red block, white block], tray)"),
    ("put the orange ball in the bowl + the black cube on the plate",
     "all(in(orange ball, bowl), on(black block, plate))"),
    ("yellow & purple cubes in the bowl", "in([yellow block, purple block], bowl)"),
    ("put the brown cube w/ the gray cube into the crate", "in([brown block, gray block], crate)"),
    ("shift the red cube +10 cm to the right", "moved(red block, right, 0.1)"),
])
def test_symbols_for_and_and_with(text, goal):
    assert tree(text) == want(goal)
