""""tiny" before a colour only describes the object, as "little" does (the colour says which); without a
colour, or set against a big one of the same colour, it still picks the smallest."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the tiny yellow ball into the crate", "in(yellow ball, crate)"),
    ("set the little pink cube on the plate", "on(pink block, plate)"),
])
def test_a_size_before_a_colour_only_describes(text, goal):
    assert tree(text) == want(goal)


def test_tiny_without_a_colour_picks_the_smallest():
    assert tree("drop the tiny ball into the crate") == want("in(smallest(ball), crate)")


def test_tiny_set_against_big_still_picks():
    assert tree("set the tiny gray cube on the big gray cube") == want(
        "on(smallest(gray block), largest(gray block))")
