"""A child's words for moving and for small amounts: "scootch it over a bit", "nudge it a hair to the right",
"zoom to the marker"."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("scooch the pink ball a bit to the right", "moved(pink ball, right, 0.05)"),
    ("move the yellow cube a hair forward", "moved(yellow block, front, 0.05)"),
    ("zoom over to the green cone!", "near(robot, green cone)"),
])
def test_a_childs_words_for_moving(text, goal):
    assert tree(text) == want(goal)
