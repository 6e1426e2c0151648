"""Sorting objects "into a line" or "into a row", with no holders named, lays them out in a line (there is
nothing to sort them into); sorting into holders is still a sort."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("sort the cubes into a row", "in_line(all blocks)"),
    ("please sort all the balls into a straight line", "in_line(all balls)"),
    ("sort the balls along the back edge", "along_edge(all balls, back)"),
])
def test_sorting_into_a_line_is_a_line(text, goal):
    assert tree(text) == want(goal)


def test_sorting_into_holders_is_still_a_sort():
    assert tree("sort the cubes into the trays") == want("sorted_into(all blocks, all trays)")
