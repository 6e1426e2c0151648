"""To advance an object by an amount, with no way said, is to shift it forward: away from the robot, its front."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("advance the purple cube 8 cm", "moved(purple block, front, 0.08)"),
    ("please advance the white ball a little", "moved(white ball, front, 0.05)"),
    ("advance the cyan block 3 cm to the right", "moved(cyan block, right, 0.03)"),
])
def test_advancing_an_object_shifts_it_forward(text, goal):
    assert tree(text) == want(goal)


def test_advancing_nothing_named_is_refused_in_one_line():
    assert refusal("advance 12 cm") == "unreadable"
