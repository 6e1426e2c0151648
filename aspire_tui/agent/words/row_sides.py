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
    text = _listed_row_ends().sub(_listed_in_order, text)
    return _row_named_by_sides().sub(_in_order, text)


def _listed_in_order(m: re.Match) -> str:
    """A listed group whose ends are then named by side ("the pink, cyan and brown blocks in a row, pink on the
    left and brown on the right"): every member listed in the order across, the one not at an end between them.
    Words that leave the order open (four named, two ends said) stay as they are."""
    listed = [_colour_of(c) for c in re.findall(rf"\b(?:{_colours()})\b", m.group("list"))]
    first, last = _colour_of(m.group("first")), _colour_of(m.group("last") or "")
    side, last_side = m.group("first_side"), m.group("last_side")
    if (not m.group("verb") and not m.group("row")) or len(set(listed)) != len(listed) or first not in listed:
        return m.group(0)
    if last:
        if last_side != OPPOSITE[side] or last not in listed or last == first or len(listed) > 3:
            return m.group(0)
        order = [first, *[c for c in listed if c not in (first, last)], last]
    elif len(listed) == 2:  # "the red and blue cubes in a row, red on the left": the other one on the right
        order = [first, *[c for c in listed if c != first]]
    else:
        return m.group(0)
    row = f"{m.group('lead')}{m.group('row') or ''}"
    return f"{row} from {side} to {OPPOSITE[side]}: {', '.join(order)}{m.group('tail')}"


def _colour_of(word: str) -> str:
    """The colour a colour word names ("crimson" -> "red"), so the list and the ends compare."""
    return next((c for c, words in vocab.COLORS.items() if word in words), word)


@functools.lru_cache(maxsize=1)
def _listed_row_ends() -> re.Pattern:
    colour = rf"(?:{_colours()})"
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in vocab.plurals(w)},
                   key=vocab.longest_first)
    singular = sorted({w for words in vocab.KINDS.values() for w in words} | {"one"}, key=vocab.longest_first)
    named = (rf"(?:the )?(?P<{{name}}>{colour})(?: (?:{'|'.join(singular)}))? (?:on|at|to) the "
             rf"(?P<{{name}}_side>left|right|front|back)(?: end| side)?")
    return re.compile(
        rf"(?P<lead>(?P<verb>\bline (?:up )?)?(?:the )?(?P<list>{colour}(?:\s*,\s*{colour})*,?\s+and\s+{colour})"
        rf" (?:{'|'.join(nouns)})(?P<verb_after> up)?)"
        rf"(?P<row> (?:in|into) (?:a|one) (?:straight |neat |single )?(?:row|line)| lined up)?"
        rf"\s*(?:,|:|;|-)?\s*(?:with\s+)?{named.format(name='first')}"
        rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:with\s+)?{named.format(name='last')})?"
        rf"(?P<tail>\s*(?:[.;!?]|$))")


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
