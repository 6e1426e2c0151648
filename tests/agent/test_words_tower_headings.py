"""A tower named as a heading with no verb ("brick stack: ..."), its order after a colon, a dash or a comma: the
kind before the heading word is the tower's kind, not one more object, and the dash is no pause between tasks."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("brick stack: green on white on black", "stacked(green block, white block, black block)"),
    ("cube tower — orange at the bottom, pink on top", "on(pink block, orange block)"),
    ("tower of cubes - purple on yellow on cyan", "stacked(purple block, yellow block, cyan block)"),
    ("block pile, gray on top of brown on top of white", "stacked(gray block, brown block, white block)"),
    ("where's the stack?! pink on cyan on orange!!", "stacked(pink block, cyan block, orange block)"),
    ("alright, cube tower sequence: white at the bottom, black on top", "on(black block, white block)"),
])
def test_a_tower_heading_with_its_kind_reads_as_the_tower(text, goal):
    assert tree(text) == want(goal)

