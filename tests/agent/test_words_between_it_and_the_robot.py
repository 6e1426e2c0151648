"""Between an object and the robot is the robot's side of it, whichever is said first: "between the crate and
the robot" as "between the robot and the crate"; between two objects is still refused in one line."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_between_an_object_and_the_robot_is_behind_it():
    assert tree("set the pink ball between the yellow crate and the robot") == want("behind(pink ball, yellow crate)")
    assert tree("put the cube between the plate and you") == want("behind(block, plate)")


def test_between_two_objects_is_refused():
    assert refusal("put the cube between the plate and the tray") == "unreadable"
