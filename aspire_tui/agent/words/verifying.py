"""A protocol's checks of its own work: "Verify that the ball is in the tray", "Confirm the bowl was not moved",
"Check the tower stands". A check of a state of named objects asks that state, as "make sure" does; a check that
names no object ("verify the tower is stable") only looks at the work done, and asks nothing more."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

CHECK = re.compile(r"(^|[.;!?:]\s*|\bthen\s+|\d[.)]\s*)(?:please\s+)?(?:verify|confirm|check|double[- ]check|"
                   r"visually (?:verify|confirm|check))(?: (?:that|whether|if))?\s+([^.;!?]*)")

# the verb of a state checked ("... is in the tray", "... has not moved", "... remains where it was")
STATE = re.compile(r"\b(?:is|are|was|were|has|have|remains?|stays?|sits?|stands?|rests?|lies|still)\b|'(?:s|re)\b")


def verifying(text: str) -> str:
    """``text`` (lower case) with each check opening a sentence or step said as "make sure", or dropped when it
    names no object."""
    return CHECK.sub(_check, text)


def _check(m: re.Match) -> str:
    said = re.findall(r"[a-z]+", m.group(2))
    if not any(vocab.kind_of(w) or vocab.color_of(w) for w in said) and "it" not in said and "they" not in said:
        return m.group(1)  # "verify both placements", "check the tower is stable": a look at the work done
    if not STATE.search(m.group(2)):
        return m.group(0)  # "check the red block": a look at an object, with no state to make sure of
    return f"{m.group(1)}make sure that {m.group(2)}"
