"""What a speaker says of themselves around the task asks nothing: the situation before it and a comment after
it are set aside (and named in a note), the objects the situation names still what "it" can stand for."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("so my sister is visiting tomorrow and the bowl seems messy, could you put the pink ball in it?",
     "in(pink ball, bowl)"),
    ("I'm prepping a demo for class and honestly running late, please stack the gray cube on the black cube",
     "on(gray block, black block)"),
    ("my wrist hurts so I can't bend down today, would you move the white ball behind the tray?",
     "behind(white ball, tray)"),
])
def test_the_speakers_situation_before_the_task_is_set_aside(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("put the cyan cube on the plate. she'll be thrilled", "on(cyan block, plate)"),
    ("drive to the pink marker, we think the sensor glitched", "near(robot, pink marker)"),
    ("place the brown ball in the crate? that'd be a huge help", "in(brown ball, crate)"),
])
def test_a_comment_after_the_task_is_set_aside(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_what_was_set_aside_is_named_in_a_note() -> None:
    notes = read("put the cyan cube on the plate. she'll be thrilled").notes
    assert any("she'll be thrilled" in n for n in notes)


def test_a_comment_that_asks_more_is_still_read() -> None:
    assert tree("put the red ball in the bowl. it must not be lifted") == \
        want("all(in(red ball, bowl), never_lifted(red ball))")


def test_a_situation_that_changes_an_object_is_still_refused() -> None:
    assert refusal("I'd love to paint the bowl gold, so put the cube in it") in ("impossible", "unknown_color")


@pytest.mark.parametrize("text, goal", [
    ("for the photo, put the orange ball on the plate", "on(orange ball, plate)"),
    ("okay so before the meeting please drop the red cube in the crate", "in(red block, crate)"),
])
def test_what_the_task_is_for_is_set_aside(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_what_the_task_is_for_that_names_an_object_stays_read() -> None:
    assert tree("for the tray, use the pink block") == want("in(pink block, tray)")


def test_what_someone_else_did_before_the_task_is_set_aside() -> None:
    assert tree("so my brother knocked over the plates, could you put the blue ball on the yellow plate") == \
        want("on(blue ball, yellow plate)")


def test_a_verb_not_read_opening_the_words_is_still_refused() -> None:
    assert refusal("rotate the gray cube, then put it on the plate") == "unreadable"
