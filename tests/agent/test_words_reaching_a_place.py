"""An object that "must reach" a place is to go there; the robot that must reach one drives there."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("the white ball has to reach the purple zone", "in(white ball, purple zone)"),
    ("The rover must reach the orange cone.", "near(robot, orange cone)"),
])
def test_reaching_a_place_is_going_there(text, goal):
    assert tree(text) == goal
