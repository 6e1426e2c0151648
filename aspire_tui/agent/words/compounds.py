"""A thing named by a compound noun, as German makes one and a translator writes it split, hyphened or joined:
"the red building-block", "the play cubes", "the colour-block red", "the toyball". The word before the noun
says what the thing is for, never which one or of what kind: the compound is the noun."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# the first halves of such compounds: what the thing is made of or for
FIRST_HALVES = ("building", "play", "toy", "wooden", "wood", "plastic", "foam", "game", "puzzle")


def compounds(text: str) -> str:
    """``text`` (lower case) with each compound of a first half and a kind's noun said as the noun alone."""
    text = re.sub(rf"\b(?:{'|'.join(FIRST_HALVES)})[- ]?({_nouns()})\b", r"\1", text)
    # "the colour-block red": hyphened only ("the same colour bowl" is a bowl of the same colour)
    return re.sub(rf"(?<!same )(?<!its )(?<!their )(?<!own )\bcolor-({_nouns()})\b", r"\1", text)


@functools.lru_cache(maxsize=1)
def _nouns() -> str:
    nouns = {p for k in vocab.MOVABLE + vocab.CONTAINERS + ("plate",) for w in vocab.KINDS[k]
             for p in (*vocab.plurals(w), w)}
    return "|".join(sorted(nouns, key=len, reverse=True))
