"""Pulling or dragging a thing to a place other than the robot, with no tool named, moves it there; pulled
closer, toward the robot, or with a tool, it is pulled into reach."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drag the white barrel to the front right corner", "at_place(white barrel, front_right)"),
    ("pull the orange cone into the green zone", "in(orange cone, green zone)"),
    ("drag the ball so it is behind the plate", "behind(ball, plate)"),
])
def test_pulled_to_a_place_is_moved_there(text, goal):
    assert tree(text) == want(goal)
    assert start_states(text) == []


@pytest.mark.parametrize("text, goal", [
    ("drag the pink cube toward the robot", "in_reach(pink block)"),
    ("use the hook to pull the cyan ball over here", "in_reach(cyan ball)"),
])
def test_pulled_closer_is_in_reach(text, goal):
    assert tree(text) == want(goal)


def test_the_robot_dragged_somewhere_is_still_refused():
    assert refusal("pull the robot into the yellow zone") == "impossible"
