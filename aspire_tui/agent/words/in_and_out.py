"""One object asked both in a holder and out of it: "put the red block in the bowl and also outside the bowl", "on
the plate and off the plate". The second place is the first one denied ("and not in the bowl"), so the goal is
seen to contradict itself rather than read as where the object comes from."""

from __future__ import annotations

import re

INSIDE = {"in": "in", "into": "in", "inside": "in", "inside of": "in", "on": "on", "onto": "on", "on top of": "on"}
_TAIL = r"(?:can|please|too|also|as well)"  # words closing the ask
IN_AND_OUT = re.compile(r"\b(in|into|inside(?: of)?|on|onto|on top of) ((?:(?:the|a|an) )?(?:[a-z]+ )?[a-z]+)"
                        r"(\s*,?\s*(?:and|but)(?: also)?) (?:out of|outside(?: of)?|off(?: of)?|away from) "
                        rf"((?:(?:the|a|an) )?(?:[a-z]+ )?(?!{_TAIL}\b)[a-z]+)(?=\s*(?:[.,;!?]|$|\b{_TAIL}\b))")


def in_and_out(text: str) -> str:
    """``text`` (lower case) with "in X and out of X" said as "in X and not in X"."""
    return IN_AND_OUT.sub(_denied, text)


def _denied(m: re.Match) -> str:
    first, second = (re.sub(r"^(?:the|a|an) ", "", m.group(k)).split() for k in (2, 4))
    # the same holder said again, the colour left out or said the same ("in the blue bowl and out of the bowl")
    same = first[-1] == second[-1] and (len(second) == 1 or second == first) and first[-1] not in ("table", "floor")
    if not same:
        return m.group(0)
    return f"{m.group(1)} {m.group(2)}{m.group(3)} not {INSIDE[m.group(1)]} {m.group(2)}"
