"""Haste and pleading said the British, Nigerian or texting way ("sharpish", "abeg", "idk") ask nothing; blocks put
in bowls "colour to colour" are sorted by colour."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("abeg, put the purple ball on the yellow plate", "on(purple ball, yellow plate)"),
    ("move the green cube 10 cm right sharpish", "moved(green block, right, 0.1)"),
    ("idk maybe the red block behind the crate", "behind(red block, crate)"),
    ("balls into the crates, colour for colour", "sorted_into(all balls, all crates)"),
])
def test_asides_ask_nothing(text, goal):
    assert tree(text) == want(goal)


def test_an_aside_alone_is_no_task():
    assert refusal("idk, abeg") == "unreadable"


@pytest.mark.parametrize("text, goal", [
    ("put the white ball in the crate or smth", "in(white ball, crate)"),
    ("stack the red block on the green block or something like that", "on(red block, green block)"),
    ("line up the balls ig", "in_line(all balls)"),
    ("go to the yellow marker or wtv", "near(robot, yellow marker)"),
    ("mov the gray ball behind the tray", "behind(gray ball, tray)"),
])
def test_a_bored_typists_shrug_asks_nothing(text, goal):
    assert tree(text) == want(goal)
