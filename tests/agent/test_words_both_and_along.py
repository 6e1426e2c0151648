""""Both ... and ..." joining two objects named one by one (not a count of two), and a line "along the back":
along that edge of the table."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put both the green cube and the white ball on the plate", "all(on(green block, plate), on(white ball, plate))"),
    ("drop both the yellow ball and the cyan ball into the crate",
     "all(in(yellow ball, crate), in(cyan ball, crate))"),
])
def test_both_before_one_object_joins_the_two_named(text, goal):
    assert tree(text) == want(goal)


def test_both_before_a_plural_still_counts_two():
    assert tree("put both cubes in the bowl") == want("in(2 blocks, bowl)")


@pytest.mark.parametrize("text, goal", [
    ("set the balls out in a row along the back", "along_edge(all balls, back)"),
    ("line the blocks up along the right side", "along_edge(all blocks, right)"),
])
def test_a_line_along_a_side_of_the_table_is_along_that_edge(text, goal):
    assert tree(text) == want(goal)
