"""How a lab writes a task: an action said as a noun after a verb of doing ("perform a grasp of ...", "execute a
pick-and-place of ..."), a tool actuated to act ("actuate the gripper to ..."), the result said with "such that",
where an object is to be said as its target pose ("the target pose for the cube is ..."), a direction as a noun
("in the leftward direction"), a place beside an object as an area ("the region behind the tray"), and "prior
to" / "subsequent to" for before and after."""

from __future__ import annotations

import pytest

from .readings import refusal, tree


@pytest.mark.parametrize("text, goal", [
    ("Perform a pick-and-place of the orange ball onto the gray plate.", "on(orange ball, gray plate)"),
    ("execute a push of the yellow block into the green zone",
     "all(in(yellow block, green zone), never_lifted(yellow block))"),
    ("Carry out a grasp of the cyan cube, then place it inside the red tray.", "in(cyan block, red tray)"),
    ("Actuate the gripper to lift the black ball and deposit it in the blue bowl.", "in(black ball, blue bowl)"),
    ("Displace the white block such that it is adjacent to the pink bowl.", "next_to(white block, pink bowl)"),
    ("The desired location of the green ball is behind the tray.", "behind(green ball, tray)"),
    ("the target pose for the brown cube is to the right of the plate", "right_of(brown block, plate)"),
    # a direction said as a noun, and a place beside an object said as an area
    ("The yellow ball is to be displaced 40 mm in the rightward direction.", "moved(yellow ball, right, 0.04)"),
    ("transfer the purple cube into the region directly behind the green tray", "behind(purple block, green tray)"),
    ("Relocate the black ball to the space to the left of the white plate.", "left_of(black ball, white plate)"),
    # a colour said as "identical", where an object is said as where it "resides"
    ("Sort the balls such that each one resides in the tray of identical colour.", "sorted_into(all balls, all trays)"),
    ("It is desired that the red ball be located behind the crate.", "behind(red ball, crate)"),
    ("Place the white cube in the tray; the gray plate must not be displaced during the task.",
     "all(in(white block, tray), unmoved(gray plate))"),
    # "prior to" and "subsequent to": before and after
    ("Prior to placing the red cube on the plate, place the blue cube in the tray.",
     "then(in(blue block, tray), on(red block, plate))"),
    ("Place the green ball in the bowl subsequent to moving the bowl to the middle.",
     "then(at_place(bowl, middle), in(green ball, bowl))"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_a_noun_that_is_no_action_stays_unread():
    # "perform a dance" names no action the reader knows: refused, not read as something else
    assert refusal("perform a dance with the red block") == "unreadable"


def test_after_with_nothing_after_it_is_no_step():
    assert refusal("red subsequent to") == "unreadable"
    assert tree("put the red block in the bowl after") == "in(red block, bowl)"
