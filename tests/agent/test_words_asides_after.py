"""Small ways of saying: the colour said after the thing ("the barrel, the purple one"), a place asked and
answered ("where's the cube going? behind the bowl!"), a heading of what to do ("colour-match:"), "first thing",
and a thing out of the lab that the simulator also lacks."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drive over to the cone, the yellow one", "near(robot, yellow cone)"),
    ("drop the ball in the tray, the black one.", "in(ball, black tray)"),
    ("where's the green ball going? next to the plate!", "next_to(green ball, plate)"),
    ("where are the cubes going? into the crate", "in(all blocks, crate)"),
    ("colour-match: balls -> bowls", "sorted_into(all balls, all bowls)"),
    ("where should the robot put the cyan cube? on the black plate!", "on(cyan block, black plate)"),
    ("first thing, put the red ball on the plate, then the blue ball in the tray",
     "then(on(red ball, plate), in(blue ball, tray))"),
])
def test_read_plainly(text, goal):
    assert tree(text) == want(goal)


def test_taken_out_of_the_lab_to_a_thing_it_lacks_is_impossible():
    assert refusal("carry the gray cube out of the lab and into the van") == "impossible"
