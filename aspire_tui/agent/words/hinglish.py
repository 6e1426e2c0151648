"""An Indian English speaker's words: "do one thing, keep the block in the bowl", "shift it 5 cm towards right side",
"kindly empty the bowl". Said in plain English, what they ask is read."""

from __future__ import annotations

import re

from sim import vocabulary as vocab


def hinglish(text: str) -> str:
    """``text`` (lower case) with Indian English said plainly."""
    # "do one thing, keep ...", "just do one thing: put ...": an opening that the task follows
    text = re.sub(r"(^|[.;!?]\s*)(?:(?:ok|okay|so|please|just|now)\s*,?\s+)*do one thing\s*[,:;.-]*\s*(?=[a-z])", r"\1",
                  text)
    # "keep it at left side of the plate", "at the right hand side of the bowl": beside it on that side (a side of
    # the table stays the table's)
    text = re.sub(r"\bat (?:the )?(left|right)(?:[- ]hand)? side of (?!(?:the )?table\b)", r"to the \1 of ", text)
    text = re.sub(r"\b(left|right)[- ]hand side of (?=(?:the )?table\b)", r"\1 side of ", text)
    # "..., ek minute, the green one": a pause before a correction, as "wait" is
    text = re.sub(r"(,\s*|^|[.;!?]\s*)(?:ek|one|1) (?:minute|min|second|sec)\b(?!\s*(?:later|after|before))", r"\1wait",
                  text)
    # "in their respective bowls", "colour wise": each in the one of its own colour
    text = re.sub(r"\b(in|into|to) (?:their |the |its )?respective ([a-z]+)", r"\1 the \2 of the same color", text)
    text = re.sub(r"\bcolou?r[- ]?wise\b", "by color", text)
    # "..., means stack it", "..., matlab ...": the same ask said again, which adds nothing
    text = re.sub(r"\s*,\s*(?:i )?(?:means|matlab)\b[^.;!?]*", " ", text)
    # "put it in the tray na", "..., yaar", "..., ji": a tone, never what is asked
    text = re.sub(r"\s*,?\s+(?:na|yaar|ji|bhai|boss)\b(?=\s*(?:[.,;!?]|$))", "", text)
    # "5 cm towards right side", "a bit to left side": a shift that way (a side with no amount is an edge)
    units = "|".join(sorted(vocab.UNITS, key=len, reverse=True))
    amount = rf"\d+(?:\.\d+)? ?(?:{units})|a (?:little )?bit|a little|a lot|(?:a )?little bit|slightly|a tad"
    return re.sub(rf"\b({amount}) (?:to|towards|toward|on) (?:the )?"
                  r"(left|right|front|back)(?:[- ]hand)? side\b(?! of\b)", r"\1 to the \2", text)
