"""A tower's levels said as a description ("the top one red", "the bottom block is blue") give the tower's
order, as a spec's "top: red" does; "stack them all" with nothing named before is every block."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("make a tower of three blocks with the bottom one pink, the top one cyan and the middle one white",
     "stacked(cyan block, white block, pink block)"),
    ("the top cube is orange, the middle cube is gray and the bottom cube is brown",
     "stacked(orange block, gray block, brown block)"),
    ("build a tower; the bottom block should be yellow, the top block should be black",
     "on(black block, yellow block)"),
])
def test_levels_described_give_the_order(text, goal):
    assert tree(text) == want(goal)


def test_stacking_them_all_is_every_block():
    assert tree("pile em all up") == want("stacked(all blocks)")


def test_only_the_bottom_said_of_every_block_is_refused():
    assert refusal("stack them all up, the purple one on the bottom") == "ambiguous"
