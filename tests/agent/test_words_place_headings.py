"""A place written as a heading and the object after its colon, as a ward chart lists them: the object goes to
the place. A heading that is no place ("note: ...") stays as it was."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("L of tray: pink ball", "left_of(pink ball, tray)"),
    ("behind the green crate: the white cube", "behind(white block, green crate)"),
    ("middle: both balls", "at_place(2 balls, middle)"),
    ("front right corner: all the cubes", "at_place(all blocks, front_right)"),
    ("into the black bowl: 2 red blks", "in(2 red blocks, black bowl)"),
])
def test_the_object_goes_to_the_place_its_heading_names(text, goal):
    assert tree(text) == want(goal)


def test_a_heading_that_is_no_place_is_left_alone():
    assert tree("handover: red cube into the blue bowl") == want("in(red block, blue bowl)")


def test_a_heading_listing_what_is_there_before_a_task_on_it_stays_how_things_are():
    text = "in the tray: the red cube. put it on the plate"
    assert tree(text) == want("on(red block, plate)")
