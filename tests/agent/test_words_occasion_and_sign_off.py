"""When a task is wanted ("by teatime", "before lunch") and a sign-off ("capisce?", "ok?", "yeah?") ask nothing:
both are set aside wherever they stand, together or apart, with or without a comma."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the pink ball in the tray by teatime, capisce?", "in(pink ball, tray)"),
    ("set the green cube on the plate before supper, ok?", "on(green block, plate)"),
    ("put the blue ball in the crate by lunchtime yeah?", "in(blue ball, crate)"),
    ("before lunch stack the red cube on the white cube savvy?", "on(red block, white block)"),
    ("by teatime, move the yellow block to the middle of the table, capisce?", "at_place(yellow block, middle)"),
    ("put the gray ball in the bowl capisce?", "in(gray ball, bowl)"),
    ("the brown cube in the crate before dinner, alright?", "in(brown block, crate)"),
])
def test_the_occasion_and_the_sign_off_are_set_aside(text, goal):
    assert tree(text) == want(goal)


def test_how_it_ends_up_is_never_a_sign_off():
    assert refusal("put the red cube in the bowl sideways?") == "unreadable"


def test_a_place_by_an_object_stays_a_place():
    assert tree("put the red cube in the bowl by the plate, ok?") == want("in(red block, nearest(bowl, plate))")
