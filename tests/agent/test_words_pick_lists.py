"""A task typed as a warehouse pick list: "3x" before the item is a count (one item is the item itself), a "#"
number names the list or its line, and fields may be split by a slash."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("1x green ball -> crate", "in(green ball, crate)"),
    ("3x cube -> yellow tray", "in(3 blocks, yellow tray)"),
    ("orange ball x2 -> bowl", "in(2 orange balls, bowl)"),
    ("1x white block onto 1x gray block", "on(white block, gray block)"),
])
def test_a_count_written_with_x_is_how_many_of_the_item(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("order 31: 1x cyan ball -> bowl", "in(cyan ball, bowl)"),
    ("line #7: put the pink cube in the crate", "in(pink block, crate)"),
])
def test_a_lists_own_number_is_no_count(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_fields_split_by_a_slash_are_read_as_fields() -> None:
    assert tree("item: black cube / dest: blue tray") == want("in(black block, blue tray)")
