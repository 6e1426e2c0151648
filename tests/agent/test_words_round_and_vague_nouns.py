"""Objects a child names by their shape or with a vague noun: "the round one" is a ball, and "thingy" after an
object's own noun ("the hook thingy") says nothing more."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the round one into the tray", "in(ball, tray)"),
    ("put the purple round thing on the plate", "on(purple ball, plate)"),
    ("put the round yellow one next to the bowl", "next_to(yellow ball, bowl)"),
    ("set the round orange ball in the crate", "in(orange ball, crate)"),
])
def test_a_round_object_is_a_ball(text, goal):
    assert tree(text) == want(goal)


def test_round_as_a_verb_still_changes_the_shape():
    assert refusal("round the corners of the blue block") == "impossible"


@pytest.mark.parametrize("text, goal", [
    ("use the hook thingy to pull the green ball closer", "in_reach(green ball)"),
    ("put the cube thing on the plate", "on(block, plate)"),
])
def test_a_vague_noun_after_the_objects_own_noun_says_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_a_vague_noun_alone_is_still_refused():
    assert refusal("put the thingy in the bowl") in ("unknown_kind", "unreadable")
