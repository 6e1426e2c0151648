"""The English of old verse: "thou", "thee" and "thy" are the robot spoken to, "yon" and "yonder" point at a thing,
"unto" is "to"; an object let dwell or abide somewhere is put there, and one that stands before a thing stands in
front of it."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Place thou the black ball within yon tray.", "in(black ball, tray)"),
    ("Bear thy hook and draw the orange ball near.", "in_reach(orange ball)"),
    ("O robot, carry the cyan cube unto the white plate.", "on(cyan block, white plate)"),
    ("Drive thee to yonder gray marker.", "near(robot, gray marker)"),
    ("Stack thou the cubes: the pink upon the brown, the brown upon the black.",
     "stacked(pink block, brown block, black block)"),
])
def test_old_pronouns_and_pointing_words_read_as_todays(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("Let the white ball dwell upon the plate.", "on(white ball, plate)"),
    ("Within the crate let the two balls repose.", "in(2 balls, crate)"),
    ("Behind the azure bowl, let the emerald cube abide.", "behind(green block, blue bowl)"),
    ("Let each cube find the tray of its own hue.", "sorted_into(all blocks, all trays)"),
])
def test_an_object_let_rest_or_find_a_place_is_put_there(text, goal):
    assert tree(text) == want(goal)


def test_standing_before_a_thing_is_in_front_of_it():
    assert tree("Let the red cube stand before the plate.") == want("in_front_of(red block, plate)")
    assert refusal("Let the red cube sit before the bowl and behind the bowl as well.") == "contradiction"


def test_the_corner_at_your_right_hand_is_a_corner_on_that_side():
    assert tree("Set the pink ball in the corner at your left hand, nearest the robot.") == \
        want("at_place(pink ball, back_left)")


def test_emptying_said_with_thou_is_still_emptying():
    text = "The tray holds the balls; clear thou the tray."
    assert tree(text) == want("not(in(all balls, tray))")
    assert start_states(text) == [want("in(all balls, tray)")]


def test_hie_and_tarry():
    assert tree("Hie thee to the white marker and tarry there.") == want("near(robot, white marker)")
