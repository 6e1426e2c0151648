"""An arrow or pointing hand typed between an object and a place says where the object goes; one that opens
the line only marks it; the robot's face is the robot."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("🔵 blue ball ➡️ 🧺 pink tray", "in(blue ball, pink tray)"),
    ("both cubes 👉 the gray plate", "on(2 blocks, gray plate)"),
    ("the leftmost ball ➜ the crate", "in(leftmost(ball), crate)"),
    ("🤖 ➡️ the orange marker", "near(robot, orange marker)"),
    ("yellow cube ➡️ right of the black bowl", "right_of(yellow block, black bowl)"),
])
def test_an_arrow_between_words_says_where_it_goes(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("👉 slide the pink cube ➡️ the white zone", "all(in(pink block, white zone), never_lifted(pink block))"),
    ("➡️ put the red ball on the plate", "on(red ball, plate)"),
])
def test_an_arrow_opening_the_line_only_marks_it(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("• the pink cube at the base • the cyan cube on top of it", "on(cyan block, pink block)"),
    ("• balls ➡️ the matching plates • leave the bowls alone",
     "all(sorted_into(all balls, all plates), unmoved(all bowls))"),
    # only names between the bullets: one list
    ("• white ball • black ball → into the crate", "in([white ball, black ball], crate)"),
])
def test_bullets_along_one_line_set_apart_its_items(text, goal):
    assert tree(text) == want(goal)


def test_an_arrow_before_a_verb_leads_to_the_next_thing_to_do():
    text = "bowl full of balls ➡️ empty it into the crate"
    assert tree(text) == want("in(all balls, crate)")
    assert start_states(text) == [want("in(all balls, bowl)")]


@pytest.mark.parametrize("text, goal", [
    ("cube stack: white, black, pink, bottom to top", "stacked(pink block, black block, white block)"),
    ("make a block tower of cyan, purple, yellow, top first", "stacked(cyan block, purple block, yellow block)"),
])
def test_a_kind_before_tower_says_what_it_is_made_of(text, goal):
    assert tree(text) == want(goal)
