"""A side or a distance said before a noun ("the back bowl", "the nearer cube") picks one object, as its
superlative does; after a verb or a noun it stays a direction."""

import pytest

from tests.agent.readings import tree, want

PICKS = [
    ("lift the back bowl and set it in the middle of the table", "at_place(backmost(bowl), middle)"),
    ("put the front cube on the plate", "on(frontmost(block), plate)"),
    ("drop the rear red block in the tray", "in(backmost(red block), tray)"),
    ("the far ball goes in the bowl", "in(farthest(ball, robot), bowl)"),
    ("put the nearer block on the plate", "on(nearest(block, robot), plate)"),
    ("move the block into the back bowl", "in(block, backmost(bowl))"),
]

DIRECTIONS = [
    ("put the ball back in the bowl", "in(ball, bowl)"),
    ("move the front block 10 cm back", "moved(frontmost(block), back, 0.1)"),
    ("put the cube in the front left corner", "at_place(block, front_left)"),
]


@pytest.mark.parametrize("text, goal", PICKS + DIRECTIONS)
def test_a_side_before_a_noun_picks_one_and_elsewhere_is_a_direction(text, goal):
    assert tree(text) == want(goal)
