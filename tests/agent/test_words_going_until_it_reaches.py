"""Going somewhere said by where the going stops ("until it reaches the cone") or by the floor crossed on the
way ("across the room to the marker"): the robot is to end by the place it reaches."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("keep driving till you get to the yellow barrel", "near(robot, yellow barrel)"),
    ("head across the floor towards the cyan marker", "near(robot, cyan marker)"),
])
def test_where_the_going_stops_is_where_the_robot_goes(text, goal):
    assert tree(text) == want(goal)
