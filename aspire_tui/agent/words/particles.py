"""Taking a thing out, said in the other common orders: the particle before the object ("take out the cube
from the bowl", "take off the ball from the plate") or no particle at all ("take the cube from the bowl." with
nowhere to put it), said as "take the cube out of the bowl". Takes text (lower case) and gives text."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# the object taken: an object, a group or a count, up to "from"
THING = r"((?:the|a|an|all|both|every|each|\d+)\b[^.;!?,]*?)"
# what it is taken from: a thing that holds or bears others ("from the bowl", never "from the left")
HOLDER = "|".join(w for k in vocab.CONTAINERS + vocab.SURFACES + vocab.SUPPORTS for w in vocab.KINDS[k])
# "take out the cube from the bowl": the particle before the object
PARTICLE_FIRST = re.compile(rf"\b(take|get|lift|pull) (out|off) {THING} from(?= (?:the|a|an|that|this) (?:[a-z]+ )?"
                            rf"(?:{HOLDER})\b)")
# "take the cube from the bowl." with nothing after it: taken out of it
NOWHERE_AFTER = re.compile(rf"\b(take|get) {THING} from ((?:the|a|an|that|this) (?:[a-z]+ )?(?:{HOLDER}))"
                           r"(?=\s*(?:$|[.;!?]))")


def particles(text: str) -> str:
    """The text with each thing taken out said as "take <thing> out of (off) <place>"."""
    text = PARTICLE_FIRST.sub(lambda m: f"{m.group(1)} {m.group(3)} {'out of' if m.group(2) == 'out' else 'off'}",
                              text)
    return NOWHERE_AFTER.sub(r"\1 \2 out of \3", text)
