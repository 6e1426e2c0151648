"""A speaker taking back where an object goes and saying the place in other words: a corner for the middle, the
middle for a container, or a bare side for the side of a relation (whose landmark stays); or taking back which
one of a kind with "the one on the other side"."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the green ball in the center, sorry, the back right corner", "at_place(green ball, back_right)"),
    ("move the cube to the front left corner, no wait, to the middle of the table", "at_place(block, middle)"),
    ("drop the yellow block in the tray, actually, the front right corner", "at_place(yellow block, front_right)"),
])
def test_a_corner_or_the_middle_replaces_the_place_said(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("place the red ball to the right of the plate, sorry, the left side", "left_of(red ball, plate)"),
    ("put the cube in front of the tray, no wait, the back", "behind(block, tray)"),
    ("set the white block left of the crate, I mean right", "right_of(white block, crate)"),
])
def test_a_bare_side_turns_the_relation_and_keeps_its_landmark(text, goal):
    assert tree(text) == want(goal)


def test_a_correction_naming_an_object_still_replaces_the_object():
    assert tree("put the red block on the plate, sorry, the blue block") == want("on(blue block, plate)")


@pytest.mark.parametrize("text, goal", [
    ("set the orange ball behind the crate, no, in front of it", "in_front_of(orange ball, crate)"),
    ("drop the cube in the tray, no, on the plate", "on(block, plate)"),
])
def test_a_no_set_off_by_commas_takes_the_place_back(text, goal):
    assert tree(text) == want(goal)


def test_a_not_after_the_no_still_says_not():
    assert tree("put the cube beside the tray, no, not in front of it") == \
        want("all(next_to(block, tray), not(in_front_of(block, tray)))")


@pytest.mark.parametrize("text, goal", [
    ("drop the cube in the tray on the right, sorry, the one on the left", "in(block, leftmost(tray))"),
    ("slide the ball on the left, no, the one on the right, into the green zone",
     "all(in(rightmost(ball), green zone), never_lifted(rightmost(ball)))"),
])
def test_the_one_on_another_side_takes_back_which_one(text, goal):
    assert tree(text) == want(goal)
