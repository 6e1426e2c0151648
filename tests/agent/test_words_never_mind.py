""""never mind the X" sets an object aside as of no concern: it asks nothing of it (it is not "don't touch
it"), and the task said with it is read as said without it."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("never mind the tray, drop the pink ball in the crate", "in(pink ball, crate)"),
    ("Never mind about the yellow bowl; just set the green cube on the plate", "on(green block, plate)"),
    ("stack the three blocks, never mind the bowl", "stacked(3 blocks)"),
])
def test_an_object_never_minded_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_not_touching_an_object_still_keeps_it_still():
    assert tree("leave the tray alone, drop the pink ball in the crate") == want(
        "all(in(pink ball, crate), unmoved(tray))")


def test_never_mind_said_last_still_takes_the_task_back():
    assert refusal("drop the pink ball in the crate. never mind") == "unreadable"
