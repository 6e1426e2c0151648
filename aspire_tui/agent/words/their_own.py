"""Holders said as the objects' own ("put the blocks into their bowls", "each ball in its tray"): the ones of
their own colours, as "their own bowls" says; "the red block in its bowl" (one object) names no sort. Takes text
(lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

HOLDERS = vocab.CONTAINERS + vocab.SURFACES + ("plate",)


def their_own(text: str) -> str:
    """The text with "their <holders>" after a relation, and "each <object> ... its <holder>", said with "own"."""
    plural, singular = _holder_nouns()
    text = re.sub(rf"\b((?:in|into|inside|onto|on|to)\s+)their\s+(?!own\b)(?=(?:[a-z]+\s+)?(?:{plural})\b)",
                  r"\1their own ", text)
    return re.sub(rf"\b((?:each|every)\s+[a-z]+\s+(?:[a-z]+\s+){{0,3}}?(?:in|into|inside|onto|on|to)\s+)its\s+"
                  rf"(?!own\b)(?=(?:[a-z]+\s+)?(?:{singular})\b)", r"\1its own ", text)


@functools.lru_cache(maxsize=1)
def _holder_nouns() -> tuple[str, str]:
    words = {w for k in HOLDERS for w in vocab.KINDS.get(k, ())}
    plurals = {p for w in words for p in vocab.plurals(w)}
    return ("|".join(sorted(plurals, key=vocab.longest_first)), "|".join(sorted(words, key=vocab.longest_first)))
