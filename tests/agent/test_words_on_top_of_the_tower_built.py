""""On top" said with no block after it, in a step after one that built a tower, is on the top block of that
tower ("put red on blue, then green on top" is one three-block tower)."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the yellow cube on the white cube, then put the black cube on top",
     "stacked(black block, yellow block, white block)"),
    ("stack the pink block onto the cyan block. after that, stack the brown one on top",
     "stacked(brown block, pink block, cyan block)"),
    ("put the gray block on the red block, then let the orange block settle on top",
     "stacked(orange block, gray block, red block)"),
])
def test_on_top_after_a_tower_is_built_goes_on_it(text, goal):
    assert tree(text) == want(goal)


def test_on_top_with_no_tower_said_is_still_refused():
    assert refusal("put the black cube on top") == "unreadable"


def test_a_block_crowning_it_is_the_top_of_the_tower_described():
    assert tree("build a tower: the brown cube at the bottom, the pink cube above it, the cyan cube topping it") == \
        want("stacked(cyan block, pink block, brown block)")


def test_a_block_on_top_in_the_same_breath_tops_the_pair_before_it():
    assert tree("the black cube on the white cube, and the gray cube on top") == want(
        "stacked(gray block, black block, white block)")
