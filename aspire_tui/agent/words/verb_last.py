"""A clause with its verb said last, as German orders a clause that hangs off a noun: "the yellow block, which in
the red bowl lies, ..." is "the yellow block, which lies in the red bowl, ..."; the verb is moved after
"which" so the clause reads as a state of that object. A participle said after what it governs ("the red one
excepted") is moved before it too, and a passive's helper said last ("placed become") is dropped."""

from __future__ import annotations

import re

# how an object is where it is, said last in the clause
BEING = r"(?:lies|lie|sits|sit|stands|stand|rests|rest|is|are|was|were|lay|sat|stood)"
# how far off it is ("which too far lies")
FAR = r"(?:too far(?: away)?|far away|out of reach|beyond reach|out of range)"
# the places such a clause names
WHERE = (r"(?:in|inside|into|on|upon|on top of|atop|under|beneath|next to|beside|behind|in front of|near|left of|"
         r"right of|to the left of|to the right of|at)")


def verb_last(text: str) -> str:
    """``text`` (lower case) with each "which/that <place> <is>" said as "which <is> <place>", and "<object>
    excepted" ("..., the red one excepted") said as "except <object>"."""
    text = re.sub(r"\s*,?\s*\b((?:the|a|an) [a-z]+(?: [a-z]+)?) (?:excepted|excluded|exempted)\b", r" except \1", text)
    # "the cube shall on the plate placed become": the passive's helper said last (German "werden"), which asks
    # nothing more than "placed" does (not a change of the cube into something)
    text = re.sub(r"\b(placed|put|set|laid|stacked|moved|pushed|brought|lain|stood) (?:become|becomes|be|get|gets)"
                  r"(?=\s*(?:[,;.!?]|$))", r"\1", text)
    return re.sub(rf"\b(which|that|who) ({WHERE} [^,;.!?]+?|{FAR}) ({BEING})(?=\s*[,;.!?]|\s*$)", r"\1 \3 \2", text)
