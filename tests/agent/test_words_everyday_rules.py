"""Everyday rules of English the reader keeps: a sort into one holder puts everything in it, one object moved two
opposite ways at once is a contradiction, a task taken back at the end leaves nothing to do, "last" and "in the
end" close a sequence, steps numbered in a line are done in turn, "between" is refused with a line that names it,
rough amounts ("a few cm", "a hand's width") are measures, and plural colour nouns ("the greens") are groups."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    # one holder named: all of them go in it, not a sort by colour
    ("sort the cubes into the yellow bowl", "in(all blocks, yellow bowl)"),
    ("sort all of the balls into the crate", "in(all balls, crate)"),
    ("please sort every ball onto the white plate", "on(all balls, white plate)"),
    # holders of their own colours still sort
    ("sort the balls into the trays", "sorted_into(all balls, all trays)"),
    ("sort every cube into the bowl of its own colour", "sorted_into(all blocks, all bowls)"),
])
def test_a_sort_into_one_holder_puts_all_in_it(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "shift the green ball 5 cm to the right and 5 cm to the left",
    "slide the yellow cube forward and backward at the same time",
    "move the pink block left and right",
    "move the red and blue blocks 3 cm back and 3 cm forward",
])
def test_one_object_moved_two_opposite_ways_at_once_is_a_contradiction(text):
    assert refusal(text) == "contradiction"


def test_the_contradiction_names_both_ways():
    with pytest.raises(InstructionError) as err:
        read("nudge the orange block to the right and to the left")
    assert "right" in str(err.value) and "left" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text, goal", [
    # each object its own side, or one move after the other
    ("shift the green ball to the right and the orange ball to the left",
     "all(moved(green ball, right, 0.1), moved(orange ball, left, 0.1))"),
    ("move the cyan cube 4 cm forward and then 4 cm back",
     "then(moved(cyan block, front, 0.04), moved(cyan block, back, 0.04))"),
])
def test_opposite_ways_for_two_objects_or_in_turn_still_read(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "stack the green cube on the blue one. actually, never mind",
    "move the pink ball into the tray, wait no, don't",
    "put the cyan block next to the plate... oh forget it",
    "push the yellow block to the left, scratch that",
    "never mind",
])
def test_a_task_taken_back_at_the_end_leaves_nothing_to_do(text):
    assert refusal(text) == "unreadable"


def test_the_take_back_is_named_in_one_line():
    with pytest.raises(InstructionError) as err:
        read("drop the white ball in the bowl, hmm, never mind")
    assert "never mind" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text, goal", [
    # a correction that says something else instead is read as what it says
    ("put the yellow ball on the plate, no wait, the pink one", "on(pink ball, plate)"),
    ("put the green block in the tray, scratch that, put it in the bowl", "in(green block, bowl)"),
    # "don't" with what not to do is a constraint, not a take-back
    ("put the cyan block in the bowl and don't move the plate", "all(in(cyan block, bowl), unmoved(plate))"),
])
def test_a_correction_or_a_constraint_at_the_end_still_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("put the pink ball on the plate. last, move the yellow cube into the bowl",
     "then(on(pink ball, plate), in(yellow block, bowl))"),
    ("put the pink ball on the plate and last of all slide the yellow cube left",
     "then(on(pink ball, plate), all(moved(yellow block, left, 0.1), never_lifted(yellow block)))"),
    ("move the cyan block into the tray, and at the end put the green ball beside the plate",
     "then(in(cyan block, tray), next_to(green ball, plate))"),
    ("move the cyan block into the tray; in the end, place the green ball on the plate",
     "then(in(cyan block, tray), on(green ball, plate))"),
    # an end state wished for after them
    ("stack the red cube on the blue cube, and in the end the white ball is in the tray",
     "then(on(red block, blue block), in(white ball, tray))"),
    ("finally, the purple block is on the plate", "on(purple block, plate)"),
    ("in the end the black ball sits in the crate", "in(black ball, crate)"),
    # "the end of" a thing is a place, not when
    ("put the green cube at the end of the table", None),
])
def test_last_and_in_the_end_close_a_sequence(text, goal):
    if goal is None:
        assert "then(" not in tree(text)
    else:
        assert tree(text) == want(goal)


def test_a_wish_at_the_end_after_a_start_state_is_the_goal():
    text = "the orange cube is on the plate. in the end it should be in the bowl"
    assert tree(text) == want("in(orange block, bowl)")
    assert start_states(text) == [want("on(orange block, plate)")]


@pytest.mark.parametrize("text, goal", [
    ("1. place the cyan ball in the tray 2. place the pink ball in the tray",
     "then(in(cyan ball, tray), in(pink ball, tray))"),
    ("1. set the white cube on the plate. 2. set the black cube on the plate. 3. set the red cube on the plate.",
     "then(on(white block, plate), on(black block, plate), on(red block, plate))"),
    # the words that stack them still stack them
    ("1. set the white cube on the plate 2. set the black cube on the white cube",
     "stacked(black block, white block, plate)"),
    # numbers that do not count up from one are not steps
    ("move the green ball 2.5 cm left", "moved(green ball, left, 0.025)"),
])
def test_steps_numbered_in_one_line_are_done_in_turn(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "place the cyan cube between the plate and the tray",
    "put the ball halfway between the two blocks",
    "set the yellow block right between them",
    "drop the green ball in between the bowls",
])
def test_between_is_refused_with_a_line_naming_it(text):
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == "unreadable"
    assert "between" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text, goal", [
    # "between" that says a side or a distance still reads
    ("set the ball on the near side of the tray, between you and the tray", "behind(ball, tray)"),
    ("put the cyan cube right of the plate with 25 cm between them", "right_of(cyan block, plate, 0.25)"),
])
def test_between_a_side_or_a_distance_still_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("shove the pink cube a few centimetres forward",
     "all(moved(pink block, front, 0.03), never_lifted(pink block))"),
    ("move the ball a few mm to the right", "moved(ball, right, 0.003)"),
    ("move the white block a hand's width back", "moved(white block, back, 0.1)"),
    ("put the green ball a hand width left of the tray", "left_of(green ball, tray, 0.1)"),
    ("shift the cube the width of a finger to the left", "moved(block, left, 0.02)"),
    ("move the ball a couple of cm forward", "moved(ball, front, 0.02)"),
    ("move the black cube a little to the right", "moved(black block, right, 0.05)"),
    ("put the orange ball a lot in front of the plate", "in_front_of(orange ball, plate, 0.2)"),
])
def test_rough_amounts_are_measures(text, goal):
    assert tree(text) == want(goal)


def test_a_few_objects_is_still_asked_not_guessed():
    assert refusal("put a few balls in the tray") == "ambiguous"


@pytest.mark.parametrize("text, goal", [
    ("put the yellows and the greens into their trays",
     "sorted_into([all yellow blocks, all green blocks], all trays)"),
    ("drop the pinks and the whites in the bowls of their colours",
     "sorted_into([all pink blocks, all white blocks], all bowls)"),
    ("put the green balls and the red balls into their bowls",
     "sorted_into([all green balls, all red balls], all bowls)"),
    ("put every cube back in its bowl", "sorted_into(all blocks, all bowls)"),
    ("the balls go into their trays", "sorted_into(all balls, all trays)"),
    ("set the purples on the white plate", "on(all purple blocks, white plate)"),
    ("there are balls here. put the blues in the crate", "in(all blue balls, crate)"),
    # one object's own holder names no sort
    ("put the cyan cube in its bowl", "in(cyan block, bowl)"),
])
def test_plural_colour_nouns_are_groups(text, goal):
    assert tree(text) == want(goal)
