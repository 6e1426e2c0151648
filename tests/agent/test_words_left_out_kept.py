"""A group less some of it, moved, and then "leave it alone" / "don't touch it": the group cannot be moved and stay,
so the pronoun stands for the objects left out of it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("slide all the balls apart from the pink one into the tray and don't disturb it",
     "all(in(except(all balls, pink ball), tray), unmoved(pink ball), never_lifted(except(all balls, pink ball)))"),
    ("put every cube other than the yellow one on the plate, keeping it where it is",
     "all(on(except(all blocks, yellow block), plate), unmoved(yellow block))"),
    ("move the blocks except the white and black ones into the bowl but leave them alone",
     "all(in(except(all blocks, white block, black block), bowl), unmoved(white block), unmoved(black block))"),
])
def test_the_pronoun_is_what_was_left_out(text, goal):
    assert tree(text) == want(goal)


def test_lifting_them_is_still_the_group_moved():
    assert tree("move all the blocks but the green one into the tray without lifting them") == \
        "all(in(except(all blocks, green block), tray), never_lifted(except(all blocks, green block)))"
