"""A sort by colour said as one word ("colour-sort"), and a scene said to have objects of matching colours before
the sort is asked."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("color sort: cubes to trays", "sorted_into(all blocks, all trays)"),
    ("colour-sort the balls into the crates", "sorted_into(all balls, all crates)"),
])
def test_a_colour_sort_said_as_one_word(text, goal):
    assert tree(text) == want(goal)


def test_objects_said_to_share_colours_before_a_sort():
    assert tree("there are balls and trays in matching colours; each ball goes to its own tray") == \
        want("sorted_into(all balls, all trays)")
