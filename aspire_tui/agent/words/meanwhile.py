"""Two things asked at once: "keep the bowl still while you put the cube on the plate", "the tray stays where it is
as you push the ball". Each is asked, as if joined with "and"; with "you" dropped, the verb after "while" would
run into the words before it."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS
from sim import vocabulary as vocab


def meanwhile(text: str) -> str:
    """``text`` (lower case) with "while you" or "as you" before a verb the reader knows said as ", and"."""
    return _while_you().sub(" , and ", text)


@functools.lru_cache(maxsize=1)
def _while_you() -> re.Pattern:
    verbs = sorted({w for words in VERBS.values() for w in words if w.replace(" ", "").isalpha()}, key=vocab.longest_first)
    return re.compile(rf"\s*,?\s*\b(?:while|whilst|as) you(?: are)? (?=(?:{'|'.join(verbs)})\b)")
