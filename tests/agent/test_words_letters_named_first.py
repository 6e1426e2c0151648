"""Objects given a letter before the task, as a mathematician writes ("let q be the pink ball"): the object is
read wherever its letter is used after; the naming says which objects there are, and asks nothing itself."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("let q be the pink ball. put q in the brown crate", "in(pink ball, brown crate)"),
    ("Let u denote the gray cube and v the orange plate; set u on v.", "on(gray block, orange plate)"),
    ("let k be the ball nearest the robot. drop k into the tray", "in(nearest(ball, robot), tray)"),
    # "the set of all ...": the group itself
    ("Let G be the set of all balls. Move G to the back left corner.", "at_place(all balls, back_left)"),
    # a letter for each colour in turn
    ("let p, q and r denote the white, black and brown cubes respectively. stack p on q and q on r",
     "stacked(white block, black block, brown block)"),
    # a thing to make, named by a letter
    ("let t be a tower with the cyan cube at the bottom and the pink cube on top", "on(pink block, cyan block)"),
])
def test_a_letter_stands_for_its_object(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("let w be the blue ball. require w to sit behind the crate", "behind(blue ball, crate)"),
    ("let d be the red cube. put d in the yellow zone, subject to d never leaving the table",
     "all(in(red block, yellow zone), never_lifted(red block))"),
])
def test_a_requirement_is_what_the_end_must_meet(text, goal):
    assert tree(text) == want(goal)


def test_objects_named_by_letters_are_still_there_to_be_asked_about():
    assert refusal("let m be the green bowl and n the cyan bowl. put the ball in the bowl") == "ambiguous"


def test_a_letter_a_is_not_the_article():
    assert tree("let a be the purple cube. put a in a bowl") == want("in(purple block, bowl)")


def test_a_letter_may_name_a_place():
    assert tree("let c be the back right corner. move the yellow ball to c") == \
        want("at_place(yellow ball, back_right)")
