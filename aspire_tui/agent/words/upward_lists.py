"""A tower listed upwards: "yellow, on top of that green, and on top of that blue" says each block above the one
before it, so the list runs from the bottom up."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab


def listed_upwards(text: str) -> str:
    """Each "on top of that" (or "above it") between two blocks of a tower's list read as "then", and the list
    marked as said from the bottom up; a verb after it ("on top of that, put the blue block") is a step of its
    own and stays as said."""
    if not re.search(r"\b(?:stack|tower|pile|build)", text):
        return text
    out = []
    for sentence in re.split(r"(?<=[.;!?])", text):
        said, n = _above_the_one_before().subn(", then ", sentence)
        if n:
            said = re.sub(r"\s*([.;!?]?)\s*$", r" from bottom to top\1", said, count=1)
        out.append(said)
    return "".join(out)


@functools.cache
def _above_the_one_before() -> re.Pattern:
    colours = "|".join(vocab.color_words())
    return re.compile(rf"\s*,?\s*(?:and\s+)?(?:then\s+)?(?:on top of|above) (?:that|it|this)\b\s*,?\s*"
                      rf"(?=(?:the\s+)?(?:{colours})\b)")
