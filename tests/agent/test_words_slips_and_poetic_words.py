"""Words typed or chosen off the usual path: a colour with a vowel spelt as it sounds ("grean"), a thing's name
autocorrected into another word right after "in" or "the" ("bowel"), "a lil" and "a great deal" as amounts, a
poet's hue and colours ("azure", "emerald"), "greatest" for the largest, "front most", similes with others
("like soldiers", "as lovers lie near"), and a ward's things the simulator cannot make."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the purpel ball in the bowl", "in(purple ball, bowl)"),
    ("put the yallow block on the plate", "on(yellow block, plate)"),
    ("drop the ball in the bowel", "in(ball, bowl)"),
    ("can u put the gray cube in the bowel", "in(gray block, bowl)"),
])
def test_slips_mended_by_the_place_of_the_word(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("nudge the gray cube a lil forward", "all(moved(gray block, front, 0.05), never_lifted(gray block))"),
    ("shift the white ball a good deal to the right", "moved(white ball, right, 0.2)"),
])
def test_amounts_said_loosely(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("Set the cobalt ball upon the emerald plate.", "on(blue ball, green plate)"),
    ("Lay the greatest ball in the crate.", "in(largest(ball), crate)"),
    ("Left most cube, into the tray.", "in(leftmost(block), tray)"),
    ("Sort the balls by hue into the trays.", "sorted_into(all balls, all trays)"),
])
def test_a_poets_words_for_colours_and_sizes(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("In a line, like ducks, set the balls.", "in_line(all balls)"),
    ("Put the black cube beside the tray, as friends sit close.", "next_to(black block, tray)"),
])
def test_a_likeness_to_others_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_a_wards_things_are_refused_by_name():
    assert refusal("put the thermometer in the tray") == "unknown_kind"
    assert refusal("bandage onto the plate") == "unknown_kind"


@pytest.mark.parametrize("text, goal", [
    ("omg cn u put the pink ball in the tray", "in(pink ball, tray)"),
    ("stack the white cube on the gray one nd the gray one on the black one",
     "stacked(white block, gray block, black block)"),
    ("make a stack w the red and blue cubes, red on top", "on(red block, blue block)"),
])
def test_a_texters_short_words(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("Set the smallest ball upon the greatest.", "on(smallest(ball), largest(ball))"),
    ("Wend thy way to the marker yonder.", "near(robot, marker)"),
    ("Let every ball find the bowl of like hue.", "sorted_into(all balls, all bowls)"),
])
def test_a_poets_turns_of_phrase(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("drop the pink cube in the try", "in(pink block, tray)"),
    ("put the black ball next too the crate", "next_to(black ball, crate)"),
    ("line up the cubes from left too right", "in_line(all blocks, left_to_right)"),
])
def test_autocorrects_real_words_read_as_meant_where_they_stand(text, goal):
    assert tree(text) == want(goal)


def test_a_real_word_where_it_means_itself_stays():
    assert tree("try to put the ball in the bowl") == want("in(ball, bowl)")
    assert tree("put the ball beside the plate too") == want("next_to(ball, plate)")
