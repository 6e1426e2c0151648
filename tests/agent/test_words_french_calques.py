"""A French speaker's verbs ("pose", "superpose", "range", "dispose", "aside the") read as the English meant."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Can you pose the brown cube on the plate?", "on(brown block, plate)"),
    ("Superpose the white cube on the black cube.", "on(white block, black block)"),
    ("Range each ball in the bowl of its colour.", "sorted_into(all balls, all bowls)"),
    ("Dispose the cubes in each corner.", "in_corners(all blocks)"),
    ("Put the pink cube aside the tray.", "next_to(pink block, tray)"),
    ("Put the cyan cube just in front the crate.", "in_front_of(cyan block, crate)"),
    ("Reunite all the balls in the corner front right.", "at_place(all balls, front_right)"),
    ("Place all the balls excepted the white in the crate.", "in(except(all balls, white ball), crate)"),
    ("Put the ball the more near of the tray in the crate.", "in(nearest(ball, tray), crate)"),
    ("Put the black cube on the plate, then the white cube at its right.",
     "then(on(black block, plate), right_of(white block, black block))"),
])
def test_french_verbs_read_as_meant(text, goal):
    assert tree(text) == want(goal)


def test_a_tower_told_level_first():
    text = "Do a tower with the cubes: in bottom the white, after the pink, and in top the cyan."
    assert tree(text) == want("stacked(cyan block, pink block, white block)")
    assert tree("Pile the cubes: the white in bottom, the cyan in top") == want("on(cyan block, white block)")
