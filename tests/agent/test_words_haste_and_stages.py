"""How a task is urged or paced ("hurry", "make it snappy", "nice and easy", "for crying out loud") asks
nothing; stages numbered in turn ("stage one: ... stage two: ...") are steps done one after another."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("hurry up, the red cube goes on the plate", "on(red block, plate)"),
    ("put the yellow ball in the bowl and make it snappy", "in(yellow ball, bowl)"),
    ("the gray block into the crate, nice and easy", "in(gray block, crate)"),
    ("for crying out loud, push the blue ball into the red zone",
     "all(in(blue ball, red zone), never_lifted(blue ball))"),
    ("never, ever lift the green block while you slide it next to the tray",
     "all(next_to(green block, tray), never_lifted(green block))"),
])
def test_urging_words_ask_nothing(text, goal):
    assert tree(text) == want(goal)


def test_numbered_stages_are_done_in_turn():
    assert tree("stage 1: the white cube on the plate. stage 2: the black cube in the bowl") == want(
        "then(on(white block, plate), in(black block, bowl))")
