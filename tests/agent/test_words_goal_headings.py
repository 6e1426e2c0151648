"""Headings that name what is asked: a verb with a word for the goal ("push goal:", "stack target:") is the
verb alone, and the pose or position wanted for an object, before a colon, is where that object should be."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("stack goal: yellow on orange on pink", "stacked(yellow block, orange block, pink block)"),
    ("push target: the white block into the green zone",
     "all(in(white block, green zone), never_lifted(white block))"),
])
def test_a_goal_word_after_the_verb_of_a_heading_says_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_a_goal_word_after_to_is_still_the_place():
    assert tree("drive to goal: the red marker") == want("near(robot, red marker)")


@pytest.mark.parametrize("text, goal", [
    ("desired position for the green cube: front right corner", "at_place(green block, front_right)"),
    ("final location of the purple ball: inside the tray", "in(purple ball, tray)"),
])
def test_the_pose_wanted_for_an_object_before_a_colon(text, goal):
    assert tree(text) == want(goal)
