"""A tower said from one end to the other with its ends marked ("gray at the bottom, then ..., and ... on top"):
the blocks between the ends are in the order said, from the end said first. "On top of that" is on the block
just put down."""

from __future__ import annotations

import pytest

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal", [
    ("build a tower with the pink block at the bottom, then the cyan block, then the brown block, and the gray "
     "block on top", "stacked(gray block, brown block, cyan block, pink block)"),
    ("stack them so the orange cube is on top, then the white cube, then the purple cube, with the black cube at "
     "the bottom", "stacked(orange block, white block, purple block, black block)"),
    # one block between the ends: nothing to order
    ("make a tower: green at the base, red in the middle, blue on top", "stacked(blue block, red block, green block)"),
    # "on top of that": on the block just put down, as "on top of it"
    ("put the pink cube on the brown cube. then put the cyan cube on top of that",
     "stacked(cyan block, pink block, brown block)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # a list said from one end: "starting from the bottom" makes it bottom-up, "starting at the top" top-down
    ("starting from the bottom, stack the white, black and gray cubes", "stacked(gray block, black block, white block)"),
    ("pile up the orange, cyan and purple blocks beginning at the bottom",
     "stacked(purple block, cyan block, orange block)"),
    ("make a tower of the brown, pink and red cubes, starting at the top", "stacked(brown block, pink block, red block)"),
])
def test_reads_a_list_said_from_one_end(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # "on top of that" between two blocks of the list: the one after sits on the one before, so the list is upwards
    ("make a pile: purple first, on top of that orange, and on top of that cyan",
     "stacked(cyan block, orange block, purple block)"),
    ("build a tower with the white cube, above it the gray cube and above that the black cube",
     "stacked(black block, gray block, white block)"),
])
def test_reads_a_list_said_upwards(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal, start", [
    # finishing a tower that is partly built: the tower with what stands on it already
    ("the white cube is on the black cube already; complete the stack by placing the gray cube on top",
     "stacked(gray block, white block, black block)", ["on(white block, black block)"]),
    ("The orange block rests on the yellow block. Finish off the tower with the purple block on top.",
     "stacked(purple block, orange block, yellow block)", ["on(orange block, yellow block)"]),
])
def test_reads_a_tower_finished(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start


@pytest.mark.parametrize("text, goal", [
    # a bottom and a top said of the blocks make a tower, with no word for one
    ("put orange at the bottom, white in the middle and gray on top", "stacked(gray block, white block, orange block)"),
    ("the brown cube on the bottom and the cyan cube on top, please", "on(cyan block, brown block)"),
])
def test_reads_a_tower_by_its_ends(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # each end or middle said before the block it marks
    ("make a tower: bottom pink, middle cyan, top purple", "stacked(purple block, cyan block, pink block)"),
    ("stack them like this: at the base the gray cube, in the middle the orange cube, on top the yellow cube",
     "stacked(yellow block, orange block, gray block)"),
])
def test_reads_marks_said_before_their_blocks(text, goal):
    assert tree(text) == goal
