"""A letter's warm words around the task ask nothing: its closing ("Lots of love, Nana"), a look at how things
seem before it ("the cube looks so sad over there"), a question tagged on ("..., won't you?"), leave to pick
either side ("either side will do"), and a remark on them after it ("Auntie likes them like that")."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Put the orange ball on the plate. Lots of love, Nana", "on(orange ball, plate)"),
    ("drop the red cube in the tray please. Kind regards, Priya Patel", "in(red block, tray)"),
    ("The purple cube looks so sad over there on the table. Pop it in the white bowl.", "in(purple block, white bowl)"),
    ("The balls are all scattered about after the party. Put them in the crate.", "in(all balls, crate)"),
    ("stack the green block on the yellow block, won't you?", "on(green block, yellow block)"),
    ("set the cone beside the barrel, could you? Either side will do, I'm not picky.", "next_to(cone, barrel)"),
    ("put the white cube on the black cube. Auntie likes them like that.", "on(white block, black block)"),
])
def test_warm_words_around_the_task_ask_nothing(text, goal):
    assert tree(text) == want(goal)


def test_words_after_a_closing_are_still_read():
    assert refusal("put the ball in the bowl. Love, Grandpa Joe. Upside down.") == "unreadable"


def test_a_corner_left_open_is_still_read():
    assert tree("set the red ball in whichever corner is farthest from the robot") == \
        want("at_place(red ball, farthest(corner, robot))")


def test_the_other_one_than_an_object_only_looked_at():
    assert tree("The red bowl looks ever so dusty. Put the ball in the other bowl.") == \
        want("in(ball, other(bowl, red bowl))")
    assert tree("there's a yellow crate. drop the cube in the other crate") == \
        want("in(block, other(crate, yellow crate))")
