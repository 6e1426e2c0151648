"""A task told as a story about the objects: with no order in it, where the objects went or longed to be is what
the teller wants; told before an order, the story is how things are."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("the green ball hopped into the cyan crate", "in(green ball, cyan crate)"),
    ("at last the brown cube made its way onto the white plate", "on(brown block, white plate)"),
    ("the pink ball wished only to sit behind the gray bowl", "behind(pink ball, gray bowl)"),
    ("long ago the black cube dreamed of the back right corner", "at_place(black block, back_right)"),
    ("the orange cube set off for the purple tray", "in(orange block, purple tray)"),
])
def test_where_an_object_went_or_longed_to_be_is_the_goal(text, goal):
    assert tree(text) == want(goal)


def test_a_story_told_in_steps_keeps_its_order():
    assert tree("first the red ball wandered into the bowl, and after that the blue cube hopped onto the plate") == \
        want("then(in(red ball, bowl), on(blue block, plate))")


def test_a_story_before_an_order_is_how_things_are():
    text = "the white ball rolled into the tray; put it on the plate"
    assert tree(text) == want("on(white ball, plate)")
    assert start_states(text) == [want("in(white ball, tray)")]


def test_a_sort_told_as_a_story():
    assert tree("each ball hurried to the crate that shared its colour") == want("sorted_into(all balls, all crates)")


@pytest.mark.parametrize("text, goal", [
    ("the sleepy pink cube crawled onto the gray plate and dozed", "on(pink block, gray plate)"),
    ("the smallest ball of all went off to sleep in the crate", "in(smallest(ball), crate)"),
    ("the red balls hurried to the red bowl and the blue balls to the blue bowl, as was only right",
     "all(in(all red balls, red bowl), in(all blue balls, blue bowl))"),
])
def test_what_a_story_says_only_to_be_told_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_where_an_object_had_long_been_is_where_it_starts():
    text = "the white cube had sat on the black plate for ages; one day it wandered into the tray"
    assert tree(text) == want("in(white block, tray)")
    assert start_states(text) == [want("on(white block, black plate)")]


def test_a_story_of_the_robot_fetching_with_its_hook():
    text = "the black ball lay out of reach, so the robot took up the hook and drew the ball near"
    assert tree(text) == want("in_reach(black ball)")
    assert start_states(text) == [want("not(in_reach(black ball))")]


@pytest.mark.parametrize("text, goal", [
    ("the cyan ball rolled slowly to the right of the crate", "right_of(cyan ball, crate)"),
    ("that evening the brown block came to rest in the yellow bowl and lay still", "in(brown block, yellow bowl)"),
    ("and the pink ball came home to the pink tray", "in(pink ball, pink tray)"),
])
def test_how_and_when_a_story_tells_it_went(text, goal):
    assert tree(text) == want(goal)


def test_objects_that_found_their_own_colour_are_sorted():
    assert tree("one by one the cubes found the tray of their own colour") == want("sorted_into(all blocks, all trays)")


def test_a_story_that_sends_an_object_off_the_table_is_refused():
    assert refusal("and then the yellow ball rolled off the table") == "impossible"


@pytest.mark.parametrize("text, goal", [
    ("the purple ball drifted far to the right of the bowl", "right_of(purple ball, bowl, 0.2)"),
    ("the brown cube hid in front of the crate", "in_front_of(brown block, crate)"),
    ("the white ball snuggled up beside the plate", "next_to(white ball, plate)"),
    ("the gray cube rolled up to the tray", "near(gray block, tray)"),
])
def test_where_an_object_went_said_with_more_words_of_how(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("the robot, tired of waiting, drove over to the pink marker", "near(robot, pink marker)"),
    ("the orange ball, bored of sitting still, rolled behind the bowl", "behind(orange ball, bowl)"),
])
def test_how_an_object_felt_said_between_commas_asks_nothing(text, goal):
    assert tree(text) == want(goal)
