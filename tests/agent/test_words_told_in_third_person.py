"""A lesson that tells what the robot does, in the third person ("the robot places ...", "then it pushes ..."):
each verb is read as the task's verb, and "it" who does it is the robot, never the object."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the robot places the cyan ball on the plate", "on(cyan ball, plate)"),
    ("First the arm grasps the pink cube. Next it drops the cube into the crate.", "in(pink block, crate)"),
    ("First the robot slides the gray block into the blue zone, then it carries the white ball to the bowl.",
     "then(all(in(gray block, blue zone), never_lifted(gray block)), in(white ball, bowl))"),
])
def test_a_verb_told_of_the_robot_is_the_task(text, goal):
    assert tree(text) == want(goal)


def test_it_said_after_the_robot_acts_is_the_object_again():
    assert tree("the robot grasps the black ball and sets it in the tray") == want("in(black ball, tray)")
