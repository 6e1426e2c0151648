"""A corner said by the robot's side of the table and then by which end of it ("the corner on the robot's left,
farthest from the robot")."""

from __future__ import annotations

from .readings import tree, want


def test_a_corner_on_the_robots_side_then_which_end():
    assert tree("set the yellow cone in the corner on the robot's left, farthest from the robot") == \
        want("at_place(yellow cone, front_left)")
