"""A step done again later in a sequence ("go to A, then B, then back to A") is asked again in its place; the
same step said twice in a row is asked once."""

from __future__ import annotations

from .readings import tree, want


def test_returning_to_a_place_after_another_is_a_step_of_its_own():
    assert tree("roll to the green marker, then over to the yellow marker, and then back to the green one") == want(
        "then(near(robot, green marker), near(robot, yellow marker), near(robot, green marker))")


def test_an_object_moved_back_where_it_went_first_moves_again():
    assert tree("first drop the cube in the tray, then set it on the plate, then put it back in the tray") == want(
        "then(in(block, tray), on(block, plate), in(block, tray))")


def test_a_step_said_twice_in_a_row_is_asked_once():
    assert tree("put the ball on the plate, then put it on the plate") == want("on(ball, plate)")
