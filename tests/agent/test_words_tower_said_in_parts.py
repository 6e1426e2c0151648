"""A tower said in parts: level by level as a spec lists it ("base: ..., top: ..."), with its size before the
noun ("a four-block tower"), or one block at a time with "which should rest on"."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("tower spec\n* base: brown\n* middle: pink\n* top: white", "stacked(white block, pink block, brown block)"),
    ("top = cyan cube; bottom = gray cube", "on(cyan block, gray block)"),
    ("make a pile of three blocks. bottom: red, top: blue, middle: green",
     "stacked(blue block, green block, red block)"),
])
def test_a_tower_listed_level_by_level(text, goal):
    assert tree(text) == want(goal)


def test_a_level_word_without_a_colour_is_no_tower():
    assert tree("put the orange ball in the middle") == want("at_place(orange ball, middle)")


def test_the_size_of_a_tower_said_before_its_noun():
    assert tree("make a two-cube stack, yellow on purple") == want("on(yellow block, purple block)")


def test_a_block_said_to_rest_on_another_in_turn_makes_one_tower():
    assert tree("the pink cube should sit on the brown cube, which must rest on the white cube") == \
        want("stacked(pink block, brown block, white block)")


def test_a_counted_tower_then_its_blocks_named_is_one_tower():
    assert tree("build a stack of three cubes: orange on white on pink") == \
        want("stacked(orange block, white block, pink block)")
    assert tree("build a stack of three cubes") == want("stacked(3 blocks)")
