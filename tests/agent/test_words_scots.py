"""A Scot's words ("pit", "intae", "yin", "ahint", "the noo") are read as the English they stand for."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("pit the wee orange yin intae the crate", "in(orange block, crate)"),
    ("could ye set the cyan ball doon ahint the tray", "behind(cyan ball, tray)"),
    ("heid ower tae the purple marker", "near(robot, purple marker)"),
    ("pit a' the green cubes in the bowl", "in(all green blocks, bowl)"),
    ("shift the reid block tae the middle o the table", "at_place(red block, middle)"),
    ("stack the pink yin on tap o the white yin", "on(pink block, white block)"),
    ("dinnae touch the black cube, just pit the blue yin on the plate",
     "all(on(blue block, plate), unmoved(black block))"),
])
def test_scots_words_read_as_english(text, goal):
    assert tree(text) == want(goal)


def test_the_noo_says_how_things_are_now():
    text = "the yellow ball's in the tray the noo, tak it oot and pit it in the bowl"
    assert tree(text) == want("in(yellow ball, bowl)")
    assert start_states(text) == ["in(yellow ball, tray)"]


def test_a_crate_still_does_not_fit_a_wee_bowl():
    assert refusal("pit the crate inside the wee bowl") == "impossible"


@pytest.mark.parametrize("text, goal", [
    ("could ye no pit the white cube ben the crate", "in(white block, crate)"),
    ("the pink ball's sittin on the plate, get it oot an intae the tray", "in(pink ball, tray)"),
    ("set the balls in the corners, wan in each", "in_corners(all balls)"),
])
def test_more_scots_said_plainly(text, goal):
    assert tree(text) == want(goal)
