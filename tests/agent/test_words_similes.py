"""A move compared with another doing ("..., like sweeping leaves", "the way you'd tuck in a seed") says how to
go about it and asks nothing; a comparison with a thing ("like a smiley") may say a shape, and is not read past."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the white ball in the tray, like tucking a child into bed", "in(white ball, tray)"),
    ("slide the green cube left 5 cm, just like sweeping leaves off a path",
     "all(moved(green block, left, 0.05), never_lifted(green block))"),
    ("drop the red block in the crate, the way you would post a letter", "in(red block, crate)"),
])
def test_a_move_compared_with_another_doing_asks_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_a_comparison_with_a_thing_is_not_read_past():
    assert refusal("put the blocks in the corner, like a rose bush") in ("unreadable", "unknown_kind")


def test_a_comparison_said_first_ends_at_its_colon():
    assert tree("Like stacking plates: the cyan ball goes in the yellow tray") == want("in(cyan ball, yellow tray)")
