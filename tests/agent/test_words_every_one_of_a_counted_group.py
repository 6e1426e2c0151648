""""every cube" said after "the four cubes" is every one of those cubes, the same group, never a second
group of all the cubes beside it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the three balls in a row, every ball in the row", "in_line(3 balls)"),
    ("using the two cubes, drop every cube in the crate", "in(2 blocks, crate)"),
    ("put the two cubes in a row, then move every cube onto the plate",
     "then(in_line(2 blocks), on(2 blocks, plate))"),
])
def test_every_one_said_again_is_the_counted_group(text, goal):
    assert tree(text) == want(goal)


def test_every_one_said_alone_is_still_all_of_them():
    assert tree("drop every ball into the crate") == want("in(all balls, crate)")
