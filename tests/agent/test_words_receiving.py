"""A place said as the one that gets something ("the tray gets the ball") says the thing goes there."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("the pink plate gets the orange cube", "on(orange block, pink plate)"),
    ("first the tray should receive both balls, then the blue zone gets the red block",
     "then(in(2 balls, tray), in(red block, blue zone))"),
])
def test_the_place_that_gets_a_thing_is_where_it_goes(text, goal):
    assert tree(text) == want(goal)


def test_taking_a_thing_is_still_the_verb():
    assert tree("take the cube and set it on the plate") == want("on(block, plate)")


@pytest.mark.parametrize("text, goal", [
    ("eventually the crate should hold every ball", "in(all balls, crate)"),
    ("the white plate must end up with the red cube on it", "on(red block, white plate)"),
])
def test_a_place_wished_to_hold_a_thing(text, goal):
    assert tree(text) == want(goal)


def test_a_place_that_holds_a_thing_now_is_how_things_start():
    assert start_states("the tray holds the green ball; put it on the plate") == ["in(green ball, tray)"]


@pytest.mark.parametrize("text, goal", [
    ("load the white tray with the red ball", "in(red ball, white tray)"),
    ("fill the crate up with all the cubes, then drive to the marker",
     "then(in(all blocks, crate), near(robot, marker))"),
])
def test_a_place_loaded_with_a_thing_gets_it(text, goal):
    assert tree(text) == want(goal)
