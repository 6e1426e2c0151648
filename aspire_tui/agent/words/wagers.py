"""A bettor's pick said as the task: "bet every ball lands in its bowl", "smart money says the cube ends up in
the tray", "my money's on the red block in the bowl". What is bet on is how things are to end up, read as the
wish "i want that ..." says it."""

from __future__ import annotations

import re

# the words that put money on what follows, opening a clause
BETTING = re.compile(r"(^|[.;:!?,]\s*)(?:(?:i|i'm|i am|we|we're|we are)\s+)?(?:bet(?:ting)?|wager(?:ing)?)"
                     r"(?:\s+(?:you|that))*\s+(?=(?:the|every|each|all|both|a|an)\b)|"
                     r"(^|[.;:!?,]\s*)(?:the\s+)?(?:smart money|my money|the odds|odds)(?:\s+says|\s+say|\s+is on|'s on|\s+are)"
                     r"(?:\s+that)?\s+(?=(?:the|every|each|all|both|a|an)\b)")


def wagers(text: str) -> str:
    """``text`` (lower case) with a bet on how things end up said as the wish "i want that ..."."""
    return BETTING.sub(lambda m: f"{m.group(1) or m.group(2) or ''}i want that ", text)
