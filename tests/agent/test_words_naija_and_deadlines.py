"""A Nigerian English speaker's particles ("... o", "jare", "no wahala") and serial "carry ... go" read plainly; a
time a task is due by ("before close of business", "by 4pm") asks nothing; "kindly ensure that ..." after a
greeting asks how things are to end, as it does at the start."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the brown ball inside the tray o", "in(brown ball, tray)"),
    ("jare, stack the white block on the gray block", "on(white block, gray block)"),
    ("put the cyan cube behind the crate, no wahala", "behind(cyan block, crate)"),
    ("carry the orange ball go the yellow bowl", "in(orange ball, yellow bowl)"),
])
def test_particles_and_serial_verbs(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("move the purple block to the middle before close of business", "at_place(purple block, middle)"),
    ("the green ball goes on the plate by 4pm, then go to the red marker",
     "then(on(green ball, plate), near(robot, red marker))"),
    ("place the red cube in the bowl before I get back from lunch", "in(red block, bowl)"),
])
def test_a_deadline_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_kindly_ensure_after_a_greeting_is_the_goal():
    assert tree("Good afternoon. Kindly ensure the black ball is placed on the white plate.") == want(
        "on(black ball, white plate)")


def test_a_particle_alone_is_no_task():
    assert refusal("ehn, jare o") == "unreadable"
