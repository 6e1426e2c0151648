"""Objects forbidden from holders not of their own colour are sorted into the holders of their colours: the sort
said by what it forbids."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("no marble may stay in a tray that is not its own colour", "sorted_into(all balls, all trays)"),
    ("please don't leave any brick in a crate of the wrong colour", "sorted_into(all blocks, all crates)"),
    ("I never want a cube on a plate that doesn't match it; sort the cubes onto the plates",
     "sorted_into(all blocks, all plates)"),
])
def test_no_object_in_a_holder_of_another_colour_is_a_sort(text, goal):
    assert tree(text) == want(goal)


def test_a_holder_forbidden_without_colours_is_only_forbidden():
    assert tree("don't put any marble in the tray") == want("not(in(all balls, tray))")
