"""A verb said once for two clauses, the second with its place said first: "upon the green cube set the red, and
upon the red the blue" puts the blue one upon the red one too. The verb left out is said again, in English order."""

from __future__ import annotations

import re

# the places a gapped clause opens with
PLACES = r"(?:upon|on top of|onto|on|atop|into|in|inside|beside|next to|behind|in front of|under|beneath)"
NOUN = r"(?:the|a|an) [a-z]+(?: [a-z]+)?"


def gapping(text: str) -> str:
    """``text`` (lower case) with ", and <place> <object>" (its verb left out, after a clause that said one)
    said as ", and put <object> <place>"."""
    return re.sub(rf"(?<=[a-z])(\s*,?\s*and|\s*,) ({PLACES}) ({NOUN}?) ({NOUN})(?=\s*(?:[.;!?]|$))", _said_again, text)


def _said_again(m: re.Match) -> str:
    said_before = m.string[:m.start()]
    if not re.search(r"\b(?:put|set|place|lay|stack|pile|drop|stand|rest|sit|balance)\b", said_before):
        return m.group(0)
    return f"{m.group(1)} put {m.group(4)} {m.group(2)} {m.group(3)}"
