"""An object picked out by the landmark it is by ("the ball by the tray") and then sent somewhere else, or the
object something is sent to, is the one of its kind closest to the landmark; said last, "by" is where the object
goes."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the ball by the crate into the tray", "in(nearest(ball, crate), tray)"),
    ("set the green cube on the cube by the bowl", "on(green block, nearest(block, bowl))"),
    ("grab the ball that's by the plate and put it behind the barrel", "behind(nearest(ball, plate), barrel)"),
    ("go to the marker by the cone", "near(robot, nearest(marker, cone))"),
])
def test_by_a_landmark_picks_the_object_closest_to_it(text, goal):
    assert tree(text) == want(goal)
    assert start_states(text) == []


def test_by_said_last_is_where_the_object_goes():
    assert tree("move the yellow ball by the crate") == want("next_to(yellow ball, crate)")
