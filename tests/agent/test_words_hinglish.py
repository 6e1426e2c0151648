"""Indian English ("do one thing, ...", "towards right side", "at left side of", "kindly empty", "isn't it?")
read plainly."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("do one thing, keep the white ball on the plate", "on(white ball, plate)"),
    ("shift the cyan block 15 cm towards left side", "moved(cyan block, left, 0.15)"),
    ("keep the red ball at right side of the bowl", "right_of(red ball, bowl)"),
    ("put the black cube in the crate, isn't it?", "in(black block, crate)"),
    ("kindly put the balls colour wise in their respective trays", "sorted_into(all balls, all trays)"),
    ("put the white cube over the black cube, means stack it", "on(white block, black block)"),
    ("keep the pink ball in the tray, ek minute, the cyan one only", "in(cyan ball, tray)"),
    ("move the brown ball slightly towards the back side na", "moved(brown ball, back, 0.05)"),
])
def test_indian_english_read_plainly(text, goal):
    assert tree(text) == want(goal)


def test_a_courteous_empty_still_empties():
    assert tree("kindly empty the crate") == want("not(in(all blocks, crate))")
    assert start_states("kindly empty the crate") == ["in(all blocks, crate)"]
