"""Lists written one item a line (numbered or bulleted) read as steps in turn, provisos after the task ("as long
as", "provided that") as conditions the goal keeps, "making sure" / "ensuring" as "make sure", several objects
kept where they are after one verb, "on the far right" after a verb that only takes the object, and "take every
one of them out"; readings these rules must leave alone stay."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical
from aspire_tui.agent.words import read

from .readings import refusal, tree


@pytest.mark.parametrize("text, goal", [
    # a numbered or bulleted list, one item a line, is a procedure
    ("1. put the red block in the bowl\n2. put the blue block on the plate",
     "then(in(red block, bowl), on(blue block, plate))"),
    ("- put the yellow block in the red bowl\n- put the green block in the blue bowl",
     "then(in(yellow block, red bowl), in(green block, blue bowl))"),
    ("• red block into the yellow bowl\n• blue block into the green bowl",
     "then(in(red block, yellow bowl), in(blue block, green bowl))"),
    ("1 - put the cyan block in the tray\n2 - put the pink block in the tray",
     "then(in(cyan block, tray), in(pink block, tray))"),
    ("- drive the husky to the red marker\n- then drive it to the blue marker",
     "then(near(robot, red marker), near(robot, blue marker))"),
    # an item that only keeps something is a condition, not a step
    ("1. put the green cube in the blue bowl\n2. don't touch the red cube",
     "all(in(green block, blue bowl), unmoved(red block))"),
    # provisos after the task are conditions it keeps
    ("put the green block on the plate as long as the plate stays where it is",
     "all(on(green block, plate), unmoved(plate))"),
    ("put all the blocks in the tray, provided the bowl is not moved", "all(in(all blocks, tray), unmoved(bowl))"),
    ("slide the yellow cube into the red zone, provided that you never lift it",
     "all(in(yellow block, red zone), never_lifted(yellow block))"),
    ("put the pink block on the plate, making sure it's not in the bowl",
     "all(not(in(pink block, bowl)), on(pink block, plate))"),
    ("put the red block in the bowl, ensuring the plate is not moved", "all(in(red block, bowl), unmoved(plate))"),
    # several objects kept where they are by one verb after a place
    ("move the red block to the left of the plate while keeping the blue block and the green block where they are",
     "all(left_of(red block, plate), unmoved(blue block), unmoved(green block))"),
    ("move the red block left of the white block while the blue block stays put",
     "all(left_of(red block, white block), unmoved(blue block))"),
    # a side after a verb that only takes the object says which one
    ("take the block on the far right and set it on the plate", "on(rightmost(block), plate)"),
    ("grab the cube on the left, then put it in the bowl", "in(leftmost(block), bowl)"),
    ("put the block on the far right on the plate", "on(rightmost(block), plate)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_list_steps_keep_order():
    got = tree("1. put the white block in the front left corner\n2. put the black block in the back right corner")
    assert got == "then(at_place(white block, front_left), at_place(black block, back_right))"


def test_single_line_is_not_a_list():
    # "and" without a list stays both at once
    assert tree("put the red block in the bowl and the blue block on the plate").startswith("all(")


def test_proviso_opening_the_sentence_stays_a_reason():
    got = tree("as long as the bowl is empty, put the red block in it")
    assert "unmoved" not in got and "in(red block, bowl)" in got


def test_every_one_of_them_out():
    g = read("all the blocks are in the yellow zone; get every one of them out")
    assert str(canonical(g.condition)) == "not(in(all blocks, yellow zone))"
    assert [str(canonical(s)) for s in g.start] == ["in(all blocks, yellow zone)"]


def test_empty_list_is_refused():
    assert refusal("1.\n2.\n3.") == "unreadable"


def test_lettered_list_is_steps():
    assert tree("a) put the red block in the bowl\nb) put the blue block on the plate") == \
        "then(in(red block, bowl), on(blue block, plate))"


@pytest.mark.parametrize("text", [
    "- red block in bowl\n- keep the green block where it is",
    "red block in bowl. keep the green block where it is",
])
def test_clipped_step_is_not_kept_by_the_verb_after(text):
    # a verbless "red block in bowl" is a task of its own, not more objects for "keep" to hold still
    assert tree(text) == "all(in(red block, bowl), unmoved(green block))"


@pytest.mark.parametrize("text", ["all the blocks are in the yellow zone; get all of them out",
                                  "all the blocks are in the yellow zone; take them all out"])
def test_whole_group_taken_out(text):
    assert tree(text) == "not(in(all blocks, yellow zone))"
