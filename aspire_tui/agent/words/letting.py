"""Letting an object rest, sit or settle somewhere puts it there: "let the ball rest on the plate" is "put the
ball on the plate", and so is a clause joined to it that leaves the "let" unsaid ("..., and the cube sit on
it")."""

from __future__ import annotations

import re

# how an object comes to be somewhere when let: never a move of its own ("let the ball roll" is a push)
RESTING = r"(?:rest|sit|settle|stand|lie|sink|nestle|perch|dwell|abide|repose|linger|descend|stay)"
# where it is let be
WHERE = (r"(?=(?:on|in|into|onto|upon|inside|within|on top of|atop|beside|next to|behind|near|against|left|right|"
         r"in front)\b)")
OBJECT = r"((?:the|a|an|all|both|every|each|all the) [a-z ]+?)"


def letting(text: str) -> str:
    """``text`` (lower case) with each object let rest somewhere said as put there."""
    out = re.sub(rf"\blet {OBJECT} {RESTING} {WHERE}", r"put \1 ", text)
    # "beside the bowl, let the cube abide": the place said first, the object let rest there at the clause's end
    out = re.sub(rf"^(\s*{WHERE}[^,;.!?]+?,?\s+)let {OBJECT} {RESTING}(?=\s*(?:[.;!?]|$))", r"\1put \2", out)
    # "let every cube find the bowl of its colour": an object let find a place goes into it
    out = re.sub(rf"\blet {OBJECT} find (?=(?:the|its|their|a|an) )", r"put \1 into ", out)
    if out == text:
        return text
    # "let A rest on B, and B rest on C": the second object is let rest too
    return re.sub(rf"(,\s*and|\band|,)\s+{OBJECT} {RESTING} {WHERE}", r"\1 put \2 ", out)
