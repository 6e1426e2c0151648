"""Slips of typing between the words, tidied before the words are read: a space typed twice ("goes  home"), none
after a comma ("the plate,then the tray"), a small word typed twice ("the the red block"). (A hesitation is
left where it is: "the pink uh white cube" corrects what it follows.)"""

from __future__ import annotations

import re

# small words a slip types twice: "the the", "to to"; never "that that" or "had had", said twice on purpose
TWICE_TYPED = ("the", "a", "an", "to", "of", "in", "on", "at", "into", "onto")
_TWICE = re.compile(rf"\b({'|'.join(TWICE_TYPED)})(\s+\1)+\b", re.I)


def tidied(text: str) -> str:
    """``text`` with the slips of typing between its words undone (see the module)."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r",(?=[A-Za-z])", ", ", text)  # not "1,5"
    return _TWICE.sub(r"\1", text)
