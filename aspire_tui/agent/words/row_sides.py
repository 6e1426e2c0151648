"""A row whose members are named with the side each end is on: "set the cubes in a row, the blue one on the left,
then the yellow, then the red on the right", "line them up with red at the front, green, then blue at the back".
The first named is at the first side and the rest follow in the order named, as "from left to right: blue,
yellow, red" says."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

OPPOSITE = {"left": "right", "right": "left", "front": "back", "back": "front"}


def row_sides(text: str) -> str:
    """``text`` (lower case) with a row named end to end said as the order from one side to the other."""
    return _row_named_by_sides().sub(_in_order, text)


def _in_order(m: re.Match) -> str:
    first, last = m.group("first_side"), m.group("last_side")
    if last and last != OPPOSITE[first]:
        return m.group(0)
    colours = re.findall(rf"\b(?:{_colours()})\b", m.group("members"))
    if len(colours) < 2:
        return m.group(0)
    return f"{m.group('row')} from {first} to {OPPOSITE[first]}: {', '.join(colours)}{m.group('tail')}"


@functools.lru_cache(maxsize=1)
def _row_named_by_sides() -> re.Pattern:
    colour = rf"(?:the )?(?:{_colours()})(?: (?:one|yin|block|cube|ball|kind))?"
    side = r"(?:on|at|to) the (left|right|front|back)(?: end| side)?"
    middle = r"(?: (?:in the middle|in between|next|after that|beside it|next to it))?"
    joint = r"(?:\s*,\s*(?:and |then |and then )?|\s+(?:and |then |and then ))"
    return re.compile(
        rf"(?P<row>\bin (?:a|one) (?:straight |neat |single )?(?:row|line)"
        rf"|\bline (?:(?:them|the [a-z]+) )?up(?: (?:them|the [a-z]+))?)"
        rf"\s*(?:,|:|;|-|with)?\s*(?P<members>{colour} {side.replace('(left', '(?P<first_side>left')}"
        rf"(?:{joint}{colour}{middle})*?{joint}{colour}(?: {side.replace('(left', '(?P<last_side>left')})?)"
        rf"(?P<tail>\s*(?:[.;!?]|$))")


@functools.lru_cache(maxsize=1)
def _colours() -> str:
    return "|".join(vocab.color_words())
