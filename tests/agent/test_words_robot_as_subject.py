"""The robot, or a part of it, said as who does the task ("the robot should put ...", "the gripper must grasp
..."): the verb acts on the object named after it, never on the robot; calling it ("Robot!") names no place.
Said as where to go, the robot drives."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the robot should place the yellow ball on the white plate", "on(yellow ball, white plate)"),
    ("The gripper must pick up the brown cube and drop it in the tray.", "in(brown block, tray)"),
    ("the end effector shall grasp the pink block and transfer it to the red bowl", "in(pink block, red bowl)"),
    ("robot, slide the green cube into the blue zone",
     "all(in(green block, blue zone), never_lifted(green block))"),
    ("the robot arm needs to stack the red cube on the black cube", "on(red block, black block)"),
    # a second task after "and" with a modal: the push keeps only its own object down
    ("put the green ball in the tray, and then the robot must slide the red cube into the white zone",
     "then(in(green ball, tray), all(in(red block, white zone), never_lifted(red block)))"),
    ("place the gray ball on the plate, and you must push the cyan cube into the yellow zone",
     "all(on(gray ball, plate), in(cyan block, yellow zone), never_lifted(cyan block))"),
    # calling the robot is no place
    ("Robot! Robot! pop the white cube in the gray bowl!", "in(white block, gray bowl)"),
    # the robot as what moves still drives there
    ("the robot should drive to the orange marker", "near(robot, orange marker)"),
    ("put the mobile robot next to the gray barrel", "near(robot, gray barrel)"),
])
def test_reads(text, goal):
    assert tree(text) == want(goal)
