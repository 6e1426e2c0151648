"""An object picked out by the landmark it is by: "put the block by the plate into the bowl", "stack it on the cube
by the tray", "drive to the marker by the crate". Said of an object that is then sent somewhere else, or of the
object something is sent to, "by" picks the one of its kind closest to the landmark, as "the block closest to the
plate" does; said last, of the object moved ("put the block by the plate"), it is where the object goes."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS
from sim import vocabulary as vocab

# the words that say where an object goes: after the landmark, the object before "by" is the one moved; right
# before the object, the object is where something goes
PLACE_WORDS = ("into", "in", "inside", "onto", "on top of", "on", "atop", "to", "toward", "towards", "next to",
               "beside", "behind", "in front of", "left of", "right of", "near", "under", "against", "at")

# "put the block by the plate on the left": a side said alone after the landmark is the side of it the object goes
SIDES = "left|right|front|back|far|near|rear"


def landmarks(text: str) -> str:
    """``text`` (lower case, articles kept) with "the X (that is) by the Y" said as "the X closest to the Y" where it
    picks an object out (see the module)."""
    sent_to, moved_on = _by()
    text = sent_to.sub(lambda m: f"{m.group(1)}{m.group(2)} closest to the ", text)
    return moved_on.sub(lambda m: f"{m.group(1)} closest to the ", text)


@functools.lru_cache(maxsize=1)
def _by() -> tuple[re.Pattern, re.Pattern]:
    nouns = "|".join(sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                            | {"one"}, key=vocab.longest_first))
    colours = "|".join(vocab.color_words())
    places = "|".join(sorted(PLACE_WORDS, key=vocab.longest_first))
    thing = rf"(?:(?:{colours}) )?(?:{nouns})"
    said = rf"(the {thing}) (?:that is |that's |which is )?by the "
    # "... on top of the block by the plate": the object something is sent to
    sent_to = re.compile(rf"\b((?:{places}) ){said}(?={thing}\b)")
    # "the block by the plate into the bowl", "take the block by the plate and ...": the object sent elsewhere
    verbs = "|".join(sorted({w for words in VERBS.values() for w in words}, key=vocab.longest_first))
    # "on the left (side)", never "on the left side of": a side of the landmark, where the object goes
    side_of_it = rf"the (?:{SIDES})(?:[- ]hand)?+(?: side)?+\b(?! of\b)"
    moved_on = re.compile(rf"{said}(?={thing}\s*,?\s+(?:(?:{places})\b(?! {side_of_it})|and (?:then )?(?:{verbs})\b))")
    return sent_to, moved_on
