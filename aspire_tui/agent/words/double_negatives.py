"""Negations that cancel out: "don't not put the ball in the bowl" asks the putting, "don't leave the ball
anywhere but in the bowl" (or "I won't have it anywhere except ...") asks it in the one place left, and "no
block except the red one may move" forbids it of every block but the red one."""

from __future__ import annotations

import re

# a negated verb ("do not", "won't"); `tagging` has already spelled out "n't" after do, should, would, ...
NEGATED = r"(?:do not|does not|did not|dont|will not|won't|would not|should not|must not|never)"
# "anywhere but", "anywhere except for", "any place other than": every place save one
ANYWHERE_BUT = r"(?:anywhere|any place|anyplace|anywhere else) (?:but|except|except for|other than|apart from|save)"


def double_negatives(text: str) -> str:
    """The text with negations that cancel said plainly: "do not not X" as "X", and "don't leave/want/have the
    ball anywhere but in the bowl" as "the ball should be in the bowl"."""
    text = re.sub(rf"\b{NEGATED} not\s+", "", text)

    def only_place(m: re.Match) -> str:
        # "anywhere but the front right corner": the place said bare is where it is
        at = "at " if re.match(r"(?:the|a|an)\b", m.group(2)) else ""
        return f"{m.group(1)} should be {at}{m.group(2)}"

    text = re.sub(rf"\b(?:(?:i|we) )?{NEGATED} (?:want|have|leave|put|place|set|keep|let|see)\s+(.+?)\s+"
                  rf"(?:(?:to )?(?:be|go|sit|end up|stay)\s+)?{ANYWHERE_BUT}\s+(\w+)", only_place, text)

    def all_but(m: re.Match) -> str:
        kind = m.group(1) if m.group(1).endswith("s") else m.group(1) + "s"
        return f"all the {kind} except {m.group(2)} should not "

    # "no ball but the red one should move": every ball but the red one should not
    return re.sub(r"\bno ([a-z]+) (?:except|except for|but|other than|apart from|save) (.+?) (?:should|must|may|can|"
                  r"could|will|shall|is to|are to|is allowed to|gets to)\s+", all_but, text)
