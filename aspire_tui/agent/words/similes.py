"""How a move is like another one ("..., like pulling weeds", "..., the way you'd drop a seed in its hole"):
a comparison with another doing says how to go about it, never where things end up, so it asks nothing.
A comparison with a thing ("like a smiley") may say what shape is asked and is left to be read or refused."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# "like pulling weeds", "just like easing a seedling over", "the way you'd plant a bulb": to the sentence's end,
# or to the colon after one said first ("like sorting laundry: ...")
# (not a wish: "I'd like putting ..." says what is asked)
SIMILE = re.compile(r"(?<!would)(?<!'d)(?<!\bi)(?<!\bwe)(?<!\byou)(?<!\bthey)\s*,?\s*\b"
                    r"(?:(?:just |much |a bit |rather )?like (?=[a-z]+ing\b)|"
                    r"the (?:same )?way (?:you|one|we|i|people)(?:'d| would| do| does| might| always| used to)? "
                    # "..., as you would sort returns": the same comparison said with "as"
                    r"|(?:just |much )?as (?:you|one|we|i|people)(?:'d| would| do| might) (?=[a-z]+ [a-z]))"
                    r"[^.;:!?]*:?")
# "..., like books on a shelf", "like the four legs of my kitchen table": things of another kind set the way the
# objects are to be, said after the words that say where; a comparison with one thing ("like a caterpillar")
# may say a shape, and stays
MANY_LIKE = re.compile(r"\s*,?\s*\b(?:just |much |rather )?like (?:(?:the|some|my|your|our|his|her|their|"
                       r"\d+|two|three|four|five|six|old|little|big) )*([a-z]+ )?([a-z]+s|feet|teeth|geese|mice|children|people|men|women)\b"
                       r"(?= (?:on|in|of|at|along|around|on top of|inside) )[^.;:!?]*:?")


# ", like soldiers,": many things likened to, set off by commas in the middle of the words
LIKE_A_CROWD = re.compile(r"\s*,\s*(?:just |much |rather )?like (?:(?:the|some|a few|two|three|four) )*([a-z]+ )?"
                          r"([a-z]+s)\b(?=\s*,)")
# "..., as lovers lie near", "..., as soldiers stand": others doing the same, said after the task
LIKE_OTHERS = re.compile(r"\s*,\s*(?:just |much )?as (?:the |two )?[a-z]+s (?:[a-z]+ ){0,2}?(?:do|does|did|lie|lay|sit|"
                         r"sat|stand|stood|rest|sleep|march|dance|gather|wait)\b[^.;:!?]*")

# "..., like you own the place", "like you mean it", "like a boss": how the person would have it done, with swagger
LIKE_YOU_MEAN_IT = re.compile(r"\s*,?\s*\b(?:just )?like (?:(?:you|ya|u)(?:'re| are| own| mean| got| have| know)\b|"
                              r"a (?:boss|pro|champ|legend|king|queen|star)\b)[^.;:!?,]*")


def without_similes(text: str) -> str:
    """``text`` (lower case) without the comparisons of the move with another doing, or with many other things."""
    text = LIKE_YOU_MEAN_IT.sub("", text)
    text = LIKE_OTHERS.sub("", LIKE_A_CROWD.sub(_many_like, text))
    return MANY_LIKE.sub(_many_like, SIMILE.sub("", text))


def _many_like(m: re.Match) -> str:
    """Nothing for a comparison with many things of no kind the simulator makes, said after a clause; the words
    as they were when the things are the simulator's ("like the blocks in the bowl") or open the sentence."""
    said = [w for w in (m.group(1) or "", m.group(2)) if w.strip()]
    opening = not m.string[:m.start()].strip() or m.string[:m.start()].rstrip()[-1] in ".;:!?"
    if opening or any(vocab.kind_of(w.strip()) or vocab.color_of(w.strip()) for w in said):
        return m.group(0)
    return ""
