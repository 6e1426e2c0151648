"""A French speaker's verbs carried into English: "pose the cube on the plate" (poser), "superpose the yellow cube on
the blue" (superposer), "range each cube in its bowl" (ranger), "aside the bowl" (à côté de). Said in English,
what they ask is read."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# what a verb is said of
SAID_OF = r"(?:the|a|an|all|every|each|both|it|them|that|this|those|these|one|two|three|four|\d+)\b"


def french_calques(text: str) -> str:
    """``text`` (lower case) with a French speaker's verbs said in English."""
    opens = r"(^|[.;!?,:]\s*|\b(?:then|and|please|kindly|first|you)\s+)"
    # "pose the blue cube upon the red", "superpose the yellow cube on the blue": put it there, one on the other
    text = re.sub(rf"\b(?:pose|superpose)(?= {SAID_OF})", "put", text)
    # "dispose the cubes in line" (disposer): set them out ("dispose of" throws away)
    text = re.sub(rf"\bdispose(?= {SAID_OF})", "arrange", text)
    # "the corner back left", "the corner left front" (le coin arrière gauche): the back left corner
    text = re.sub(r"\bthe corner (front|back) (left|right)\b", r"the \1 \2 corner", text)
    text = re.sub(r"\bthe corner (left|right) (front|back)\b", r"the \2 \1 corner", text)
    # "reunite all the cubes in the corner" (réunir): gather them there
    text = re.sub(rf"\breunite(?= {SAID_OF})", "gather", text)
    # "push it in direction of the zone" (en direction de): towards it; "excepted the red" (excepté): except
    text = re.sub(r"\bin (?:the )?direction (?:of|to) ", "towards ", text)
    text = re.sub(r"\bexcepted(?= (?:the|a|an)\b)", "except", text)
    # "range each cube in the bowl": put away, where it is said to go ("within range" stays)
    text = re.sub(rf"{opens}range(?= {SAID_OF})", r"\1put", text)
    # "in bottom the red, in top the blue" (en bas, en haut): the level said first, before the block on it (opening
    # a part of a list: "the red at the bottom, the blue on top" stays)
    text = re.sub(r"\bin (?:the )?bottom\b", "at the bottom", text)
    text = re.sub(r"\bin (?:the )?top\b(?! of)", "on top", text)
    text = re.sub(rf"((?:^|[:;,]\s*|\b(?:and|then)\s+))(at the (?:bottom|base|top)|on (?:the )?top|in the middle),? "
                  rf"((?:the )?(?:{_colours()})(?: one| cube| block| ball)?)\b", r"\1\3 \2", text)
    # "then the red cube at its left" (à sa gauche): beside the one named before, on that side
    text = re.sub(r"(?<!corner )\bat (?:its|his|her) (left|right)\b(?![- ]hand)", r"to the \1 of it", text)
    # "just in front the plate" (devant): in front of it
    text = re.sub(r"\bin front (?=(?:the|a|an)\b)", "in front of ", text)
    # "the cube the more near of the bowl" (le plus près de): the nearest; "the most far of": the farthest
    text = re.sub(r"\bthe (?:more|most) (?:near|close)(?: (?:of|to|from))?\b", "nearest to", text)
    text = re.sub(r"\bthe (?:more|most) far(?: (?:of|from))?\b", "farthest from", text)
    # "set the blue cube aside the yellow bowl": beside it ("set it aside" alone puts it out of the way)
    return re.sub(r"\baside (?:of )?(?=(?:the|a|an|it|them)\b)", "beside ", text)


@functools.lru_cache(maxsize=1)
def _colours() -> str:
    return "|".join(vocab.color_words())
