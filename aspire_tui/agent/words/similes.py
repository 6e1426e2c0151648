"""How a move is like another one ("..., like pulling weeds", "..., the way you'd drop a seed in its hole"):
a comparison with another doing says how to go about it, never where things end up, so it asks nothing.
A comparison with a thing ("like a smiley") may say what shape is asked and is left to be read or refused."""

from __future__ import annotations

import re

# "like pulling weeds", "just like easing a seedling over", "the way you'd plant a bulb": to the sentence's end,
# or to the colon after one said first ("like sorting laundry: ...")
# (not a wish: "I'd like putting ..." says what is asked)
SIMILE = re.compile(r"(?<!would)(?<!'d)(?<!\bi)(?<!\bwe)(?<!\byou)(?<!\bthey)\s*,?\s*\b"
                    r"(?:(?:just |much |a bit |rather )?like (?=[a-z]+ing\b)|"
                    r"the (?:same )?way (?:you|one|we|i|people)(?:'d| would| do| does| might) )[^.;:!?]*:?")


def without_similes(text: str) -> str:
    """``text`` (lower case) without the comparisons of the move with another doing."""
    return SIMILE.sub("", text)
