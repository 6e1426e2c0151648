"""Where an object was moved from, told as how things came to be: "the cube was moved from the plate into the
bowl", "someone took the ball from the tray to the plate". "from" there is the place it left, said as "off the
plate" or "out of the tray", so that the place is a start state ("not(on(cube, plate))") that "put it back" can
return it to, never a destination. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# what says the move was done already: a passive ("was moved"), or someone who did it ("someone put")
DONE = r"\b(?:was|were|got|has been|have been|had been|someone|somebody)\b"


@functools.lru_cache(maxsize=1)
def _from_a_place() -> re.Pattern:
    colours = "|".join(sorted({w for ws in vocab.COLORS.values() for w in ws if " " not in w}, key=vocab.longest_first))
    kinds = "|".join(sorted({w for ws in vocab.KINDS.values() for w in ws if " " not in w}, key=vocab.longest_first))
    # "from the (red) plate" after what says it is done, before where it went ("into the bowl", "to the tray")
    return re.compile(rf"({DONE}[^.;!?]*?)\bfrom ((?:the |a |an )?(?:(?:{colours}) )?({kinds}))\b"
                      rf"(?=[^.;!?]*?\b(?:in|into|onto|on|to|inside)\b)")


# "got moved", "got left": a passive said with "got", as "was moved"
GOT_PASSIVE = re.compile(r"\bgot (?=(?:moved|put|placed|taken|shifted|dropped|knocked|pushed|tossed|thrown|left|"
                         r"stuck|set|popped|shoved|carried)\b)")
# "put it back where it was", "... where it came from": back to the place it left, which "back" says already
WHERE_IT_WAS = re.compile(r"\b(back)\s+(?:to\s+)?(?:where|to where) (?:it|they) (?:was|were|came from|started|"
                          r"started out|had been|used to be|belongs?)\b(?: before)?")


# where an object was before, said in the past before it is put back ("the ball was in the bowl; put it back")
WAS_THERE = re.compile(r"\b(?:was|were|used to be|had been) (in|inside|on|on top of) (?=(?:the|a|an|its|their) )")
# what puts it back: "put it back", "set the ball back" (no place after "back" but a stop or the end)
PUT_BACK = re.compile(r"\b(?:put|place|set|pop|stick)\b[^.;!?]*\bback\b(?=\s*(?:[.;!?,]|$|where\b|please\b|again\b))")


def moved_from(text: str) -> str:
    """``text`` with the place a move already done started from said as the place the object left ("got moved"
    as "was moved"; "was in the bowl" before "put it back" as taken out of it), and "back where it was" after it
    as "back"."""
    text = GOT_PASSIVE.sub("was ", text)
    if (back := PUT_BACK.search(text)) is not None:
        # "the ball was in the bowl; put it back": where it was is the place it left, which "back" returns it to
        text = WAS_THERE.sub(lambda m: "was taken out of " if m.group(1) in ("in", "inside") else "was taken off ",
                             text[:back.start()]) + text[back.start():]
    if re.search(rf"{DONE}[^.;!?]*\b(?:off|out of|from|into|in|onto|on|to)\b[^.;!?]*[.;!?,]", text):
        # a move done already is told, so "back" undoes it (to the place it left, where that is said); said of
        # nothing, "back where it was" is where it starts, and stays so
        text = WHERE_IT_WAS.sub(r"\1", text)
    return _from_a_place().sub(_left, text) if "from" in text else text


def _left(m: re.Match) -> str:
    """"from the plate" as "off the plate", "from the tray" as "out of the tray"."""
    kind = vocab.kind_of(m.group(3))
    return f"{m.group(1)}{'out of' if kind in vocab.CONTAINERS else 'off'} {m.group(2)}"
