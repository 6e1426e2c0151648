"""Chatter of its own clause around a task ("..., and relax your jaw", "... . sweet as") is read past when
the rest reads to a whole goal; a clause that may ask something (how it ends up, a thing the simulator lacks,
a change of shape) still refuses."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the cyan ball in the crate, and relax your jaw", "in(cyan ball, crate)"),
    ("hum softly, then drop the brown cube on the plate", "on(brown block, plate)"),
    ("the pink block goes left of the tray. sweet as", "left_of(pink block, tray)"),
    ("put the gray ball in the red bowl, the crowd goes totally wild", "in(gray ball, red bowl)"),
    ("lay the white cube on the black cube. exhale, and the orange cube on top of the white",
     "stacked(orange block, white block, black block)"),
    ("the purple bowl belongs in the middle of the table, the jewel of the estate", "at_place(purple bowl, middle)"),
])
def test_a_clause_naming_no_object_is_read_past(text, goal):
    assert tree(text) == want(goal)


def test_the_chatter_read_past_is_named_in_a_note():
    notes = read("put the red cube in the tray, and smile").notes
    assert any("smile" in n for n in notes)


@pytest.mark.parametrize("text, reason", [
    ("put the green ball in the bowl, upside down", "unreadable"),   # how it ends up: never chatter
    ("put the red block in the bowl, make it shiny", "impossible"),  # a change of the object
    ("drop the blue cube in the bowl, then the banana too", "unknown_kind"),
    ("the yellow cube left of the tray and right of the tray, hedge the wager", "contradiction"),
    ("relax and breathe", "unreadable"),  # chatter and nothing else
    ("set the cubes on the plate (like a pinwheel)", "unreadable"),  # a shape to make, in a comparison
])
def test_a_clause_that_may_ask_something_still_refuses(text, reason):
    assert refusal(text) == reason


@pytest.mark.parametrize("text, goal", [
    ("walk over to the blue marker", "near(robot, blue marker)"),
    ("reallocate the red cube to the front right corner", "at_place(red block, front_right)"),
    ("nestle the pink ball into the crate", "in(pink ball, crate)"),
    ("put the green cube on the plate and make it count", "on(green block, plate)"),
])
def test_more_verbs_and_hype(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("lay the pink ball in the crate — a snug little fit", "in(pink ball, crate)"),
    ("slide the gray cube 5 cm left -- more elbow room", "all(moved(gray block, left, 0.05), never_lifted(gray block))"),
    ("put the ball in the bowl — the red one", "in(red ball, bowl)"),
])
def test_a_remark_after_a_dash_naming_no_object_is_dropped(text, goal):
    assert tree(text) == want(goal)


def test_a_remark_after_a_dash_is_named_in_a_note():
    notes = read("park the blue ball beside the tray — a sunny spot").notes
    assert any("sunny spot" in n for n in notes)


@pytest.mark.parametrize("text, goal", [
    ("every ball in the front left corner, the whole squad in the lounge", "at_place(all balls, front_left)"),
    ("drive to the cyan marker, smoothest ride on the circuit", "near(robot, cyan marker)"),
])
def test_chatter_that_sends_nothing_may_name_a_place_not_read(text, goal):
    assert tree(text) == want(goal)


def test_a_thing_not_read_that_something_is_sent_to_still_refuses():
    assert refusal("put the red cube in the bowl, then drop it in the gizmo") == "unknown_kind"
