"""A learner's word order and words: "most" before where an object is picks the one farthest that way ("the
ball most at the back", "the most front cube"), "colour same" after the holders is "the same colour", and a
side "from" an object is the side of it."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("cube most at the back, move it onto plate white", "on(backmost(block), white plate)"),
    ("put the most front ball in the crate", "in(frontmost(ball), crate)"),
    ("the bowl most on the right, put the pink ball in it", "in(pink ball, rightmost(bowl))"),
])
def test_most_before_a_side_picks_the_one_farthest_that_way(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_colour_same_after_the_holders_sorts_by_colour() -> None:
    assert tree("balls go to trays, colour same") == want("sorted_into(all balls, all trays)")


def test_making_an_object_the_same_colour_is_still_refused() -> None:
    assert refusal("make the cube colour same as the plate") == "impossible"


@pytest.mark.parametrize("text, goal", [
    ("place the white cube left from the brown plate", "left_of(white block, brown plate)"),
    ("put the ball to the right from the gray bowl", "right_of(ball, gray bowl)"),
])
def test_a_side_from_an_object_is_the_side_of_it(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("I am wanting the cube pink on plate white", "on(pink block, white plate)"),
    ("shift the ball orange twelve centimetre to right side", "moved(orange ball, right, 0.12)"),
    ("nudge the gray cube a little to the left hand side", "all(moved(gray block, left, 0.05), never_lifted(gray block))"),
])
def test_a_learners_wish_and_a_shift_to_a_side(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_a_side_with_no_distance_is_still_the_tables_edge() -> None:
    assert tree("move the cyan ball to the left side") == want("along_edge(cyan ball, left)")
