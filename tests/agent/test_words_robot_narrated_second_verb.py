"""What the robot is told doing, as a description of what should happen ("the robot carries the red block into the
crate"), is asked; a second thing it does with its subject left out ("... and then goes to the marker", "... and
carries it into the crate") is the robot's too."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the robot carries the orange cube into the crate", "in(orange block, crate)"),
    ("the robot lifts the gray ball and carries it to the tray", "in(gray ball, tray)"),
    ("in the end the robot carries the black ball onto the plate", "on(black ball, plate)"),
    ("the robot drops the pink cube in the bowl and then heads to the blue marker",
     "then(in(pink block, bowl), near(robot, blue marker))"),
])
def test_the_robot_narrated_is_asked(text, goal):
    assert tree(text) == want(goal)
