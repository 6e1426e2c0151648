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
    return _pair().sub(r"\1 to ", _comma_pair().sub(lambda m: _comma_paired(m, text), text))


def _comma_paired(m: re.Match, text: str) -> str:
    # under a heading of which objects there are or how they start ("objects: red cube, blue bowl") they are a list
    if ":" in m.group(1) and re.search(r"\b(?:objects|scene|setup|set up|given|world|environment|items|inventory|init|"
                                       r"initial|start|state|before|there is|there are|we have|i have)\s*$",
                                       text[:m.start()]):
        return m.group(0)
    return f"{m.group(1)}{m.group(2)} to {m.group(3)}"


@functools.lru_cache(maxsize=1)
def _comma_pair() -> re.Pattern:
    """"robot please: red cube, blue bowl.": a sentence of only an object and a holder, a comma between them."""
    def nouns(kinds) -> str:
        return "|".join(sorted({n for k in kinds for w in vocab.KINDS[k] for n in (w, *vocab.plurals(w))},
                               key=vocab.longest_first))

    colours = "|".join(vocab.color_words())
    np = rf"(?:the\s+|all\s+(?:the\s+)?)?(?:(?:{colours})\s+)?"
    # the whole sentence is the two names: a list of objects ("the red cube, the blue ball and ...") goes on
    return re.compile(rf"(^\s*|[.;:!?]\s*|\s[-–—]+\s*)({np}(?:{nouns(vocab.MOVABLE)}))\s*,\s*({np}(?:{nouns(HOLDERS)}))"
                      rf"(?=\s*(?:please\s*)?(?:[.;!?]|$))")


@functools.lru_cache(maxsize=1)
def _pair() -> re.Pattern:
    verbs = {w.split()[0] for words in VERBS.values() for w in words} | {"hook", "stick"}

    def nouns(kinds) -> str:
        # never a noun that is a verb too ("hook the bowl") or a shape ("make the ball square")
        words = {n for k in kinds for w in vocab.KINDS[k] for n in (w, *vocab.plurals(w))
                 if w not in verbs and w not in ("square", "round", "circle")}
        return "|".join(sorted(words, key=vocab.longest_first))

    colours = "|".join(vocab.color_words())
    # the object's noun, then the holder with at most a colour or "the" before it; "of", "'s" or a verb between
    # them would make it something else
    return re.compile(rf"\b({nouns(vocab.KINDS)})(?=\s+(?:the\s+)?(?:(?:{colours})\s+)?(?:{nouns(HOLDERS)})\b)")
