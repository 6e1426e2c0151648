"""An engineer's terse notes around a task, said plainly: "Necessary to place red cube into bowl", "It is
required to push ...", "Lifting is forbidden", "with its help", "at distance 15 cm", and remarks on tolerances
("Precision not critical", "Orientation is not important") that ask nothing of where things go."""

from __future__ import annotations

import re

# "(it is) necessary to place ...": the task, said as a need
_NEEDED = re.compile(r"(^|[.;!?:]\s*|\band\s+)(?:it\s+is\s+|it's\s+)?(?:necessary|required|needed|obligatory|mandatory|"
                     r"essential)\s+to\s+(?=[a-z])")
# "lifting is forbidden", "lifting not allowed": never lifted (the object is the one the task moves: "it")
_NO_LIFTING = re.compile(r"(?:^|(?<=[.;!?:])|(?<=,))\s*(?:the\s+)?(?:lifting|picking up|raising)(?:\s+(?:it|them|of (?:the )?"
                         r"(?:cube|block|ball|object)s?))?\s+(?:is\s+|are\s+)?(?:forbidden|prohibited|not (?:allowed|"
                         r"permitted)|disallowed|banned)(?=\s*(?:[.;!?]|$))")
# a remark on a tolerance: "precision not critical", "accuracy is not important", "orientation does not matter"
_TOLERANCE = re.compile(r"(?:^|(?<=[.;!?]))\s*(?:(?:the|final)\s+)?(?:precision|accuracy|orientation|rotation|speed|"
                        r"exact (?:position|placement|spot)|tolerance|timing)\s+(?:is\s+)?(?:not\s+|does not\s+)?"
                        r"(?:critical|important|essential|relevant|required|matter|matters|strict)(?:\s+here)?"
                        r"\s*(?=[.;!?]|$)")


# a tolerance given as a figure: "Tolerance 1 cm.", "accuracy: +/- 5 mm"
_TOLERANCE_FIGURE = re.compile(r"(?:^|(?<=[.;!?]))\s*(?:tolerance|accuracy|precision|allowed error|error)\s*(?:is\s+|of\s+|:\s*)?"
                               r"(?:±|\+/-|\+-)?\s*\d+(?:\.\d+)?\s*(?:cm|mm|m)\s*(?=[.;!?]|$)")


def spec_remarks(text: str) -> str:
    """``text`` (lower case) with an engineer's notes said plainly (see the module)."""
    t = _NEEDED.sub(r"\1", text)
    t = _NO_LIFTING.sub(" without lifting it", t)
    t = _TOLERANCE_FIGURE.sub("", _TOLERANCE.sub("", t))
    t = re.sub(r"\bwith (?:its|their) help\b", "with it", t)  # "take hook and with its help pull the ball closer"
    # "at distance 15 cm left of plate", "on distance 10 cm": how far, as "at a distance of" says
    return re.sub(r"\b(?:at|on) distance(?: of)?(?=\s+\d)", "at a distance of", t)
