"""A task drafted as a contract: defined terms, numbers written twice, recitals, provisos and "the Robot shall"
say nothing the plain words would not; what the clauses ask is read."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("The Robot shall deposit the brown ball (the 'Item') onto the white plate.", "on(brown ball, white plate)"),
    ("The Robot shall transfer the pink cube, hereinafter the 'Cube', into the gray crate.", "in(pink block, gray crate)"),
    ("The Robot shall shift the cyan cube three (3) centimetres to the left.", "moved(cyan block, left, 0.03)"),
    ("The Robot shall place three (3) of the balls in the tray.", "in(3 of balls, tray)"),
    ("The Robot shall place the orange cube left of the crate, the word 'left' being construed as the Robot sees it.",
     "left_of(orange block, crate)"),
])
def test_defined_terms_and_numbers_said_twice_ask_nothing_more(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("The Robot shall move the green ball onto the black plate.", "on(green ball, black plate)"),
    ("The Robot shall first put the red cube in the tray and thereafter put the blue cube in the tray.",
     "then(in(red block, tray), in(blue block, tray))"),
    ("The Robot shall use the hook to draw the white ball within its reach.", "in_reach(white ball)"),
    ("The mobile Robot shall proceed to the cyan marker and remain in its vicinity.", "near(robot, cyan marker)"),
])
def test_the_robot_bound_to_do_a_thing_is_told_to(text, goal):
    assert tree(text) == want(goal)


def test_a_recital_says_how_things_are():
    text = "WHEREAS the black ball presently rests upon the plate, the Robot shall remove it therefrom and place it in the crate."
    assert tree(text) == want("in(black ball, crate)")
    assert start_states(text) == [want("on(black ball, plate)")]
    text = "Whereas the cubes are contained in the crate, the Robot shall empty the crate."
    assert tree(text) == want("not(in(all blocks, crate))")


@pytest.mark.parametrize("text, goal", [
    ("The Robot shall put the gray ball in the bowl; provided, however, that the pink cube shall remain undisturbed "
     "in its original position.", "all(in(gray ball, bowl), unmoved(pink block))"),
    ("The Robot shall slide the brown cube into the white zone, provided that at no time shall the brown cube be lifted.",
     "all(in(brown block, white zone), never_lifted(brown block))"),
    ("The Robot shall place every ball in the crate save and except the red ball, which the Robot shall not move.",
     "all(in(except(all balls, red ball), crate), unmoved(red ball))"),
])
def test_provisos_and_exceptions_are_conditions_the_goal_keeps(text, goal):
    assert tree(text) == want(goal)


def test_a_proviso_against_the_clause_is_a_contradiction():
    assert refusal("The Robot shall place the cyan ball on the plate; provided that the cyan ball shall not be on "
                   "the plate.") == "contradiction"


@pytest.mark.parametrize("text, goal", [
    ("The Robot shall build a tower wherein the white cube bears the black cube, and the black cube bears the "
     "gray cube.", "stacked(gray block, black block, white block)"),
    ("The Robot shall erect a stack of three cubes, being the pink cube on top of the cyan cube, which in turn "
     "rests upon the orange cube.", "stacked(pink block, cyan block, orange block)"),
    ("The Robot shall put each ball in that bowl whose colour corresponds to the colour of such ball.",
     "sorted_into(all balls, all bowls)"),
    ("The Robot shall displace the white cube a considerable distance, namely a lot, forward.",
     "moved(white block, front, 0.2)"),
])
def test_a_drafters_long_way_round_is_read_plainly(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("The Robot shall not touch the cyan ball and shall put the pink ball in the tray.",
     "all(in(pink ball, tray), unmoved(cyan ball))"),
    ("The Robot shall, for the avoidance of doubt, set the gray ball upon the black plate.", "on(gray ball, black plate)"),
])
def test_what_the_robot_shall_not_do_and_a_drafters_aside(text, goal):
    assert tree(text) == want(goal)
