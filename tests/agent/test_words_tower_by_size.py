"""A tower of a group ordered by size ("largest at the bottom", "biggest first", "from smallest to biggest"):
objects of one kind are one size, so the size orders nothing and the tower is read; a superlative naming one
object stays which object it is."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("stack the cubes with the biggest at the bottom", "stacked(all blocks)"),
    ("pile the balls up, largest first", "stacked(all balls)"),
    ("make a tower of the blocks, smallest on top and largest at the base", "stacked(all blocks)"),
    ("stack all the blocks from smallest to largest", "stacked(all blocks)"),
    ("stack the cubes in order of size", "stacked(all blocks)"),
])
def test_size_orders_nothing(text, goal):
    assert tree(text) == want(goal)


def test_a_superlative_naming_one_object_stays():
    assert tree("stack the green cube on the biggest cube") == want("on(green block, largest(block))")
