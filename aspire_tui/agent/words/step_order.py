"""Words that number or close a sequence of steps: "1. ... 2. ..." said in one line, and "last", "at the end",
"in the end" opening a later clause, are steps in turn, as "then" and "finally" say. Takes text (lower case) and
gives text."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS
from sim import vocabulary as vocab

# a step's number at its start: "1. put ...", said after the start of the words or the step before it
NUMBER_MARK = re.compile(r"(?:^|(?<=[\s.;,:]))(\d{1,2})\.\s+(?=[a-z])")


def step_order(text: str) -> str:
    """The text with steps numbered in one line, and the words that close a sequence, said as "then" and
    "finally"; an end state said after them ("finally the ball is in the tray") is wished for, not how things
    are now."""
    return _end_states(_closing_words(_numbered_in_a_line(text)))


def _numbered_in_a_line(text: str) -> str:
    """"1. put A on the plate 2. put B on the tray": each numbered step in turn; only numbers that count up from
    one are steps ("move it 2. 5 cm" is not)."""
    marks = list(NUMBER_MARK.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return text
    return NUMBER_MARK.sub(" then ", text)


def _closing_words(text: str) -> str:
    """"...; last, put the ball in the tray", "..., and at the end put the cube on the plate": opening a later
    clause, they say the last step, as "finally" does ("at the end of the table" is a place, and the words opening
    the instruction say when the task is done, which every goal is read at)."""
    return _closing().sub(r"\1 finally ", text)


@functools.lru_cache(maxsize=1)
def _closing() -> re.Pattern:
    verbs = sorted({w for words in VERBS.values() for w in words if " " not in w}, key=vocab.longest_first)
    after_clause = r"((?:[.;!?,]|\band\b|\bthen\b)\s*)(?:and\s+)?"
    last = rf"last(?: of all)?\s*(?:,|(?=\s+(?:{'|'.join(verbs)})\b))"
    end = r"(?:at|in|by) the (?:very )?end\b(?! of)\s*,?"
    return re.compile(rf"{after_clause}(?:{last}|{end})")


def _end_states(text: str) -> str:
    """"finally the blue block is on the plate": how things are at the end is the wish, as "should be" says."""
    return re.sub(r"\b(finally|lastly)\s*,?\s+((?:the|a|an|all|both|every|each)\s+[a-z ]{1,40}?)\s+(?:is|are)\b"
                  r"(?!\s+(?:to|not|still|already)\b)", r"\1 \2 should be", text)
