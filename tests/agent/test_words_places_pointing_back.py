"""A place pointing back at what was just named ("On top of that, put the green block.", "Next to it, set the
ball.", "..., and the blue cube on top of that"): the object named before is where the next one goes; on a block
that has just had another put on it, "on top of it" is on the one put there."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Put the gray cube on the brown cube. On top of that, place the white cube.",
     "stacked(white block, gray block, brown block)"),
    ("move the plate to the middle; next to it, set the yellow ball", "all(at_place(plate, middle), next_to(yellow ball, plate))"),
])
def test_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the pink cube on the gray cube, and the orange cube on top of that",
     "stacked(orange block, pink block, gray block)"),
    ("put the white block onto the black block and the brown block on top of it",
     "stacked(brown block, white block, black block)"),
])
def test_reads_on_top_of_what_was_just_put(text, goal):
    assert tree(text) == want(goal)
