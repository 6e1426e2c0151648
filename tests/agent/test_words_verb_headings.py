"""A heading that says what to do and names a kind ("stack cubes:", "line up the balls:") is read with the
colours after it, which are of that kind: one tower or one line, not one more of all of them."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("stack cubes: white on pink on cyan", "stacked(white block, pink block, cyan block)"),
    ("pile up blocks: yellow on top of black", "on(yellow block, black block)"),
    ("line up balls: blue, red, white, left to right", "in_line([blue ball, red ball, white ball], left_to_right)"),
])
def test_colours_after_the_heading_are_of_its_kind(text, goal):
    assert tree(text) == want(goal)
