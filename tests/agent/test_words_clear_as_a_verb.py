""""clear" opening a clause before no kind is the verb ("clear the table"), not a colour the simulator lacks;
before a kind ("the clear block") it is that colour, refused by name."""

import pytest

from tests.agent.readings import refusal

REASONS = [
    ("clear the middle of the table", "unreadable"),  # what to take away, but not where it goes
    ("then clear the back right corner", "unreadable"),
    ("set the clear cube in the tray", "unknown_color"),
    ("Clear. Put it in the bowl.", "unknown_color"),
    ("above and beside", "unreadable"),  # two relations and no object: one line, never a crash
]


@pytest.mark.parametrize("text, reason", REASONS)
def test_clear_is_a_verb_opening_a_clause_and_a_colour_before_a_kind(text, reason):
    assert refusal(text) == reason
