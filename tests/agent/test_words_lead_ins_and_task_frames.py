"""A lead-in the reader does not read, set apart before the task, is read past, also after an "and" that opens
its clause ("..., and as you exhale, put ..."); "your next task is to ..." frames the task as "your task is
to ..." does."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("relax your shoulders. and as you exhale, set the red ball on the black plate", "on(red ball, black plate)"),
    ("traveller, your first task is to drop the blue cube in the crate", "in(blue block, crate)"),
    ("the final job is to slide the yellow ball left of the tray",
     "all(left_of(yellow ball, tray), never_lifted(yellow ball))"),
])
def test_lead_ins_and_task_frames_are_read_past(text, goal):
    assert tree(text) == want(goal)


def test_words_not_read_inside_the_task_are_still_refused():
    assert refusal("set the red ball on the black plate and as you exhale") == "unreadable"
