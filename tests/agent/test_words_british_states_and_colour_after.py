"""Everyday ways of saying a state or a colour: "sat"/"stood" for sitting and standing, the colour said after
its noun ("the ball of colour pink"), "colour-wise", "keep it on the table the whole way" for never lifting it, and
"such that it is far to the left of ..." for where it ends and how far."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


def test_sat_is_sitting():
    text = "the pink ball's sat on the plate; take it off and put it in the crate"
    assert tree(text) == want("in(pink ball, crate)")
    assert start_states(text) == [want("on(pink ball, plate)")]


def test_stood_is_standing():
    assert start_states("the white cube is stood in the tray, lift it onto the black cube") == \
        [want("in(white block, tray)")]


@pytest.mark.parametrize("text, goal", [
    ("put the ball of colour pink in the crate", "in(pink ball, crate)"),
    ("drop the block with the colour orange onto the plate", "on(orange block, plate)"),
    ("put every ball on the plate matching it colour-wise", "sorted_into(all balls, all plates)"),
    ("slide the orange cube into the blue zone and keep it on the table throughout",
     "all(in(orange block, blue zone), never_lifted(orange block))"),
    ("set the gray cube such that it sits a bit to the right of the crate", "right_of(gray block, crate, 0.05)"),
])
def test_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("partition the balls by colour into the trays", "sorted_into(all balls, all trays)"),
    ("move the set of all balls into the crate", "in(all balls, crate)"),
    ("sort the balls by colour, putting each into the plate of identical colour", "sorted_into(all balls, all plates)"),
])
def test_a_mathematicians_sets_and_partitions(text, goal):
    assert tree(text) == want(goal)


def test_a_holder_full_of_things_holds_them_now():
    text = "the plate is piled with cubes; clear it"
    assert tree(text) == want("not(on(all blocks, plate))")
    assert start_states(text) == [want("on(all blocks, plate)")]
