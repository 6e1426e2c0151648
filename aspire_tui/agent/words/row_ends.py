"""The first or the last of a row, said with its side ("the last ball on the right", "the first cube at the
back"): the end of the row on that side, which the side alone already picks. The one in the middle of a row is
no end, and no goal names it."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import InstructionError
from sim import vocabulary as vocab

TOWER_WORDS = re.compile(r"\b(?:towers?|stack|stacks|stacked|pile|piled|top|bottom|base|tiers?|levels?|layers?)\b")


def row_ends(text: str) -> str:
    """``text`` (lower case) with "first", "last" or "final" dropped before a noun that a side then picks ("the
    last ball on the right" as "the ball on the right"); with no side after it the word stays, as a step's order
    ("first put ...", "put the ball in last").

    Raises:
        InstructionError: "the middle block": the one between the ends of a row, which no goal can name (read
            as it stands, "middle" would send the block to the middle of the table).
    """
    middle = _middle_one().search(text)
    if middle is not None and not TOWER_WORDS.search(text):  # "the middle block of the tower" is a level of it
        raise InstructionError(f"cannot tell which is {middle.group(0)!r}: a goal can pick the object at one end "
                               "of a row, not the one between; name it by its colour or as the second from the "
                               "left or right", "unreadable")
    return _end_before_side().sub("", text)


@functools.lru_cache(maxsize=1)
def _middle_one() -> re.Pattern:
    colours = vocab.color_words()
    # "the centre zone" may be the middle of the table's area, as "the centre area" is
    nouns = sorted({n for kind, words in vocab.KINDS.items() if kind != "zone" for w in words
                    for n in (w, *vocab.plurals(w))} | {"one"}, key=vocab.longest_first)
    return re.compile(rf"\bthe (?:middle|center|centre|central) (?:(?:{'|'.join(colours)}) )?"
                      rf"(?:{'|'.join(nouns)})\b")


@functools.lru_cache(maxsize=1)
def _end_before_side() -> re.Pattern:
    colours = vocab.color_words()
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one"}, key=vocab.longest_first)
    return re.compile(rf"(?<=\bthe )(?:very )?(?:first|last|final) (?=(?:(?:{'|'.join(colours)}) )?"
                      rf"(?:{'|'.join(nouns)}) (?:on|at|to) the (?:very |far )?(?:left|right|front|back|rear)\b)")
