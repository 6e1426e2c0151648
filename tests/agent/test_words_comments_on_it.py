"""A comment after the task on what "it" is like ("it's fragile", "it would look tidier") says how things are or
why, never what to do: the task before it is read, and a clause of words not read that is no comment is still
refused."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the brown ball on the plate, it's rather fragile", "on(brown ball, plate)"),
    ("Move the gray cube next to the tray. It would look tidier.", "next_to(gray block, tray)"),
    ("push the blue block into the red zone. it is kind of in the way. thanks", 
     "all(in(blue block, red zone), never_lifted(blue block))"),
])
def test_comment_after_the_task_asks_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "put the cube in the bowl. sideways.",
    "it is fragile",
])
def test_words_not_read_that_are_no_comment_are_refused(text):
    assert refusal(text) == "unreadable"
