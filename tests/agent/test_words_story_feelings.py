"""A story that tells how an object felt, or what it had done, before where it went ("the ball felt lonely, so it
rolled ..."): the feeling is why, the going is the ask; a tale opened with "once" is no condition."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("once the white ball felt terribly lonely, so it rolled over to the gray crate", "in(white ball, gray crate)"),
    ("the orange cube grew bored and wandered to the right of the plate", "right_of(orange block, plate)"),
    ("the pink block and the cyan block had argued, so the pink block moved behind the bowl",
     "behind(pink block, bowl)"),
    ("once there was a black cube who was lonely; it went to live in the yellow bowl", "in(black block, yellow bowl)"),
    ("the little green cube hopped onto the wide back of the brown cube", "on(green block, brown block)"),
    ("the blue ball dreamt of the back left corner, where nobody would bother it", "at_place(blue ball, back_left)"),
])
def test_what_the_story_object_did_is_the_ask(text, goal):
    assert tree(text) == want(goal)


def test_once_before_an_order_is_still_a_condition():
    assert tree("once the gray ball is on the plate, put the red ball in the tray") == want(
        "then(on(gray ball, plate), in(red ball, tray))")


@pytest.mark.parametrize("text, goal, start", [
    ("once the cyan cube felt lonely, so it wandered to the gray bowl. now set it on the plate",
     "on(cyan block, plate)", "in(cyan block, gray bowl)"),
    ("the black ball hopped onto the white plate; please put it in the crate",
     "in(black ball, crate)", "on(black ball, white plate)"),
])
def test_a_story_told_before_an_order_is_how_things_are(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(start)]

