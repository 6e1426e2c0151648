"""Words a voice transcript hears for others that sound the same ("write" for "right", "read" for "red",
"too" for "two", "for" for "four"), read as meant only where the word meant is the one that fits; and
punctuation said aloud ("comma", "full stop"), read as the mark."""

from __future__ import annotations

from sim import vocabulary as vocab

# sound-alikes of "right", read as the side where a side goes: "to the write of", "the back write corner"
SIDE_SOUNDS = ("write", "rite", "wright")
SIDE_BEFORE = ("to", "back", "front", "far", "bottom", "top", "on", "at", "towards", "toward", "the")
SIDE_AFTER = ("of", "corner", "corners", "side", "edge", "hand", "end")
# ... or "right" that says "just" before where: "write next to the bowl", "write in the middle"
JUST_BEFORE = ("next", "beside", "behind", "in", "on", "at", "by", "into", "onto", "under", "above", "against",
               "there", "here", "up")
# punctuation said aloud in dictation
SAID_MARKS = {"comma": ",", "period": ".", "semicolon": ";"}
# sound-alikes of colours, read as the colour right before a thing: "the read block", "the blew ball"
COLOUR_SOUNDS = {"read": "red", "blew": "blue"}
# sound-alikes of numbers, read as the number before a unit ("for centimetres") or, for "too", before things
NUMBER_SOUNDS = {"for": "four", "fore": "four", "to": "two", "too": "two", "ate": "eight", "won": "one"}


def heard(words: list[str]) -> list[str]:
    """The words with each sound-alike read as the word its place asks for; a word where it makes sense as
    itself ("write", "read" opening a clause, "go to the bowl") stays."""
    out = list(words)
    for k, w in enumerate(words):
        prev = words[k - 1] if k > 0 else ""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w in SIDE_SOUNDS and (prev in SIDE_BEFORE or nxt in SIDE_AFTER + JUST_BEFORE):
            out[k] = "right"
        elif k > 0 and (w in SAID_MARKS or (w, nxt) == ("full", "stop") or (prev, w) == ("full", "stop")):
            out[k] = SAID_MARKS.get(w, ".")  # "... the plate full stop then ...": both words the one mark
        elif w in COLOUR_SOUNDS and k > 0 and (vocab.kind_of(nxt) or nxt in ("one", "ones")):
            out[k] = COLOUR_SOUNDS[w]
        elif w in NUMBER_SOUNDS and (nxt in vocab.UNITS or w == "too" and _many_of_a_kind(nxt)):
            out[k] = NUMBER_SOUNDS[w]
        elif w == "too" and prev in TO_BEFORE and (nxt in TO_AFTER or vocab.kind_of(nxt) or vocab.color_of(nxt)):
            out[k] = "to"  # "next too the bowl", "from left too right"
        elif w in THING_SOUNDS and prev in THING_BEFORE and (not nxt or nxt in (",", ".", ";", "and", "then", "but")):
            out[k] = THING_SOUNDS[w]  # "put the ball in the try": autocorrect's word for the thing
    return out


# "too" typed for "to" between words that take "to": "next too the bowl", "left too right"
TO_BEFORE = ("next", "close", "closer", "near", "nearer", "left", "right", "front", "back", "up", "go", "move")
TO_AFTER = ("the", "a", "an", "it", "them", "left", "right", "front", "back", "bottom", "top")
# real words autocorrect puts for a thing's name ("in the try"), read as the thing after "in", "on", ...
THING_SOUNDS = {"try": "tray", "trey": "tray", "bowel": "bowl", "bowels": "bowls", "plait": "plate"}
THING_BEFORE = ("in", "into", "inside", "on", "onto", "to", "from", "of", "near", "beside")


def _many_of_a_kind(word: str) -> bool:
    """Whether ``word`` names things of a kind in the plural ("blocks", "cubes")."""
    return any(word in vocab.plurals(name) for names in vocab.KINDS.values() for name in names)
