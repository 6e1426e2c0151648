"""Two objects named one straight after the other, as a terse command says them ("balls tray", "red cube blue
bowl", "biggest block tray"): the first goes to the second, as "to" between them says. Only where the second is
a thing that holds or carries others (a bowl, plate, tray, crate or zone)."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS
from sim import vocabulary as vocab

# kinds an object is put in or on
HOLDERS = ("bowl", "plate", "tray", "crate", "zone")


def bare_pairs(text: str) -> str:
    """``text`` (lower case) with "to" between an object and a holder named right after it (see the module)."""
    return _pair().sub(r"\1 to ", text)


@functools.lru_cache(maxsize=1)
def _pair() -> re.Pattern:
    verbs = {w.split()[0] for words in VERBS.values() for w in words} | {"hook", "stick"}

    def nouns(kinds) -> str:
        # never a noun that is a verb too ("hook the bowl") or a shape ("make the ball square")
        words = {n for k in kinds for w in vocab.KINDS[k] for n in (w, *vocab.plurals(w))
                 if w not in verbs and w not in ("square", "round", "circle")}
        return "|".join(sorted(words, key=len, reverse=True))

    colours = "|".join(sorted({w for words in vocab.COLORS.values() for w in words}, key=len, reverse=True))
    # the object's noun, then the holder with at most a colour or "the" before it; "of", "'s" or a verb between
    # them would make it something else
    return re.compile(rf"\b({nouns(vocab.KINDS)})(?=\s+(?:the\s+)?(?:(?:{colours})\s+)?(?:{nouns(HOLDERS)})\b)")
