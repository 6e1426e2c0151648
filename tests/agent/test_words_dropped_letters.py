"""A letter left out of a word of five letters or more ("frst", "alng", "colou", "reac") is mended when one word
the reader knows could have lost it; spellings that read the same ("centr": "centre" or "center") count as one
word. A slip that spells a real word ("tale", "font", "fist") is mended only where a noun phrase's word is due
("on the tale", "in font of", "the fist block"); said elsewhere, a real word is kept."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.mending import mended_text

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    # inside a five-letter word
    ("frst slide the cyan ball to the middle, then drop the pink cube in the tray",
     "then(all(at_place(cyan ball, middle), never_lifted(cyan ball)), in(pink block, tray))"),
    ("line both cubes up alng the rear edge", "along_edge(2 blocks, back)"),
    # the last letter of the word
    ("Sort the cubes into the bowls of the same colou.", "sorted_into(all blocks, all bowls)"),
    # two spellings of one word
    ("shift the tray to the centr", "at_place(tray, middle)"),
])
def test_a_letter_left_out_is_mended(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("move the green cube to the font right corner", "at_place(green block, front_right)"),
    ("set the pink ball down in font of the crate", "in_front_of(pink ball, crate)"),
    ("drive over to the black marker and wait beside the green corer of the tale", None),
])
def test_a_real_word_where_a_noun_phrase_is_due_is_the_slip(text, goal):
    if goal is None:
        assert mended_text(text).endswith("of the table")
    else:
        assert tree(text) == want(goal)


def test_a_real_word_said_as_itself_is_kept():
    assert mended_text("my fist is cold") == "my fist is cold"
    assert mended_text("what a tale") == "what a tale"
    # a slip of "-s" or "-d" leaves another form of a word, never mended
    assert mended_text("appreciate") == "appreciate"


def test_a_letter_left_out_never_makes_a_refusal_a_task():
    assert refusal("put the pear in the blue bowl") == "unknown_kind"
