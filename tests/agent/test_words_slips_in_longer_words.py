"""A slip of the keyboard in a longer word that only shapes the sentence ("cuold", "isntead", "shoud") or in a
word of six letters or more ("witout") is mended, and mended before the rewrites read the text, so the rule
that wants the word finds it."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.mending import mended_text

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Colud you drop every ball into the tray?", "in(all balls, tray)"),                  # two letters swapped
    ("set the pink cube closse to the white bowl", "near(pink block, white bowl)"),        # a letter doubled
    ("arrange the balls in a straaight line", "in_line(all balls)"),
    ("the purple ball is in the green bowl; move it to the white bowl isntead", "in(purple ball, white bowl)"),
    ("I want the cyan ball sittng on the yellow plate", "on(cyan ball, yellow plate)"),     # a letter dropped
    ("the blocks shoud end up in the tray", "in(all blocks, tray)"),
    ("put every cube in the bowl matchng its colour", "sorted_into(all blocks, all bowls)"),
    ("put the ball in the tray witout touching the bowl", "all(in(ball, tray), unmoved(bowl))"),
])
def test_a_slip_in_a_longer_word_reads_as_the_word(text, goal):
    assert tree(text) == want(goal)


def test_mending_the_text_leaves_known_words_and_numbers_alone():
    assert mended_text("move the cube 12 cm alnog the edge") == "move the cube 12 cm along the edge"
    assert mended_text("don't put the ball there") == "don't put the ball there"


def test_a_dropped_letter_that_could_be_a_kind_or_a_verb_is_not_guessed_from_the_kind():
    # "plaes" is one letter short of "plates" and one slip from "place": the verb, by its place, wins
    assert tree("Plaes the yellow block rigth of the green ball") == want("right_of(yellow block, green ball)")
