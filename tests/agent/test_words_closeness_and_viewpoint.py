"""How closely one thing sits by another ("the immediate right of", "flush against", "a short distance
behind") leaves the relation as it is and asks no distance; "as seen from the robot" at the end of a sentence
names the view every side word is read in already; a desk or a workbench is the table; "the tray's left" is the
left of the tray."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the green ball to the immediate right of the tray", "right_of(green ball, tray)"),
    ("the yellow cube should sit immediately behind the plate", "behind(yellow block, plate)"),
    ("push the crate flush against the barrel", want("all(next_to(crate, barrel), never_lifted(crate))")),
    ("place the blue bowl a short distance to the left of the white block", "left_of(blue bowl, white block)"),
    ("put the pink ball behind the bowl, as seen from the robot.", "behind(pink ball, bowl)"),
    ("the red block goes left of the green block as seen from you", "left_of(red block, green block)"),
    ("move the tray to the back right corner of my desk", "at_place(tray, back_right)"),
    ("center the plate on the workbench", "at_place(plate, middle)"),
    # the side of an object said with its name ("the tray's left") is the side of it
    ("set the cyan ball on the tray's left", "left_of(cyan ball, tray)"),
    ("the purple cube goes to the white bowl's immediate right-hand side", "right_of(purple block, white bowl)"),
    # "at a distance of" only opens the amount that follows
    ("place the green ball at a distance of 15 cm to the left of the crate", "left_of(green ball, crate, 0.15)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_the_robot_named_as_a_landmark_still_counts():
    # "from the robot" ends the sentence here, but it says which corner: never dropped as a viewpoint
    assert tree("move the bowl to the corner farthest from the robot.") == "at_place(bowl, farthest(corner, robot))"


def test_a_distance_from_an_edge_is_still_refused():
    assert refusal("set the tray at a distance of 10 cm from the right edge") == "unreadable"
