"""Blocks listed and said to be stacked, with their order said after ("the cyan and brown cubes should be stacked,
cyan on brown"), make one tower of the blocks listed; a tower said twice is one tower."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the cyan and brown cubes should be stacked, cyan on brown", "on(cyan block, brown block)"),
    ("I'd like the black and yellow blocks stacked, yellow on black", "on(yellow block, black block)"),
    ("the orange, pink and white blocks must be stacked: pink on white on orange",
     "stacked(pink block, white block, orange block)"),
])
def test_the_order_said_after_a_stacked_list_is_its_tower(text, goal):
    assert tree(text) == want(goal)


def test_the_order_said_of_a_listed_pair_is_kept_whichever_is_named_first():
    assert tree("stack the gray and purple cubes, purple on gray") == want("on(purple block, gray block)")
    assert tree("stack the gray and purple cubes, gray on purple") == want("on(gray block, purple block)")


def test_a_listed_pair_stacked_onto_something_else_goes_onto_it():
    assert tree("the green and red blocks should be stacked on the plate") == want(
        "all(on(green block, plate), on(red block, plate))")
