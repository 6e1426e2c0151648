"""Clauses whose verb is said last or said once for two: "the cube, which on the plate sits, ..." is a state
of the cube; "the ball next to the bowl put, but the cube where it is leave" keeps the cube still; "on the plate
set the red, and on the red the green" puts the green one on the red one too."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


def test_a_state_with_its_verb_last_is_where_the_object_starts():
    text = "The blue ball, which on the white plate rests, into the tray put."
    assert tree(text) == want("in(blue ball, tray)")
    assert start_states(text) == [want("on(blue ball, white plate)")]


@pytest.mark.parametrize("text, goal", [
    ("The red ball behind the crate put, and the bowl where it is leave.",
     "all(behind(red ball, crate), unmoved(bowl))"),
    ("The pink cube into the gray bowl lay, but the yellow cube in place keep.",
     "all(in(pink block, gray bowl), unmoved(yellow block))"),
])
def test_an_object_kept_after_a_clause_with_its_verb_last_is_kept_still(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("On the white cube place the black, and on the black the gray.",
     "stacked(gray block, black block, white block)"),
    ("Put the cyan ball in the red bowl, and in the green bowl the pink ball.",
     "all(in(cyan ball, red bowl), in(pink ball, green bowl))"),
])
def test_a_verb_said_once_serves_the_clause_after_it(text, goal):
    assert tree(text) == want(goal)


def test_a_state_of_being_too_far_with_its_verb_last():
    text = "With the hook the white ball, which too far lies, nearer pull."
    assert tree(text) == want("in_reach(white ball)")
    assert start_states(text) == [want("not(in_reach(white ball))")]


def test_a_participle_said_after_what_it_leaves_out():
    assert tree("All balls onto the plate put, the black one excepted.") == \
        want("on(except(all balls, black ball), plate)")


def test_a_passive_with_its_helper_said_last_is_no_change_of_the_object():
    assert tree("The cube pink shall onto the plate black placed become.") == want("on(pink block, black plate)")


def test_may_not_forbids():
    assert tree("The gray ball may not be lifted; it into the green zone push.") == \
        want("all(in(gray ball, green zone), never_lifted(gray ball))")
