"""A task told as it happens, as a commentator calls it ("the cube climbs onto the plate!"): where nothing is
ordered, where the object goes is where it is to be; praise called out with it asks nothing."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("and the blue ball hops into the tray!", "in(blue ball, tray)"),
    ("The yellow cube lands right on the red cube. Superb!", "on(yellow block, red block)"),
    ("and now the green block heads straight for the crate", "in(green block, crate)"),
    ("the robot makes a dash for the pink marker", "near(robot, pink marker)"),
    ("the purple cube drifts over next to the bowl", "next_to(purple block, bowl)"),
])
def test_an_object_moving_as_it_is_told_goes_there(text, goal):
    assert tree(text) == want(goal)


def test_back_before_a_distance_is_the_way_it_goes():
    assert tree("and the red ball rolls back 10 cm!") == want("moved(red ball, back, 0.1)")


def test_back_before_a_place_is_a_return_there():
    assert tree("the cube rolled back into the bowl") == want("in(block, bowl)")
