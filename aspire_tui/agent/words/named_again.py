"""An object named again after a nickname, with the words that take the nickname back said after it: "the queen --
the purple block, I should say -- marches ...", "the rook, or should I say the blue cube, ...". The object named
again takes the nickname's place, as it does where "I mean" comes before it ("the bishop... I mean the green
block")."""

from __future__ import annotations

import re

# what sets the second name off, after it: "I should say", "I should have said", "if you like", "so to speak"
AFTERWORDS = r"(?:i should say|i should have said|i ought to say|i'd say|if you like|so to speak|i mean|rather)"


def named_again(text: str) -> str:
    """``text`` with "X -- Y, I should say --" said as "X, I mean Y", and "X, or should I say Y" as
    "X, I mean Y"."""
    text = re.sub(rf"(\b(?:the|a|an) [a-z]+(?: [a-z]+)?)\s*(?:\s[-–—]+\s|,|;)\s*((?:the|a|an) [a-z]+(?: [a-z]+)?),?\s+"
                  rf"{AFTERWORDS}\s*(?:\s[-–—]+\s|,)\s*", r"\1, i mean \2 ", text, flags=re.I)
    return re.sub(r",?\s*\bor (?:should i|shall i|rather,? should i) say\b", ", i mean", text, flags=re.I)
