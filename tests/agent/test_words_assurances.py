""""Ensure that ..." / "make sure ..." opening a sentence says how things are to be: the goal, never how they are
now. After a task, or negated, it stays a condition the goal keeps."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree


@pytest.mark.parametrize("text, goal", [
    ("Ensure that the orange ball is placed inside the green tray.", "in(orange ball, green tray)"),
    ("make sure the cyan block is behind the white plate", "behind(cyan block, white plate)"),
    ("Please see to it that both cubes are on the plate.", "on(2 blocks, plate)"),
    ("first put the red ball in the bowl, then make sure the bowl is in the front right corner",
     "then(in(red ball, bowl), at_place(bowl, front_right))"),
    # negated, or said of staying put, it is a condition
    ("put the red cube in the tray. make sure the plate is not moved", "all(in(red block, tray), unmoved(plate))"),
    ("ensure the purple ball is not in the bowl", "not(in(purple ball, bowl))"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_said_after_how_things_are():
    text = "the green ball is in the tray. make sure it is on the plate"
    assert tree(text) == "on(green ball, plate)"
    assert start_states(text) == ["in(green ball, tray)"]


def test_still_needs_a_task():
    assert refusal("make sure that") == "unreadable"
