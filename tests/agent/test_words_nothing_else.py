""""..., nothing else" after a task says the task is all there is to do: it asks nothing more, and the task
is read as said without it."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the white ball in the crate, nothing else", "in(white ball, crate)"),
    ("line up the three balls and nothing more, thanks", "in_line(3 balls)"),
    ("set the cyan cube on the plate; nothing else.", "on(cyan block, plate)"),
])
def test_nothing_else_asks_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_nothing_else_alone_is_no_task():
    assert refusal("nothing else") == "unreadable"
