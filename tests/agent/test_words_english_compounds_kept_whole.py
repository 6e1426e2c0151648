"""A word typed as two of the reader's words run together is split only where the slip joins a word of the
task to its neighbour ("thecyan", "redcube"); an English word made of two other nouns ("roommate",
"backyard") is kept whole and named as a word not read, never read as its halves."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.mending import run_together

from .readings import refusal, tree, want


@pytest.mark.parametrize("word, parts", [
    ("thecyan", ["the", "cyan"]),
    ("pinkball", ["pink", "ball"]),
    ("ontothe", ["onto", "the"]),
    ("dropthe", ["drop", "the"]),
])
def test_slips_that_join_words_are_split(word, parts):
    assert run_together(word) == parts


@pytest.mark.parametrize("word", ["roommate", "backyard"])
def test_english_compounds_stay_whole(word):
    assert run_together(word) is None


def test_a_compound_noun_is_named_not_read_as_its_halves():
    assert refusal("move the roommate onto the plate") == "unknown_kind"


def test_a_slip_still_reads():
    assert tree("drop thepink ball intothe crate") == want("in(pink ball, crate)")
