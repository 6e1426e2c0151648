"""A task written as a warehouse pick list: a count before the item as "2x" ("2x blue block -> tray"), a list's
number ("pick list #4:"), fields split by a slash ("item: red ball / dest: green bowl"), said in plain words."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# a pick list's or an order's own name before its lines ("pick list #4:", "order 17:", "wave 3:")
LIST_HEADING = re.compile(r"^\s*(?:pick ?list|pick ?ticket|pick order|work order|order|ticket|job|wave|batch)"
                          r"\s*(?:#?\s*\d+)?\s*:\s*")


def pick_lists(text: str) -> str:
    """``text`` (lower case) with a pick list's notation in words: "1x" is the one item named, "3x" a count
    of three, a "#" number only names the list or line, and a slash between fields parts them."""
    text = LIST_HEADING.sub("", text)
    text = re.sub(r"#\s*\d+\b", " ", text)  # "line #2": which line of the list, never how many
    text = _counted().sub(lambda m: "" if m.group(1) == "1" else f"{m.group(1)} ", text)
    # "blue block x2": the count said after the item
    text = _counted_after().sub(lambda m: m.group(1) if m.group(2) == "1" else f"{m.group(2)} {m.group(1)}", text)
    text = re.sub(r"\s/\s*(?=[a-z][a-z ]{0,20}:)", " ; ", text)  # "item: red ball / dest: ..."
    return re.sub(r"\bdest\s*:", "destination:", text)


def _item() -> str:
    colors = vocab.color_words()
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))},
                   key=vocab.longest_first)
    return rf"(?:(?:{'|'.join(colors)})\s+)*(?:{'|'.join(nouns)})\b"


@functools.lru_cache(maxsize=1)
def _counted() -> re.Pattern:
    # "2x blue block", "2 x cube": a count, then the item
    return re.compile(rf"\b(\d+)\s?x\s+(?=(?:the\s+)?{_item()})")


@functools.lru_cache(maxsize=1)
def _counted_after() -> re.Pattern:
    return re.compile(rf"\b({_item()})\s+x\s?(\d+)\b")
