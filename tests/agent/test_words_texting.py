"""What a person texting types short: "2" for "to", "in2", "n" for "and", "the blue 1" for "the blue one",
"xcept", "1st" and a bare "k"; a number that counts things stays a number."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("slide the pink ball close 2 the crate", "all(near(pink ball, crate), never_lifted(pink ball))"),
    ("drop the ball nearest 2 the tray in2 it", "in(nearest(ball, tray), tray)"),
    ("put the yellow n orange balls on2 the plate", "on([yellow ball, orange ball], plate)"),
    ("every ball xcept the black 1 in the crate pls", "in(except(all balls, black ball), crate)"),
    ("k put the cyan cube behind the bowl", "behind(cyan block, bowl)"),
    ("put the white cube in the bowl k", "in(white block, bowl)"),
    ("id like the gray ball beside the tray", "next_to(gray ball, tray)"),
    ("the pink cube shud go on the plate rn", "on(pink block, plate)"),
    ("i wanna see the orange ball in the crate", "in(orange ball, crate)"),
    ("drop da pink ball in da tray", "in(pink ball, tray)"),
    ("put the white 1 on the black 1 n the gray 1 on the white 1",
     "stacked(gray block, white block, black block)"),
])
def test_short_forms_of_texting_read_as_the_words_they_stand_for(text, goal):
    assert tree(text) == want(goal)


def test_a_texted_sequence_with_a_short_first():
    assert tree("1st put the red ball in the tray, after that drive 2 the blue marker") == \
        want("then(in(red ball, tray), near(robot, blue marker))")


def test_a_texted_start_state():
    text = "the blue ball is on the plate, grab it n put it in the tray"
    assert tree(text) == want("in(blue ball, tray)")
    assert start_states(text) == [want("on(blue ball, plate)")]


@pytest.mark.parametrize("text, goal", [
    ("put 2 balls in the bowl", "in(2 balls, bowl)"),
    ("move the green 1 block 2 cm left", "moved(green block, left, 0.02)"),
])
def test_a_number_that_counts_stays_a_number(text, goal):
    assert tree(text) == want(goal)
