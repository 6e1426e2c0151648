"""A rank said before the noun ("the second-from-left block", "the 3rd from the back green ball") picks the object
as "the second block from the left" does; "save" and "bar" leave objects out of a group as "except" does; "every
last" is every."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("place the second-from-right cube on the white plate", "on(rightmost(block, 2), white plate)"),
    ("drop the 3rd from the back green ball into the tray", "in(backmost(green ball, 3), tray)"),
    ("move the second from the left bowl to the middle of the table", "at_place(leftmost(bowl, 2), middle)"),
    ("put all the balls save the pink one in the crate", "in(except(all balls, pink ball), crate)"),
    ("every cube bar the white one goes on the plate", "on(except(all blocks, white block), plate)"),
    ("tidy every last ball into the crate", "in(all balls, crate)"),
])
def test_reads(text, goal):
    assert tree(text) == goal
