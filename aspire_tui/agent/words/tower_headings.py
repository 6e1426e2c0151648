"""A tower named as a heading with no verb, its order after it: "cube stack: red on blue on green", "block tower —
red bottom, blue top", "stack of blocks - white on black", "stack sequence: ...", or asked for impatiently ("where's
my tower?! red on blue on yellow"). The kind before the heading word is the tower's kind, not one more object ("the
block"), and a dash after it is the heading's colon, not a pause between two tasks."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab


def tower_headings(text: str) -> str:
    """``text`` (lower case) with a tower heading said as "stack of blocks :" before its order (see the module)."""
    return _heading().sub(_said, text)


def _said(m: re.Match) -> str:
    kind = m.group("kind") or m.group("kind_after")
    # a tower is of blocks unless the words say otherwise ("ball tower: red on blue")
    said = f" of {kind}s" if kind and vocab.kind_of(kind) != "block" else ""
    return f"{m.group('lead')}{m.group('tower')}{said} : "


@functools.lru_cache(maxsize=1)
def _heading() -> re.Pattern:
    kinds = "|".join(sorted({w for k in vocab.MOVABLE for w in vocab.KINDS[k]}, key=vocab.longest_first))
    colours = "|".join(vocab.color_words())
    # the heading opens a sentence; a colour (or "the" before one) opens the order after it, so "stack - then
    # ..." or "the cube stack, which ..." is left alone
    return re.compile(
        rf"(?P<lead>^\s*|[.;!?]\s*|^[a-z]+\s*,\s*)(?:(?:where(?:'s|s| is)\s+)?(?:a|the|my|one|our|that)\s+)?(?:(?P<kind>{kinds})s?[- ])?"
        rf"(?P<tower>tower|stack|pile)(?:\s+(?:sequence|order))?(?:\s+of\s+(?P<kind_after>{kinds})s?)?"
        rf"\s*(?::|[-–—]+|,|[?!.]+)\s*(?=(?:the\s+)?(?:{colours})\b)")
