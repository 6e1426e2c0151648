"""A teacher's praise and reminders around the steps ("Good job!", "Remember, ...") say how the lesson is given,
never what the robot is asked."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Put the orange ball in the crate. Nice work!", "in(orange ball, crate)"),
    ("Remember, the bowl must not move. Put the ball on the plate.", "all(on(ball, plate), unmoved(bowl))"),
    ("Remember that the tray stays where it is. Set the cube on the plate.", "all(on(block, plate), unmoved(tray))"),
    ("Well done everyone! Now stack the white block on the gray block.", "on(white block, gray block)"),
])
def test_praise_and_reminders_ask_nothing(text, goal):
    assert tree(text) == want(goal)
