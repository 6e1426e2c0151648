"""Words a voice transcript hears for others that sound the same: read as the side, colour or number their
place asks for, with a note, and left alone where they make sense as themselves."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("slide the pink ball to the write of the tray", "all(right_of(pink ball, tray), never_lifted(pink ball))"),
    ("drop the cyan cube in the front rite corner", "at_place(cyan block, front_right)"),
    ("move the gray block six centimetres to the write", "moved(gray block, right, 0.06)"),
    ("set the blew ball on the white plate", "on(blue ball, white plate)"),
    ("put the read ball in the green tray", "in(red ball, green tray)"),
    ("put the too balls in the brown crate", "in(2 balls, brown crate)"),
    ("shift the white bowl for centimetres back", "moved(white bowl, back, 0.04)"),
    ("move the black cube to cm to the left", "moved(black block, left, 0.02)"),
])
def test_sound_alikes_read_as_the_word_their_place_asks_for(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_a_sound_alike_read_as_another_word_is_noted() -> None:
    assert any("write" in n and "right" in n for n in read("put the red cube to the write of the bowl").notes)


@pytest.mark.parametrize("text, goal", [
    ("go to the blue marker", "near(robot, blue marker)"),                 # "to" before a place, not a number
    ("put the yellow ball in the bowl for me", "in(yellow ball, bowl)"),    # "for" before no unit
    ("move the red block to the right of the plate", "right_of(red block, plate)"),
])
def test_the_same_words_where_they_make_sense_as_themselves_stay(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("drop the green ball write beside the tray", "next_to(green ball, tray)"),
    ("set the cyan cube on the plate full stop then push the red cube into the blue zone",
     "then(on(cyan block, plate), all(in(red block, blue zone), never_lifted(red block)))"),
    ("put the orange ball in the crate comma and the pink ball in the tray period",
     "all(in(orange ball, crate), in(pink ball, tray))"),
])
def test_dictated_marks_and_a_just_said_as_write(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
