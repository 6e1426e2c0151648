"""More ways to say an object is to be left alone or kept down: "undisturbed", "mind the bowl", "leave it be",
"taking care not to disturb", "don't you dare touch", and "at any point" / "throughout", which only say for how
long."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("Place the cyan ball in the crate; the white bowl is to remain undisturbed.",
     "all(in(cyan ball, crate), unmoved(white bowl))"),
    ("stick the pink cube in the tray, and mind the green ball", "all(in(pink block, tray), unmoved(green ball))"),
    ("let the yellow plate be and put the brown ball in the bowl", "all(in(brown ball, bowl), unmoved(yellow plate))"),
    ("Move the gray block to the front left corner, taking care not to disturb the red bowl.",
     "all(at_place(gray block, front_left), unmoved(red bowl))"),
    ("pop the orange cube on the plate and don't you dare touch the blue cube",
     "all(on(orange block, plate), unmoved(blue block))"),
    ("Slide the black ball into the white zone; it must not be lifted at any point.",
     "all(in(black ball, white zone), never_lifted(black ball))"),
    ("put the red ball in the tray, yeah, and keep the plate where it is throughout",
     "all(in(red ball, tray), unmoved(plate))"),
])
def test_reads(text, goal):
    assert tree(text) == goal
