"""Instructions written as a checklist or a spec: each line ending in a word is a sentence of its own, a
heading ("start:", "goal:", "constraint:", "destination:") says what its line is, and a terse line without a
verb ("cubes: crate") still says what goes where."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


def test_a_start_heading_and_a_goal_heading_on_separate_lines():
    text = "initially: the purple cube in the yellow tray\ngoal: the purple cube on the plate"
    assert tree(text) == want("on(purple block, plate)")
    assert start_states(text) == [want("in(purple block, yellow tray)")]


def test_a_named_object_heading_keeps_the_words_after_it_apart():
    text = "start: the purple cube in the yellow tray\ntarget: the purple cube on the plate"
    assert tree(text) == want("on(purple block, plate)")


def test_a_destination_marker_heading_sends_the_robot_there():
    assert tree("Destination = the cyan marker") == want("near(robot, cyan marker)")


@pytest.mark.parametrize("text, goal", [
    ("cubes: crate", "in(all blocks, crate)"),
    ("the balls: the yellow bowl.", "in(all balls, yellow bowl)"),
])
def test_a_kind_before_a_colon_and_only_a_holder_after_it(text, goal):
    assert tree(text) == want(goal)


def test_a_kind_before_a_colon_and_colours_after_it_still_names_them():
    assert tree("blocks: white on black on gray") == want("stacked(white block, black block, gray block)")


def test_a_constraint_on_its_own_line_binds_the_object_it_names():
    text = "goal: the pink ball in the bowl\nconstraint: the pink ball is never lifted"
    assert tree(text) == want("all(in(pink ball, bowl), never_lifted(pink ball))")


def test_a_constraint_line_that_forbids_the_goal_is_a_contradiction():
    assert refusal("objective: cyan cube in the crate\nconstraint: the cyan cube must not move") == "contradiction"


def test_an_object_said_to_stay_after_a_verbless_placing_is_its_own_constraint():
    assert tree("white ball onto the plate, brown ball stays put") == \
        want("all(on(white ball, plate), unmoved(brown ball))")


@pytest.mark.parametrize("text, goal", [
    ("yellow cube 15cm left, no lifting", "all(moved(yellow block, left, 0.15), never_lifted(yellow block))"),
    ("white ball 5 cm back, do not touch the cone", "all(moved(white ball, back, 0.05), unmoved(cone))"),
])
def test_a_verbless_shift_before_a_negated_verb_is_its_own_task(text, goal):
    assert tree(text) == want(goal)
