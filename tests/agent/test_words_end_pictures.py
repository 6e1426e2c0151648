"""The end picture a person describes instead of an action: "I'm picturing ...", "when I come back I want to find
...", "I'd like it if the cube sat on the plate" all wish the objects where the picture has them."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("I'm imagining the orange ball right behind the crate", "behind(orange ball, crate)"),
    ("we picture every cube in the tray", "in(all blocks, tray)"),
    ("once I get back, I want to see the white ball on the black plate", "on(white ball, black plate)"),
    ("I'd love it if the gray cube stood beside the red bowl", "next_to(gray block, red bowl)"),
    ("we'd like to come back and find the black cube in the middle", "at_place(black block, middle)"),
])
def test_an_end_picture_is_the_goal(text, goal):
    assert tree(text) == want(goal)
