"""A relation said after its object, as languages with postpositions put it ("the cube, the tray into"): the
relation of that object, the first object named the one moved."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("ball purple, crate into, put", "in(purple ball, crate)"),
    ("the orange cube the gray plate onto you place", "on(orange block, gray plate)"),
    ("cube yellow, bowl left of, put", "left_of(yellow block, bowl)"),
    ("the pink ball, the tray behind, slide", "all(behind(pink ball, tray), never_lifted(pink ball))"),
])
def test_a_relation_after_its_object_is_the_relation_of_that_object(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_each_step_takes_its_own_postposition() -> None:
    assert tree("green ball crate into, then white ball tray into") == \
        want("then(in(green ball, crate), in(white ball, tray))")


def test_a_relation_with_no_object_after_the_only_object_stays_unread() -> None:
    assert refusal("put the cube in") == "unreadable"


@pytest.mark.parametrize("text, goal", [
    ("marker cyan, go", "near(robot, cyan marker)"),
    ("the orange marker go. then the white marker go", "then(near(robot, orange marker), near(robot, white marker))"),
])
def test_a_place_said_before_go_is_where_to_go(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("the yellow bowl, the cube into it you drop", "in(block, yellow bowl)"),
    ("plate gray, ball white onto it put", "on(white ball, gray plate)"),
])
def test_an_object_said_first_is_it_where_the_verb_comes_last(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
