"""A step talked through as it is done ("now we put the cube in the tray, ok?") asks for it; the same words
told of the past ("we put the cube in the tray earlier") only say how things are."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("now we put the green ball on the yellow plate, okay?", "on(green ball, yellow plate)"),
    ("first we put the cube in the crate, and then we put the ball beside it", 
     "then(in(block, crate), next_to(ball, block))"),
    ("next we set the red cube behind the tray", "behind(red block, tray)"),
])
def test_a_step_talked_through_is_asked(text, goal):
    assert tree(text) == want(goal)


def test_a_step_told_of_the_past_is_how_things_are():
    text = "we put the cube in the crate earlier; move it onto the plate"
    assert tree(text) == want("on(block, plate)")
    assert start_states(text) == [want("in(block, crate)")]
