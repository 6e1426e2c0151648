"""A tower told as a list, each object put on the one before: "purple block at the bottom, pink block on it, white
block on top of that". Each "it" or "that" said so, right after the object of its own item, is the object the item
before named, not the one said beside it."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

KINDS = "|".join(sorted({w for words in vocab.KINDS.values() for w in words}, key=vocab.longest_first))
COLORS = "|".join(vocab.color_words())
# an object named at the head of a list's item: "the purple block", "pink cube", "the blue one"
HEAD = rf"(?:the )?(?:(?:{COLORS}) )?(?:{KINDS}|one)"
# an item, then the next item put on "it": "purple block at the bottom, pink block on it"
CHAINED = re.compile(rf"(^|[,;:]\s*|\b(?:put|place|set|stand|start with|begin with) )({HEAD})\b"
                     rf"([^,;:.!?]*"
                     rf"(?:,\s*(?:and then |and |then )?|\s+(?:and then|and|then)\s+)"
                     rf"(?:the )?(?:(?:{COLORS}) )?(?:{KINDS}|one) (?:on top of|on|onto|upon|atop|over) )"
                     r"(?:it|that|this)\b")


def _named(m: re.Match) -> str:
    head = m.group(2) if m.group(2).startswith("the ") else f"the {m.group(2)}"
    return f"{m.group(1)}{m.group(2)}{m.group(3)}{head}"


def chained_its(text: str) -> str:
    """``text`` (lower case) with each "it" of a tower told as a list said as the object it stands for."""
    for _ in range(6):  # one item at a time, each on the one before: a tower of up to seven
        said = CHAINED.sub(_named, text, count=1)
        if said == text:
            return text
        text = said
    return text
