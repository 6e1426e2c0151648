"""Acceptance criteria as a product owner writes them: "given ..., then ..." with or without its "when" part,
"done when ..." and an "acceptance:" heading say how things are to be when the task is done."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Given a green ball and a tray, then the green ball ends up in the tray.", "in(green ball, tray)"),
    ("When the arm has finished, then the purple cube is beside the bowl.", "next_to(purple block, bowl)"),
])
def test_given_then_or_when_then_is_a_wish(text, goal):
    assert tree(text) == want(goal)


def test_a_given_with_a_verb_is_how_things_start():
    text = "Given the pink ball is on the plate, then the pink ball is in the crate."
    assert tree(text) == want("in(pink ball, crate)")
    assert start_states(text) == [want("on(pink ball, plate)")]


def test_given_then_with_an_order_after_then_is_that_order():
    assert tree("given a bowl and a cube, then put the cube in the bowl") == want("in(block, bowl)")


@pytest.mark.parametrize("text, goal", [
    ("Done when the black ball lies on the white plate.", "on(black ball, white plate)"),
    ("The task is complete once the robot is at the cyan marker.", "near(robot, cyan marker)"),
    ("Acceptance: the red cube sits in the brown bowl.", "in(red block, brown bowl)"),
    ("acceptance criteria: yellow cube located at the back right corner", "at_place(yellow block, back_right)"),
])
def test_done_when_and_an_acceptance_heading_say_the_goal(text, goal):
    assert tree(text) == want(goal)


def test_outside_an_object_is_out_of_it():
    assert tree("move the orange ball outside the crate") == want("not(in(orange ball, crate))")


def test_a_then_line_alone_is_the_goal_and_its_and_line_a_condition():
    assert tree("Then the cyan ball is on the plate, And the green cube is not moved.") == \
        want("all(on(cyan ball, plate), unmoved(green block))")


def test_wishes_in_turn_after_a_then_part_keep_their_order():
    assert tree("When the arm is done, then first the pink cube sits on the plate, after that the cyan cube sits "
                "in the bowl.") == want("then(on(pink block, plate), in(cyan block, bowl))")


@pytest.mark.parametrize("text, goal", [
    ("done when: the brown ball rests in the tray", "in(brown ball, tray)"),
    ("Expected outcome: the orange cube is beside the crate.", "next_to(orange block, crate)"),
])
def test_headings_of_the_outcome_wanted(text, goal):
    assert tree(text) == want(goal)


def test_given_when_then_on_lines_of_their_own():
    assert tree("Given a cyan cube and a crate\nWhen the robot has run\nThen the cyan cube is inside the crate") == \
        want("in(cyan block, crate)")


def test_a_list_under_an_outcome_heading_is_all_to_hold():
    assert tree("Success criteria:\n- the purple ball rests on the plate\n- the bowl has not moved") == \
        want("all(on(purple ball, plate), unmoved(bowl))")


def test_a_list_under_any_other_heading_is_still_steps_in_turn():
    assert tree("Steps:\n1. drop the purple ball on the plate\n2. drive to the red marker") == \
        want("then(on(purple ball, plate), near(robot, red marker))")


def test_a_colour_wished_in_the_outcome_is_refused_as_a_change_of_colour():
    assert refusal("Expected result: the white ball is green.") == "impossible"


@pytest.mark.parametrize("text, goal", [
    ("Scenario: clearing up. Given a pink ball, When the arm is done, Then the pink ball is on the plate.",
     "on(pink ball, plate)"),
    ("Given: a gray cube. When: the task runs. Then: the gray cube is behind the crate.", "behind(gray block, crate)"),
    ("Feature: towers\nGiven blue and white blocks\nWhen the robot runs\nThen the white block sits on the blue block\n"
     "And the crate has not moved", "all(on(white block, blue block), unmoved(crate))"),
])
def test_a_scenario_written_out_in_parts(text, goal):
    assert tree(text) == want(goal)


def test_numbered_conditions_are_not_a_then_part():
    assert tree("1. the cyan ball goes in the crate\n2. the crate stays where it is") == \
        want("all(in(cyan ball, crate), unmoved(crate))")
