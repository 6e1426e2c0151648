"""A corner named by one side ("the left corner") is one of two, and "away from the bowl" or "put it away"
says no place: each is refused in one line, never read as a shift to that side (which validated a move
the person did not ask for, and once moved the bowl too). A container goes into another only if each side
of its footprint fits."""

import pytest

from tests.agent.readings import refusal, tree, want

REFUSED = [
    ("set the tray down in the right corner", "ambiguous"),
    ("slide the cube into the corner on the left", "ambiguous"),
    ("the ball goes in the back corner", "ambiguous"),
    ("place the green block away from the plate", "unreadable"),
    ("put the cubes away", "unreadable"),
    ("put the cone at least 15 cm away from the plate", "unreadable"),
    ("set the blue crate down inside the tray", "impossible"),  # square, it is wider than the tray is
]

READ = [
    ("move the tray to the right corner nearest you", "at_place(tray, back_right)"),
    ("the ball goes in the back right corner", "at_place(ball, back_right)"),
    ("put the cone behind the plate, a good 15 cm away from it", "behind(cone, plate, 0.15)"),
    ("slide the plate away", "all(moved(plate, front, 0.1), never_lifted(plate))"),
]


@pytest.mark.parametrize("text, reason", REFUSED)
def test_a_place_said_by_half_is_refused(text, reason):
    assert refusal(text) == reason


@pytest.mark.parametrize("text, goal", READ)
def test_a_place_said_whole_is_read(text, goal):
    assert tree(text) == want(goal)
