"""Filipino English as a call-centre agent types it ("po", "salamat", "ok na po?", "per color") read plainly."""

from __future__ import annotations

import pytest

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Good evening po! Kindly place the gray ball in the orange crate po.", "in(gray ball, orange crate)"),
    ("Sir, just po move the cyan cube onto the black plate, maraming salamat po", "on(cyan block, black plate)"),
    ("Ma'am, please po stack the yellow cube on the pink cube, ok na po?", "on(yellow block, pink block)"),
    ("Kindly arrange the balls per colour into the trays po", "sorted_into(all balls, all trays)"),
    ("Hi po, I would like to request the brown block at the middle of the table", "at_place(brown block, middle)"),
    ("Kindly advise po if you can slide the red cube into the cyan zone",
     "all(in(red block, cyan zone), never_lifted(red block))"),
    ("Sir, may I request po to place the balls in a row? Thank you po", "in_line(all balls)"),
    ("pls po put d orange ball sa crate", "in(orange ball, crate)"),
    ("Hello po, kindly confirm if you can bring the white cube to the front right corner po",
     "at_place(white block, front_right)"),
])
def test_filipino_english_read_plainly(text, goal):
    assert tree(text) == want(goal)


def test_what_the_agent_informs_of_is_how_things_start():
    text = "Please be informed po that the pink ball is on the plate. Kindly move it into the bowl po."
    assert tree(text) == want("in(pink ball, bowl)")
    assert start_states(text) == [want("on(pink ball, plate)")]


def test_po_alone_asks_nothing():
    assert refusal("opo, salamat po") == "unreadable"


def test_tone_words_are_whole_words_only() -> None:
    # a word spelt of tone syllables ("ba", "na") is a word: it is read, and refused when nothing is known by it
    assert refusal("put the red block in the bowl for the banana") == "unknown_kind"
