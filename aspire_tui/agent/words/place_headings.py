"""A place written as a heading and the object after its colon, as a chart or a handover note lists them:
"R of plate: blue blk", "centre of table: yellow bowl", "back left corner: all balls". The object goes to
the place, as "put the blue block right of the plate" says."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# a side said by its letter on a chart ("L of bowl"), or in full
SIDES = {"l": "left", "r": "right", "left": "left", "right": "right"}


def place_headings(text: str) -> str:
    """``text`` (lower case) with each "<place>: <object>" said as "put <object> <place>"."""
    return re.sub(r"(^|[.;\n]\s*)([^.;:\n]+?)\s*:\s*([^.;:\n]+?)(?=\s*(?:[.;\n]|$))", _said_as_put, text)


def _said_as_put(m: re.Match) -> str:
    opens, head, said = m.group(1), m.group(2).strip(), m.group(3).strip()
    place = _place(head)
    if place is None or not _object(said):
        return m.group(0)
    if re.search(r"\b(?:it|them|they)\b", m.string[m.end():]):
        return m.group(0)  # "in the tray: the red cube. put it on the plate": what is where now, then the task
    if re.fullmatch(r"(?:the )?(?:centre|center|middle)", head) and \
            re.search(r"\b(?:top|bottom|base)\s*:", m.string):
        return m.group(0)  # "top: gray block. middle: brown block. base: white block": a tower's level
    return f"{opens}put {said} {place}"


def _place(head: str) -> str | None:
    """The place a heading names, said as a relation the reader knows ("r of plate" -> "right of plate"), or
    None where the heading is no place."""
    side = re.fullmatch(r"(l|r|left|right) of (.+)", head)
    if side and _noun_phrase(side.group(2)):
        return f"{SIDES[side.group(1)]} of {side.group(2)}"
    rel = re.fullmatch(r"(in front of|behind|next to|beside|near|on top of|onto|on|into|in) (.+)", head)
    if rel and _noun_phrase(rel.group(2)):
        return head
    if re.fullmatch(r"(?:the )?(?:centre|center|middle)(?: of (?:the )?table)?", head):
        return "in the middle of the table"
    corners = "|".join(w for words in vocab.CORNERS.values() for w in words)
    if re.fullmatch(rf"(?:the )?(?:{corners}) corner", head):
        return f"in the {head.removeprefix('the ')}"
    return None


def _noun_phrase(words: str) -> bool:
    """Whether ``words`` are a thing of the table ("plate", "the blue bowl")."""
    return bool(re.fullmatch(rf"(?:the |a )?(?:[a-z]+ )?(?:{_kinds()})", words))


def _object(words: str) -> bool:
    """Whether ``words`` name objects only, with no verb ("blue blk", "all the balls", "2 red cubes")."""
    return bool(re.fullmatch(rf"(?:(?:the|a|an|all|both|every|each|\d+|two|three|four) )*(?:[a-z]+ )?(?:{_kinds()})",
                             words))


@functools.lru_cache(maxsize=1)
def _kinds() -> str:
    nouns = {p for words in vocab.KINDS.values() for w in words for p in (w, *vocab.plurals(w))}
    return "|".join(sorted(nouns, key=vocab.longest_first))
