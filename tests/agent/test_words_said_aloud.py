"""What a voice transcript writes: decimals and hundreds said as words ("zero point one", "a hundred"),
apostrophes left out ("thats"), and a closing "that's it" or "that's all", which asks nothing more."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("shift the purple ball zero point two metres forward", "moved(purple ball, front, 0.2)"),
    ("move the cyan cube one point five centimetres right", "moved(cyan block, right, 0.015)"),
    ("slide the white cube a hundred millimetres back",
     "all(moved(white block, back, 0.1), never_lifted(white block))"),
    ("move the gray bowl two hundred and fifty millimetres to the left", "moved(gray bowl, left, 0.25)"),
])
def test_numbers_said_aloud(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the pink ball on the plate and thats it", "on(pink ball, plate)"),
    ("stack the black cube on the white one, that is all", "on(black block, white block)"),
    ("drop the cyan cube in the crate and that's it", "in(cyan block, crate)"),
])
def test_a_closing_thats_it_asks_nothing_more(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
