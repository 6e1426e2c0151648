"""The first or last object of a row said with its side is the one at that end ("the last cube on the left" is
the leftmost cube), and the one "furthest away" is the one farthest from the robot."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the last cube on the left into the crate", "in(leftmost(block), crate)"),
    ("move the first ball at the back to the middle of the table", "at_place(backmost(ball), middle)"),
    ("set the very last green block on the right beside the tray", "next_to(rightmost(green block), tray)"),
])
def test_the_end_of_a_row_is_the_object_on_that_side(text, goal):
    assert tree(text) == want(goal)


def test_first_as_a_step_order_still_orders_the_steps():
    assert tree("first put the ball on the plate, then put the cube on the right in the bowl") == want(
        "then(on(ball, plate), in(rightmost(block), bowl))")


def test_the_one_furthest_away_is_the_farthest_from_the_robot_not_a_shift():
    assert tree("pick the ball furthest away and drop it in the bowl") == want("in(farthest(ball, robot), bowl)")


@pytest.mark.parametrize("text, goal", [
    ("put the cube right at the back into the bowl", "in(backmost(block), bowl)"),
    ("set the ball right at the back of the crate", "behind(ball, crate)"),
])
def test_right_before_a_place_says_exactly_there_not_a_side(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "take the middle cube and drop it in the tray",
    "put the yellow ball into the middle bowl",
])
def test_the_middle_one_of_a_row_is_refused_by_name_not_sent_to_the_middle(text):
    assert refusal(text) == "unreadable"


def test_the_middle_of_the_table_is_still_a_place():
    assert tree("put the cube in the centre of the table") == want("at_place(block, middle)")
