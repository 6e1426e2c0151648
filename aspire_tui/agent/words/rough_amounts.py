"""Rough amounts said as measures: "a few cm" is three of them (as "a couple of cm" is two), "a hand's width"
about 10 cm and "a finger's width" about 2 cm. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# a width a person measures with their hand, in centimetres
BODY_WIDTHS = {"hand": 10, "palm": 10, "finger": 2, "thumb": 2}


# how many widths are said, in words or digits: "two hand widths"
WIDTH_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a couple of": 2, "a couple": 2}
# the rough amounts said in other words than the ones the goal notation names: "a touch" is "a bit", "a fair bit"
# "a lot"; "well" before a side ("well to the right") is "a lot" ("well away from" stays a way to say away)
SAID_AS_A_BIT = re.compile(r"\b(?:just )?a (?:touch|hair|tiny bit|wee bit|teeny bit|little touch)\b")
SAID_AS_A_LOT = re.compile(r"\b(?:a fair bit|a good bit|quite a bit|a fair way|a good way|a good deal|a fair amount|"
                           r"quite a way|quite a ways)\b|\bwell(?= (?:to the |over to the )?(?:left|right|forwards?|"
                           r"backwards?|back|in front of|behind)\b)")


def rough_amounts(text: str) -> str:
    """The text with "a few <unit>" as three of the unit and a hand's or finger's width as centimetres ("a few
    blocks" stays: how many objects is asked, not guessed); "two hand widths" is twice one, and rough amounts
    said in other words ("a touch", "a fair bit", "well to the left") are "a bit" or "a lot"."""
    text = _few().sub("3 ", text)
    text = SAID_AS_A_LOT.sub("a lot", SAID_AS_A_BIT.sub("a bit", text))
    counts = "|".join(WIDTH_COUNTS)
    text = re.sub(rf"\b(\d+|{counts}) ({'|'.join(BODY_WIDTHS)})(?:'s|s'|s)? (?:widths|breadths)\b",
                  lambda m: f"{_count(m.group(1)) * BODY_WIDTHS[m.group(2)]} cm", text)
    return re.sub(rf"\b(?:an? |one )?({'|'.join(BODY_WIDTHS)})(?:'s|s'|s)? (?:width|breadth)\b|"
                  rf"\b(?:the |a )?(?:width|breadth) of (?:an? |one )?({'|'.join(BODY_WIDTHS)})\b",
                  lambda m: f"{BODY_WIDTHS[m.group(1) or m.group(2)]} cm", text)


def _count(said: str) -> int:
    return int(said) if said.isdigit() else WIDTH_COUNTS[said]


@functools.lru_cache(maxsize=1)
def _few() -> re.Pattern:
    units = "|".join(sorted((re.escape(u) for u in vocab.UNITS if not u.endswith(".")), key=vocab.longest_first))
    return re.compile(rf"\b(?:a )?few (?:more )?(?=(?:{units})\b)")
