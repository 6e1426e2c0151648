"""A Spanish speaker's English: the pronoun left out, "no" before a verb, a place said noun first with "of", the
object said before the verb that forbids touching it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Put the ball pink in the crate and the ball gray no move it, leave it where is.",
     "all(in(pink ball, crate), unmoved(gray ball))"),
    ("Put the cube white over the plate but the cube black, no touch it.", "all(on(white block, plate), unmoved(black block))"),
    ("Put the balls along the border of the left of the table.", "along_edge(all balls, left)"),
    ("Put the cube cyan in the corner of front at the right.", "at_place(cyan block, front_right)"),
    ("Put the ball brown in the corner of behind at the left.", "at_place(brown ball, back_left)"),
    ("Put the cube gray to the side of the tray.", "next_to(gray block, tray)"),
])
def test_a_spanish_speakers_order_is_read(text, goal):
    assert tree(text) == want(goal)


def test_nobody_touching_an_object_keeps_it():
    assert tree("White ball on the plate and nobody touches the black ball!") == \
        want("all(on(white ball, plate), unmoved(black ball))")


def test_it_after_keeping_an_object_by_name_is_that_object():
    assert tree("Put the orange cube in the tray, do not touch the pink cube, leave it where it is.") == \
        want("all(in(orange block, tray), unmoved(pink block))")


def test_to_the_behind_is_backward():
    assert tree("Move the ball brown fifteen centimeters to the behind.") == want("moved(brown ball, back, 0.15)")


@pytest.mark.parametrize("text, goal", [
    ("Put the ball cyan at the side of the crate.", "next_to(cyan ball, crate)"),
    ("Put the cube gray inside of the tray and after, the cube pink over the plate.",
     "then(in(gray block, tray), on(pink block, plate))"),
])
def test_beside_and_after_said_as_in_spanish(text, goal):
    assert tree(text) == want(goal)
