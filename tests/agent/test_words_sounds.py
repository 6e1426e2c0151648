"""Words spelt the way they sound, as a child or someone writing in a second language spells them ("kyoob",
"grene", "bawl"): read as the vocabulary word that sounds the same, and named in the notes; never a thing or
colour the simulator lacks, a word two vocabulary words sound like, or a word the reader knows."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read
from aspire_tui.agent.words.sounds import SOUND_ALIKE_WORDS, by_sound, sound_key, sounds_like

from .readings import refusal, tree, want


@pytest.mark.parametrize("spelt, word", [
    ("kyoob", "cube"), ("cewb", "cube"), ("kyub", "cube"), ("bawl", "ball"), ("boal", "bowl"), ("zohn", "zone"),
    ("trey", "tray"),
    ("grene", "green"), ("yelo", "yellow"), ("purpul", "purple"), ("oringe", "orange"), ("kornor", "corner"),
    ("rite", "right"), ("tabel", "table"), ("midel", "middle"), ("behiend", "behind"), ("skwair", "square"),
    ("sfere", "sphere"), ("kyoobs", "cubes"), ("thre", "three"), ("wite", "white"), ("broun", "brown"),
])
def test_spellings_of_one_sound_share_a_key(spelt, word):
    assert sound_key(spelt) == sound_key(word)


@pytest.mark.parametrize("one, other", [
    ("ball", "bowl"), ("reset", "rest"), ("onion", "on"), ("array", "area"), ("cone", "cane"), ("box", "boxes"),
])
def test_words_that_sound_apart_keep_apart(one, other):
    assert sound_key(one) != sound_key(other)


@pytest.mark.parametrize("text, goal", [
    ("drop the yelo sfere on the plait", "on(yellow ball, plate)"),
    ("place the grene cewb into the trey", "in(green block, tray)"),
    ("pleez put the red ball behiend the blue bowl", "behind(red ball, blue bowl)"),
    ("put the cube in the yelo barel", "in(block, yellow barrel)"),
    ("drive to the wite kone", "near(robot, white cone)"),
    ("put the blak brick in the krate", "in(black block, crate)"),
    ("lift the broun kyoob", "lifted(brown block)"),
    ("put all the kyoobs in the trey", "in(all blocks, tray)"),
    ("put thre cubes in the tray", "in(3 blocks, tray)"),
    ("put the cube in the back left kornor", "at_place(block, back_left)"),
    ("putt the cube in the bowl", "in(block, bowl)"),
])
def test_a_word_spelt_as_it_sounds_is_read_as_meant(text, goal):
    assert tree(text) == want(goal)


def test_each_word_read_by_sound_is_named_in_the_notes():
    notes = read("put the purpul kyoob on the plate").notes
    assert "read 'purpul' as 'purple'" in notes
    assert "read 'kyoob' as 'cube'" in notes


@pytest.mark.parametrize("text, goal", [
    ("put the bawl in the bowl", "in(ball, bowl)"),            # after the verb, where a thing goes
    ("put the red bawl on the plate", "on(red ball, plate)"),  # after a colour
    ("put the red ball in the blew bowl", "in(red ball, blue bowl)"),  # before a thing, a colour
])
def test_a_real_word_is_read_by_sound_where_its_place_asks_for_that_kind_of_word(text, goal):
    assert tree(text) == want(goal)


def test_a_real_word_is_not_read_by_sound_anywhere():
    # "bawl" after "don't" is no thing's name: left as the word it is
    assert by_sound(["put", "cube", "in", "tray", ".", "not", "bawl"], frozenset(), lambda words, k: False)[-1] == \
        "bawl"


@pytest.mark.parametrize("text", ["put the banana in the bowl", "put the phone in the tray"])
def test_a_thing_the_simulator_lacks_is_refused_by_name_not_read_by_sound(text):
    assert refusal(text) == "unknown_kind"


def test_a_word_two_vocabulary_words_sound_like_is_read_as_neither():
    assert sounds_like("rase", "any") is None  # "race" (go) or "raise" (pick up)
    assert refusal("rase the cube") == "unreadable"


def test_a_word_the_reader_knows_is_never_read_by_sound():
    assert tree("put the ball in the bowl") == want("in(ball, bowl)")
    assert by_sound(["put", "ball", "in", "bowl"], frozenset({"put", "ball", "in", "bowl"}),
                    lambda words, k: k == 0) == ["put", "ball", "in", "bowl"]


def test_a_word_is_never_read_as_a_negation_by_sound():
    assert sounds_like("knot", "any") is None
    assert sounds_like("nevur", "any") is None


@pytest.mark.parametrize("word", sorted(SOUND_ALIKE_WORDS))
def test_each_real_word_kept_to_its_place_does_sound_like_a_vocabulary_word(word):
    # the list holds only words that need it: a real word that sounds like no vocabulary word is left out
    assert sounds_like(word, "any") is not None
