"""A tool named after "with" ("fetch it with the stick", "get the ball using the rake") is the hook the object is
pulled in with, never the verb "stick"; the object ends within reach."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("fetch the purple ball with the stick", "in_reach(purple ball)"),
    ("get the white cube with a stick", "in_reach(white block)"),
    ("the orange ball is too far off; retrieve it with the stick", "in_reach(orange ball)"),
    ("grab the cyan cube using the rake", "in_reach(cyan block)"),
    ("bring me the gray ball with that stick", "in_reach(gray ball)"),
])
def test_a_tool_after_with_pulls_the_object_in(text, goal):
    assert tree(text) == want(goal)


def test_the_object_starts_out_of_reach():
    assert start_states("fetch the purple ball with the stick") == [want("not(in_reach(purple ball))")]


def test_stick_as_a_verb_still_puts():
    assert tree("stick the brown cube on the plate") == want("on(brown block, plate)")
