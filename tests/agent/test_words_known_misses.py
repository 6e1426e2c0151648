"""Readings that once went wrong, each fixed by a rule of the grammar; beside each, nearby readings the rule leaves
alone. The goal notation is bench/instructions/FORMAT.md."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    # a tower whose order is said by one of its ends, and the list is that end first
    ("stack the red, green and blue blocks with red at the bottom", "stacked(blue block, green block, red block)"),
    ("stack the red, green and blue blocks, red at the bottom", "stacked(blue block, green block, red block)"),
    ("stack the red, green and blue blocks with blue on top", "stacked(blue block, green block, red block)"),
    ("stack the red, green and blue blocks with red on top", "stacked(red block, green block, blue block)"),
    ("stack the red, green and blue blocks with blue at the bottom", "stacked(red block, green block, blue block)"),
    ("stack the red, green and blue blocks", "stacked(red block, green block, blue block)"),
    ("stack the three blocks with the pink one on top the cyan one under it and the gray one at the bottom",
     "stacked(pink block, cyan block, gray block)"),
    # "with the pink block stacked on it": "it" is what the clause is about
    ("take the yellow block, it should be at the bottom with the pink block stacked on it",
     "on(pink block, yellow block)"),
    ("the yellow block should be at the bottom with the pink block stacked on it", "on(pink block, yellow block)"),
    # a tower of two with one named: the other block is the other one
    ("stack the two blocks so the blue one is on top", "on(blue block, other(block, blue block))"),
    ("stack the two blocks with the blue one at the bottom", "on(other(block, blue block), blue block)"),
    ("stack the three blocks", "stacked(3 blocks)"),
    ("stack the blocks red on green on blue", "stacked(red block, green block, blue block)"),
    # an anchor "it" may be an object chosen by a rule
    ("put the block nearest the front into the bowl that is farthest from it",
     "in(frontmost(block), farthest(bowl, frontmost(block)))"),
    ("put the red block in the bowl farthest from it", "in(red block, farthest(bowl, red block))"),
    # "it" read once per clause
    ("pick up the red block. put it in the bowl and the blue block on the plate",
     "all(in(red block, bowl), on(blue block, plate))"),
    ("pick up the red block and put it in the bowl", "in(red block, bowl)"),
    ("put the red block in the bowl, then put the blue block on it",
     "then(in(red block, bowl), on(blue block, red block))"),
    # a side said after a topic's noun picks it out
    ("the bowl on the far right, put the red block in it", "in(red block, rightmost(bowl))"),
    ("the bowl on the left, put the red block in it", "in(red block, leftmost(bowl))"),
    ("put the red block on the far right", "moved(red block, right, 0.2)"),
    ("red block on the left", "moved(red block, left, 0.1)"),
    # "2" before a noun in the singular is "to"
    ("go 2 yellow marker", "near(robot, yellow marker)"),
    ("drive 2 the red cone", "near(robot, red cone)"),
    ("put 2 blocks in the bowl", "in(2 blocks, bowl)"),
    ("move the red block 2 cm left", "moved(red block, left, 0.02)"),
    ("drive the husky to the red marker and then to the blue one",
     "then(near(robot, red marker), near(robot, blue marker))"),
    # a single object at a side of the table
    ("put the bowl on the left side of the table", "along_edge(bowl, left)"),
    ("put the red block on the left edge of the table", "along_edge(red block, left)"),
    ("put the green cube in the right side of the plate", "right_of(green block, plate)"),
    # "either" under a negation, with no two of the kind named: both
    ("don't touch either of the bowls", "unmoved(2 bowls)"),
    ("put the red block on the plate and don't touch either of the bowls",
     "all(on(red block, plate), unmoved(2 bowls))"),
    ("put the red block on the plate without moving either bowl", "all(on(red block, plate), unmoved(2 bowls))"),
    ("there is a red bowl and a blue bowl. put the block on the plate and don't touch either bowl",
     "all(on(block, plate), unmoved(red bowl), unmoved(blue bowl))"),
    # a relation mistyped between an object and the next one
    ("push the blue cube int the red zone", "all(in(blue block, red zone), never_lifted(blue block))"),
    ("put the cube ont the plate", "on(block, plate)"),
    ("put the blu cube in the bowl", "in(blue block, bowl)"),
    # "one" takes the kind of a heading or of what was said to be there
    ("Balls: red one on the plate", "on(red ball, plate)"),
    ("there are two balls. put the red one on the plate", "on(red ball, plate)"),
    ("put the red block in the bowl, then the blue one on the plate", "then(in(red block, bowl), on(blue block, plate))"),
    # a group less some of it
    ("put every block except the red one in the bowl", "in(except(all blocks, red block), bowl)"),
])
def test_known_misses_read(text, goal):
    assert tree(text) == want(goal)


def test_one_after_a_colour_is_the_kind_to_move():
    text = "the red block is already in the bowl, put the blue one on it"
    assert tree(text) == want("on(blue block, red block)")
    assert start_states(text) == [want("in(red block, bowl)")]


@pytest.mark.parametrize("text, reason, named", [
    # a tower of more than two with some of it unnamed: its order cannot be written
    ("can you stack the three blocks so the blue one ends up on top", "ambiguous", "order of the tower"),
    ("stack the blocks so the blue one is on top", "ambiguous", "order of the tower"),
    ("stack the three blocks, red at the bottom and blue on top", "ambiguous", "order of the tower"),
    # one object on a group
    ("put the blue block on top of the three blocks", "ambiguous", "which block"),
    # a side of an object is no place a goal names
    ("put the red block in the left side of the tray", "unreadable", "left side of the tray"),
    ("put the red block on the edge of the plate", "unreadable", "edge of the plate"),
    # what a group leaves out must be one of it
    ("put every block except the red ball in the bowl", "unreadable", "a ball is not one of the blocks"),
    ("put all the blocks in the tray except the red ball", "unreadable", "a ball is not one of the blocks"),
])
def test_known_misses_refused(text, reason, named):
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == reason
    assert named in str(err.value)
