"""How things are to be, said instead of what to do: "in the end" opening a state, a question of where an
object may be ("can the ball rest on the plate?"), and a holder wished empty."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("in the end the yellow tray is in the back right corner", "at_place(yellow tray, back_right)"),
    ("at the end of it all the pink cube sits on the gray cube", "on(pink block, gray block)"),
    ("By the end, the orange ball is just behind the crate.", "behind(orange ball, crate)"),
    ("in the end, slide the green cube into the red zone",
     "all(in(green block, red zone), never_lifted(green block))"),
])
def test_in_the_end_opening_a_state_is_the_state_wished(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("could the orange cube rest on the white plate?", "on(orange block, white plate)"),
    ("can the purple ball be in front of the tray?", "in_front_of(purple ball, tray)"),
    ("may the two balls sit in the crate", "in(2 balls, crate)"),
])
def test_a_question_of_where_an_object_may_be_asks_it_there(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal, start", [
    ("the cubes are all in the white bowl; I'd like the white bowl emptied", "not(in(all blocks, white bowl))",
     ["in(all blocks, white bowl)"]),
    ("the crate should be empty when you finish, the balls are in it", "not(in(all balls, crate))",
     ["in(all balls, crate)"]),
    ("get the tray clear", "not(in(all blocks, tray))", ["in(all blocks, tray)"]),
])
def test_a_holder_wished_empty_is_emptied(text: str, goal: str, start: list[str]) -> None:
    assert tree(text) == want(goal)
    assert start_states(text) == sorted(want(s) for s in start)


def test_a_holder_said_to_be_empty_now_is_how_things_are() -> None:
    assert tree("the gray bowl is empty, so put the red ball in it") == want("in(red ball, gray bowl)")


def test_a_holder_that_should_hold_an_object_in_the_end_receives_it() -> None:
    assert tree("at the end the gray crate should contain both cubes") == want("in(2 blocks, gray crate)")


@pytest.mark.parametrize("text, goal", [
    ("do you think the cyan ball would fit in the gray bowl?", "in(cyan ball, gray bowl)"),
    ("do you reckon the brown cube could sit on the white cube", "on(brown block, white block)"),
])
def test_asking_whether_an_object_would_be_somewhere_asks_it_there(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_asking_whether_an_object_is_somewhere_asks_nothing() -> None:
    assert refusal("do you think the cyan ball is in the gray bowl?") == "unreadable"


@pytest.mark.parametrize("text, goal", [
    ("any chance the pink cube could go in the crate?", "in(pink block, crate)"),
    ("our objective is for the white ball to be behind the tray", "behind(white ball, tray)"),
    ("once finished, the gray cube should be on the black cube", "on(gray block, black block)"),
    ("the brown ball goes in the bowl, yes?", "in(brown ball, bowl)"),
])
def test_more_ways_to_wish_a_state(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
