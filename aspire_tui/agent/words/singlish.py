"""A Singaporean's words: "don't anyhow move the green block" (carelessly, at all), "put inside the bowl", "can or
not", "the block put on the plate". Said in plain English, what they ask is read."""

from __future__ import annotations

import re


def singlish(text: str) -> str:
    """``text`` (lower case) with Singapore English said plainly."""
    # "dun touch it": do not
    text = re.sub(r"\bdun(?= (?:anyhow|put|move|touch|lift|push|go|take|disturb|shift|carry|pick)\b)", "do not", text)
    # "don't anyhow move it", "never anyhow touch": do not move it at all ("anyhow" says carelessly)
    text = re.sub(r"\b(not|never|no|don't|dont) anyhow (?=[a-z])", r"\1 ", text)
    # "wah", "aiyah", "alamak", "..., thanks ah": a tone, never what is asked ("ah" only closing a clause)
    text = re.sub(r"\b(?:wah|walao|aiyah|aiyoh|aiyo|alamak|wah lau)\b\s*,?\s*", "", text)
    text = re.sub(r"\s+ah\b(?=\s*(?:[.,;!?]|$))", "", text)
    # "the block on the plate, shift to the tray": the object named first and left out after its verb (as a
    # topic-first tongue does), said as "it"
    text = re.sub(r"((?:^|[.;!?]\s*)(?:the|a|an|this|that) [a-z' -]{1,60}?\s*,\s*(?:(?:just|please|kindly|then)\s+)?"
                  r"(?:put|place|move|shift|keep|take|push|slide|drop|set|bring|carry|transfer|stack)) "
                  r"(?=(?:to|in|into|inside|on|onto|at|beside|next to|near|behind|in front of)\b)", r"\1 it ", text)
    # "..., can or not?", "can anot": a question of whether it can be done, asking it be done
    return re.sub(r",?\s*\bcan (?:or not|anot|cannot|or cannot)\b\s*\??", " ", text)
