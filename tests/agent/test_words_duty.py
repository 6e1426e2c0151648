"""The task said as a duty ("you have to ...", "you've got to ...", "we have to ...") is the task."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("you have to keep the gray ball in the crate", "in(gray ball, crate)"),
    ("first you've got to drop the cyan cube on the plate", "on(cyan block, plate)"),
    ("we have to drive to the white marker", "near(robot, white marker)"),
])
def test_a_duty_is_the_task(text, goal):
    assert tree(text) == want(goal)
