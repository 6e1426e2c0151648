"""A condition that rules a colour out of a group ("unless they're red", "if it isn't blue") leaves the objects
of that colour out, as "except" does."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("move every cube to the back right corner unless it's green",
     "at_place(except(all blocks, green block), back_right)"),
    ("the balls go in the tray if they aren't yellow", "in(except(all balls, yellow ball), tray)"),
    ("put all the blocks on the plate, unless they are black or white",
     "on(except(all blocks, black block, white block), plate)"),
])
def test_a_colour_ruled_out_by_unless_is_left_out(text, goal):
    assert tree(text) == want(goal)


def test_the_ones_that_are_a_colour_are_the_ones_of_that_colour():
    assert tree("drop every cube into the crate except the ones that are pink") == want(
        "in(except(all blocks, pink block), crate)")


def test_everything_but_one_object_is_refused_by_name_not_read_as_that_object():
    assert refusal("Everything but the green ball goes on the plate.") == "unreadable"
