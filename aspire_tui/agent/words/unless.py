"""A group with a colour ruled out by a condition ("put the balls in the crate unless they're white", "every cube
goes on the plate if it isn't red"): the group less the objects of that colour, as "except the white ones"
says; "except the ones that are red" leaves out the red ones too."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab


def unless(text: str) -> str:
    """``text`` (lower case, "isn't" spelled out) with "unless they are <colour>" and "if they are not <colour>"
    said as "except the <colour> ones", and "the ones that are <colour>" as "the <colour> ones"."""
    text = _ruled_out().sub(lambda m: f" except the {m.group(1)} ones", text)
    return _ones_that_are().sub(lambda m: f"the {m.group(1)} ones", text)


@functools.lru_cache(maxsize=1)
def _ruled_out() -> re.Pattern:
    colours = "|".join(vocab.color_words())
    they = r"(?:they are|they're|it is|it's|theyre|its)"
    return re.compile(rf"\s*,?\s*\b(?:unless {they}|if {they} not) (?:the )?({colours})(?: ones?)?\b")


@functools.lru_cache(maxsize=1)
def _ones_that_are() -> re.Pattern:
    colours = "|".join(vocab.color_words())
    return re.compile(rf"\b(?:the|those) ones? (?:that|which) (?:are|is) ({colours})\b")
