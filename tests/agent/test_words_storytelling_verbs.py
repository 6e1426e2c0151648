"""Verbs of a story or a gentle lesson that say plainly where a thing goes: guiding or rescuing an object
somewhere puts it there, journeying or trekking to a marker goes there, wielding a tool uses it."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("guide the orange ball into the purple bowl", "in(orange ball, purple bowl)"),
    ("rescue the cyan cube and set it behind the plate", "behind(cyan block, plate)"),
    ("journey to the pink marker", "near(robot, pink marker)"),
    ("trek over to the brown marker, then to the white marker",
     "then(near(robot, brown marker), near(robot, white marker))"),
])
def test_story_verbs_say_where_things_go(text, goal):
    assert tree(text) == want(goal)


def test_wielding_a_tool_uses_it():
    text = "wield the hook and pull the gray ball into reach"
    assert tree(text) == want("in_reach(gray ball)")
    assert start_states(text) == [want("not(in_reach(gray ball))")]


def test_an_object_stuck_somewhere_starts_there():
    text = "the purple ball is stuck in the tray; rescue it and put it in the bowl"
    assert tree(text) == want("in(purple ball, bowl)")
    assert start_states(text) == [want("in(purple ball, tray)")]
