"""A dispatcher's load sheet: the load and its destination said as fields, the call closed with "over" or
"confirm", a pick-up dropped off at a holder, and the kind said once after a list of bare colours."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Item: green ball. Drop-off point: the black tray.", "in(green ball, black tray)"),
    ("Load the white cube, destination - the red crate.", "in(white block, red crate)"),
    ("Two blocks. Final destination: the plate.", "on(2 blocks, plate)"),
])
def test_the_destination_field_says_where_the_load_goes(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("Route the pink ball to the blue bowl, over and out.", "in(pink ball, blue bowl)"),
    ("Dispatch the brown cube to the gray zone. Please confirm.", "in(brown block, gray zone)"),
    ("Orange cube onto the plate, copy that.", "on(orange block, plate)"),
])
def test_a_radio_sign_off_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_a_pick_up_dropped_off_at_a_holder_goes_into_it():
    assert tree("Pick up the cyan ball, drop off at the white bowl.") == want("in(cyan ball, white bowl)")


def test_a_load_to_sit_somewhere_is_to_be_there():
    assert tree("Yellow crate to stand just behind the green crate.") == want("behind(yellow crate, green crate)")


@pytest.mark.parametrize("text, goal", [
    ("Stacking order: red on blue on white. All cubes.", "stacked(red block, blue block, white block)"),
    ("Load into the tray: pink, gray and cyan, balls.", "in([pink ball, gray ball, cyan ball], tray)"),
])
def test_the_kind_said_after_a_list_of_colours_is_each_ones_kind(text, goal):
    assert tree(text) == want(goal)


def test_the_call_sign_of_the_one_called_names_nothing():
    assert tree("Truck 3, head to the brown marker. Over.") == want("near(robot, brown marker)")


def test_returning_to_a_marker_is_the_driver_going_back():
    assert tree("Drop the black ball in the crate, then return to the yellow marker.") == \
        want("then(in(black ball, crate), near(robot, yellow marker))")
