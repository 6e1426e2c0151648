"""A task typed as code: calls with objects and keywords, relations as predicates or methods, loops over a kind,
a tower as a list and a note after "#" are read as the words they stand for."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("place(yellow_ball, white_plate)", "on(yellow ball, white plate)"),
    ("go_to(pink_marker)", "near(robot, pink marker)"),
    ("move(obj='brown block', target='cyan bowl')", "in(brown block, cyan bowl)"),
    ("place_on(top=orange_cube, bottom=purple_cube)", "on(orange block, purple block)"),
    ("move(gray_ball, direction='right', distance=0.2)", "moved(gray ball, right, 0.2)"),
    ("put(farthest(ball, robot), crate)", "in(farthest(ball, robot), crate)"),
    ("line_up(balls=['white', 'pink', 'cyan'], order='right_to_left')",
     "in_line([white ball, pink ball, cyan ball], right_to_left)"),
    ("place(cyan_block, tray); then goto(blue_marker)", "then(in(cyan block, tray), near(robot, blue marker))"),
])
def test_a_call_is_its_verb_with_its_objects(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("assert behind(white_ball, green_crate)", "behind(white ball, green crate)"),
    ("ensure next_to(red_cone, barrel)", "next_to(red cone, barrel)"),
    ("assert pink_block.on(gray_block)", "on(pink block, gray block)"),
])
def test_a_relation_asserted_is_the_goal(text, goal):
    assert tree(text) == want(goal)


def test_two_asserted_sides_that_cannot_both_hold_are_refused():
    assert refusal("assert in_front_of(cube, bowl) and behind(cube, bowl)") == "contradiction"


@pytest.mark.parametrize("text, goal", [
    ("for each block: crate", "in(all blocks, crate)"),
    ("for c in balls: place(c, plate_of_color(c.color))", "sorted_into(all balls, all plates)"),
])
def test_a_loop_says_its_body_of_each_one(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("stack(cyan_block, pink_block, white_block)  # top to bottom", "stacked(cyan block, pink block, white block)"),
    ("pile = [gray block, brown block, black block]  # bottom first", "stacked(black block, brown block, gray block)"),
    ("place(green_ball, bowl)  # leave the red ball alone", "all(in(green ball, bowl), unmoved(red ball))"),
])
def test_a_tower_listed_in_code_and_a_note_after_it(text, goal):
    assert tree(text) == want(goal)
