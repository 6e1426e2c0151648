""""Retrieve" as fetching: with no tool and no word of reach, an object retrieved and then put somewhere is only
put there; with a hook, or said of what is out of reach, it is pulled into reach."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("retrieve the yellow block and then set it on the plate", "on(yellow block, plate)"),
    ("retrieve the leftmost ball; drop it in the crate", "in(leftmost(ball), crate)"),
])
def test_an_object_retrieved_to_be_put_is_put(text, goal):
    assert tree(text) == want(goal)


def test_retrieving_with_the_hook_still_pulls_into_reach():
    text = "retrieve the cyan ball with the hook and put it in the tray"
    assert tree(text) == want("all(in_reach(cyan ball), in(cyan ball, tray))")
    assert start_states(text) == [want("not(in_reach(cyan ball))")]


def test_retrieving_alone_still_pulls_into_reach():
    assert tree("retrieve the brown block") == want("in_reach(brown block)")
