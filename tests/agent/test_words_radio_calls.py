"""A task called over the radio or to a child: the call's frame ("be advised", "execute", "over") and a toy's
noises ask nothing; a holder said to be full only says it is there; "colour for colour" and "whose colour it
shares" match each object to the holder of its colour."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Please be advised: put the black ball on the white plate. Execute.", "on(black ball, white plate)"),
    ("let's roll the robot to the cyan marker, vroom vroom!", "near(robot, cyan marker)"),
    ("the green tray is already full; put the cube in the other tray", "in(block, other(tray, green tray))"),
    ("balls to bowls, colour for colour", "sorted_into(all balls, all bowls)"),
    ("put each ball on the plate whose colour it shares", "sorted_into(all balls, all plates)"),
])
def test_the_frame_of_a_call_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_where_an_object_is_said_in_a_call_is_where_it_starts():
    text = "Be advised, the red ball is in the crate. Move it onto the plate."
    assert tree(text) == want("on(red ball, plate)")
    assert start_states(text) == [want("in(red ball, crate)")]


@pytest.mark.parametrize("text, goal", [
    ("Pink ball, you are cleared to land in the brown crate.", "in(pink ball, brown crate)"),
    ("Tower to arm: proceed with the gray cube onto the orange plate.", "on(gray block, orange plate)"),
    ("Callsign Delta is the green ball. Delta, head into the white bowl.", "in(green ball, white bowl)"),
])
def test_a_move_called_like_a_flight_is_that_move(text, goal):
    assert tree(text) == want(goal)
