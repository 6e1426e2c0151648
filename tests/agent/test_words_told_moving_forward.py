"""An object told as moving forward or backward: "moves forward to the plate" goes to the plate (the way there
says nothing more), "shifts forward a bit" and "rolls backwards 5 cm" are shifts that way."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the blue ball moves forward into the crate", "in(blue ball, crate)"),
    ("the white cube shifts forward a little", "moved(white block, front, 0.05)"),
    ("the black block moves backwards 15 cm", "moved(black block, back, 0.15)"),
])
def test_forward_and_backward_told(text, goal):
    assert tree(text) == want(goal)


def test_starts_somewhere_and_ends_somewhere_else():
    from .readings import start_states
    text = "the black ball starts on the white plate and ends in the crate"
    assert tree(text) == want("in(black ball, crate)")
    assert start_states(text) == ["on(black ball, white plate)"]
