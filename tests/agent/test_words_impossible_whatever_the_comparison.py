"""What cannot be done is refused as impossible even where a comparison after it is not read ("make the cube
round, like a pebble worn smooth"), and throwing a thing right off the table is leaving the work cell."""

from __future__ import annotations

import pytest

from .readings import refusal


@pytest.mark.parametrize("text", [
    "Make the green cube round, like a pebble worn smooth by the sea.",
    "she flings the red ball right off the table!",
    "lob the cube straight off the table",
])
def test_an_impossible_ask_is_refused_as_impossible(text):
    assert refusal(text) == "impossible"


def test_a_comparison_on_a_possible_ask_is_still_not_read_past():
    assert refusal("put the balls in a row, like a caterpillar") in ("unreadable", "unknown_kind")
