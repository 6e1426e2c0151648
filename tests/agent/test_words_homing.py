"""The robot going back to its own resting pose after the task ("..., then return to home position", "...;
retreat") asks nothing of the objects: the task before it is the goal."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("place the gray cube in the tray, then go back to the ready pose", "in(gray block, tray)"),
    ("deposit the pink ball on the plate and retract the arm.", "on(pink ball, plate)"),
    ("move the red block to the middle; retreat", "at_place(red block, middle)"),
    ("drop the ball in the bowl. Finally, return the arm to its home position.", "in(ball, bowl)"),
])
def test_returning_home_after_the_task_asks_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_an_object_taken_home_still_leaves_the_table():
    assert refusal("bring the yellow cube home") == "impossible"
