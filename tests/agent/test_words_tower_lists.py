"""A tower told item by item, each "on it" or "on top of that" the object of the item before; a first block
"stacked" alone is the base the next steps build on."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the gray cube at the bottom, the orange cube on it, the red cube on top of that",
     "stacked(red block, orange block, gray block)"),
    ("put the blue block down, the white block on it and then the black block on top of it",
     "stacked(black block, white block, blue block)"),
    ("stack the pink block first, then the cyan block on it, then the brown one on top",
     "stacked(brown block, cyan block, pink block)"),
])
def test_each_it_is_the_item_before(text, goal):
    assert tree(text) == want(goal)


def test_a_block_stacked_alone_before_other_steps_stays():
    # nothing is built on the green block: the step stays as it is said
    assert tree("stack the green block, then put the red ball in the bowl") == \
        want("then(stacked(green block), in(red ball, bowl))")
