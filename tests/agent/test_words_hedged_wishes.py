"""A wish said with hedges is the task: "I'd love for the ball to go ...", "the bowl would be better off in the
corner", "I'd rather it wasn't lifted", and a wish for where a thing goes with a word on keeping it down."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("we'd like for both cubes to go in the tray", "in(2 blocks, tray)"),
    ("i would prefer, if possible, for the white ball to be on the plate", "on(white ball, plate)"),
    ("the orange block would be much better off behind the bowl", "behind(orange block, bowl)"),
    ("honestly the cone might look nicer in the middle of the table", "at_place(cone, middle)"),
])
def test_hedged_wish_is_the_task(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("slide the green ball next to the plate. we'd rather it didn't leave the table",
     "all(next_to(green ball, plate), never_lifted(green ball))"),
    ("I'd like the pink cube in the yellow zone, but keep it on the table",
     "all(in(pink block, yellow zone), never_lifted(pink block))"),
    ("the red ball should end up in the back right corner; keep it on the table the whole way",
     "all(at_place(red ball, back_right), never_lifted(red ball))"),
])
def test_kept_down_while_wished_somewhere(text, goal):
    assert tree(text) == want(goal)


def test_a_shift_made_sure_of_is_measured_from_where_it_is():
    assert tree("ensure that the cyan ball ends up 15 cm further right than it is now") == \
        want("moved(cyan ball, right, 0.15)")


@pytest.mark.parametrize("text, goal", [
    ("we intend for the purple ball to be in the white bowl", "in(purple ball, white bowl)"),
    ("My idea is that the cones end up along the back edge", "along_edge(all cones, back)"),
    ("what we're going for is the brown cube left of the tray", "left_of(brown block, tray)"),
])
def test_an_intention_is_a_wish(text, goal):
    assert tree(text) == want(goal)


def test_i_mean_still_takes_back_what_was_said():
    assert tree("put the red ball in the tray, I mean the white ball") == want("in(white ball, tray)")


@pytest.mark.parametrize("text, goal", [
    ("we'd love to end up with the black ball in the tray", "in(black ball, tray)"),
    ("By the end of it, all the balls should be resting in the crate", "in(all balls, crate)"),
    ("ensure that by the end the pink cube is behind the plate", "behind(pink block, plate)"),
    ("get the purple ball onto the plate by the time you are done", "on(purple ball, plate)"),
])
def test_when_the_wish_must_hold_is_the_end(text, goal):
    assert tree(text) == want(goal)
