"""A sort by colour into a line (or along an edge) names no holders to sort into: it is the line, its colour order
one no goal can name. Only holders named make it a sort into them."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("sort the marbles by colour into a row", "in_line(all balls)"),
    ("set the bricks out in a line, sorted by colour", "in_line(all blocks)"),
    ("sort the cubes by colour along the left edge", "along_edge(all blocks, left)"),
    ("line the balls up along the front edge, sorted", "along_edge(all balls, front)"),
])
def test_a_sorted_line_is_a_line(text, goal):
    assert tree(text) == want(goal)


def test_a_sort_into_holders_is_still_a_sort():
    assert tree("sort the marbles by colour into the trays") == want("sorted_into(all balls, all trays)")
