"""A cry repeated for emphasis ("... in the crate! the crate!", "push it! push it!") asks once; a cry that says
something new is read as a step of its own."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Drop the yellow cube in the crate! The crate! THE CRATE!", "in(yellow block, crate)"),
    ("put the ball on the green plate!! on the green plate!!", "on(ball, green plate)"),
    ("PILE THE PINK BLOCK ON THE CYAN BLOCK! PILE IT! PILE IT NOW!", "on(pink block, cyan block)"),
])
def test_a_cry_said_again_asks_once(text, goal):
    assert tree(text) == want(goal)


def test_a_new_cry_is_still_read():
    assert refusal("put the red cube on the blue cube! put the blue cube on the red cube!") == "contradiction"
