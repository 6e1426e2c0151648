""""Any" after a negation is every one of them (no member may hold it); without one it is one of them, whichever,
as "one of the balls" is."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("shift the green cube to the right; it must never enter any dish",
     "all(moved(green block, right, 0.1), not(in(green block, all bowls)))"),
    ("nudge the yellow ball onto the red zone without entering any of the trays",
     "all(in(yellow ball, red zone), never_lifted(yellow ball), not(in(yellow ball, all trays)))"),
    ("set the white block behind the plate, but not in any crate",
     "all(behind(white block, plate), not(in(white block, all crates)))"),
    ("please don't drop any marble into the bowl", "not(in(all balls, bowl))"),
])
def test_any_under_a_negation_is_every_one(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "drop any marble into the bowl",
    "drop any of the marbles into the bowl",
    "grab a marble, any marble, and drop it into the bowl",
    "drop whichever marble you like into the bowl",
    "drop a random marble into the bowl",
])
def test_any_asked_for_is_one_of_them(text):
    assert tree(text) == want("in(1 of balls, bowl)")


def test_whichever_is_nearer_is_no_free_choice():
    assert tree("go to whichever cone is nearer") == want("near(robot, nearest(cone, robot))")
