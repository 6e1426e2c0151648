"""A tower said by its bottom and top levels with bare colours between them: each colour between is a level, in
the order said from the end said first ("black bottom, then white, then gray, red top": white under gray)."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("tower please: yellow base, then orange, then pink, blue top",
     "stacked(blue block, pink block, orange block, yellow block)"),
    ("build a tower: green top, red, white bottom", "stacked(green block, red block, white block)"),
    ("tower of five: red bottom, green, blue, yellow, purple top",
     "stacked(purple block, yellow block, blue block, green block, red block)"),
])
def test_bare_colours_between_bottom_and_top_are_levels(text, goal):
    assert tree(text) == want(goal)
