"""A task told a second time in other words, as a teacher tells a child, asks nothing the first telling did not:
a place said again, an explanation of a side, examples of a sort."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.second_tellings import second_tellings

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Please put the pink ball in the gray bowl. In the bowl that is gray, okay? The gray bowl!", "in(pink ball, gray bowl)"),
    ("Put the cyan cube into the tray. Into the big tray, see?", "in(cyan block, tray)"),
    ("Take the block closest to you and put it in the crate. The nearest one, yes!", "in(nearest(block, robot), crate)"),
    ("Put the white ball in front of the plate. That's the side far away from you.", "in_front_of(white ball, plate)"),
    ("Move the brown cube a lot to the back. Lots and lots, close to you!", "moved(brown block, back, 0.2)"),
    ("Put the black cube on top of the white cube. Black sits on white, like a crown.", "on(black block, white block)"),
    ("Stack the green cube on the orange cube. Green goes on orange. Up on top!", "on(green block, orange block)"),
])
def test_a_second_telling_asks_nothing_more(text, goal):
    assert tree(text) == want(goal)


def test_examples_of_a_sort_are_not_goals_of_their_own():
    text = "Every ball goes into the plate of its own colour. Pink ball on the pink plate, gray ball on the gray plate, like that."
    assert tree(text) == want("sorted_into(all balls, all plates)")


def test_a_second_sentence_that_names_something_new_is_read():
    assert tree("Put the red cube in the bowl. The blue cube in the bowl.") == \
        want("all(in(red block, bowl), in(blue block, bowl))")
    text = "Put the ball on the plate. That is, the yellow plate."
    assert "yellow plate" in tree(text)


def test_how_things_are_said_after_the_task_is_kept():
    text = "put the green ball on the plate. the green ball is in the crate."
    assert second_tellings(text) == text


@pytest.mark.parametrize("text", [
    "put the red ball in the bowl. the red bowl.",
    "put the block in the bowl. that's the one on the left.",
])
def test_a_second_sentence_that_says_which_one_is_kept(text):
    assert second_tellings(text) == text


def test_the_towers_height_said_after_it_asks_nothing_more():
    assert tree("Put the gray cube on the white cube and the black cube on the gray cube. Three high, a tall tower!") == \
        want("stacked(black block, gray block, white block)")


def test_a_robot_called_fondly_is_not_what_is_moved():
    assert tree("Good robot, slide the pink ball next to the crate.") == \
        want("all(next_to(pink ball, crate), never_lifted(pink ball))")
