"""A remark after a dash that says what a thing is like, not what to do: "put the green block on the blue
block — a cozy two-level split", "shift the bowl 10 cm right — more room for the dining set". Read as a
bracketed remark: dropped and named in a note."""

from __future__ import annotations

import re

from aspire_tui.agent.words.setting_aside import ends_up
from aspire_tui.agent.words.tagging import tag

# a dash set off by spaces (an em or en dash, or one or two hyphens), then a noun phrase's opening word, up to
# the end of the sentence
DASHED = re.compile(r"\s+(?:—|–|--?)\s+(?P<remark>(?:a|an|the|more|lots|plenty|pure|total|such|what|so much)\b"
                    r"[^.!?;—–]*)", re.I)
# tags of words that name what the task is about: an object, a colour, a place, an amount
NAMING_TAGS = {"KIND", "KINDS", "COLOR", "ONE", "PRON", "UNIT", "CORNER", "CORNERS", "MIDDLE", "EDGE", "SIDEMOST",
               "SUPER", "NOT", "WITHOUT", "REACH", "OUT_OF_REACH", "TOWER", "LINE", "STACKED"}


def without_dash_remarks(text: str) -> tuple[str, list[str]]:
    """The text without each remark after a dash that names no object, colour or place, and the remarks; one
    that does ("— the red one", "— a bit to the left"), or says how a thing ends up ("— a sideways finish"),
    stays, and is read or refused."""
    remarks: list[str] = []

    def drop(m: re.Match) -> str:
        words = tag(m.group("remark"))
        # "— a dramatic upside-down finish" says how it ends up: part of the task, refused
        ends_up_said = any(ends_up(w.text) for w in words)
        if m.start() == 0 or ends_up_said or {w.tag for w in words} & NAMING_TAGS:
            return m.group(0)
        remarks.append(m.group("remark").strip())
        return ""

    return DASHED.sub(drop, text), remarks
