"""Rough amounts said as measures: "a few cm" is three of them (as "a couple of cm" is two), "a hand's width"
about 10 cm and "a finger's width" about 2 cm. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# a width a person measures with their hand, in centimetres
BODY_WIDTHS = {"hand": 10, "palm": 10, "finger": 2, "thumb": 2}


def rough_amounts(text: str) -> str:
    """The text with "a few <unit>" as three of the unit and a hand's or finger's width as centimetres ("a few
    blocks" stays: how many objects is asked, not guessed)."""
    text = _few().sub("3 ", text)
    return re.sub(rf"\b(?:an? |one )?({'|'.join(BODY_WIDTHS)})(?:'s|s'|s)? (?:width|breadth)\b|"
                  rf"\b(?:the |a )?(?:width|breadth) of (?:an? |one )?({'|'.join(BODY_WIDTHS)})\b",
                  lambda m: f"{BODY_WIDTHS[m.group(1) or m.group(2)]} cm", text)


@functools.lru_cache(maxsize=1)
def _few() -> re.Pattern:
    units = "|".join(sorted((re.escape(u) for u in vocab.UNITS if not u.endswith(".")), key=len, reverse=True))
    return re.compile(rf"\b(?:a )?few (?:more )?(?=(?:{units})\b)")
