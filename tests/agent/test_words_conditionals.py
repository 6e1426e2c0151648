"""A condition said without "if" ("should the ball be in the tray, ...", "provided the cube is on the plate,
...") is how things are to begin with, as "if" says, never a place to put them."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("Should the yellow ball be in the tray, lift it out and set it beside the bowl",
     "next_to(yellow ball, bowl)", ["in(yellow ball, tray)"]),
    ("providing that the black cube is on the white cube, move it to the middle of the table",
     "at_place(black block, middle)", ["on(black block, white block)"]),
    ("in case the green block is in the red zone, push it into the blue zone",
     "all(in(green block, blue zone), never_lifted(green block))", ["in(green block, red zone)"]),
])
def test_condition_is_how_things_start(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start


def test_should_after_the_object_is_still_a_wish():
    assert tree("the white cube should be on the plate") == want("on(white block, plate)")


@pytest.mark.parametrize("text, goal, start", [
    ("if grn ball in tray, take out", "not(in(green ball, tray))", ["in(green ball, tray)"]),
    ("if both balls on the plate, put them in the tray", "in(2 balls, tray)", ["on(2 balls, plate)"]),
])
def test_a_clipped_condition_is_how_things_start(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start
