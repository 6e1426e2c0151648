"""A group said first, then one of it: "of the two red blocks, move the one on the left into the bowl". The
group names what "one" is; read as it stands, the group would be moved too."""

from __future__ import annotations

import re

# "of the two red blocks, ", "out of the three balls, ", "among the cubes, ": at the start of a sentence
GROUP_FIRST = re.compile(r"(^|[.;!?]\s*)(?:of|out of|from among|among|from) the (?:(?:two|three|four|five|six|both|"
                         r"\d+) )?((?:[a-z]+ )?)([a-z]+?)(es|s)\s*,\s*")
# "the one", "the left one", "the biggest one": the one of the group the words pick
ONE = re.compile(r"\bthe (?:([a-z]+) )?one\b(?!\s+of\b)")
# "put one in the bowl", "move two to the plate": that many of the group, any of them
COUNTED = re.compile(r"\b(put|move|place|take|pick up|grab|set|drop|push|slide|stack) (one|two|three|four)\b(?!\s+of\b)")


def _singular(word: str, ending: str) -> str:
    # "boxes" -> "box", "dishes" -> "dish"; "cubes" -> "cube" keeps its own "e"
    return word if ending == "es" and re.search(r"(x|sh|ch|ss)$", word) else word + ending[:-1]


def partitives(text: str) -> str:
    """``text`` with "one" after a group said first written as the group's own words ("the red block on the left",
    "one of the red blocks")."""
    m = GROUP_FIRST.search(text)
    if m is None:
        return text
    rest = text[m.end():]
    phrase = m.group(2) + _singular(m.group(3), m.group(4))
    picked = ONE.search(rest)
    if picked is not None:
        said = f"the {picked.group(1)} {phrase}" if picked.group(1) else f"the {phrase}"
        return text[:m.start()] + m.group(1) + rest[:picked.start()] + said + rest[picked.end():]
    counted = COUNTED.search(rest)
    if counted is not None:
        said = f"{counted.group(1)} {counted.group(2)} of the {m.group(2)}{m.group(3)}{m.group(4)}"
        return text[:m.start()] + m.group(1) + rest[:counted.start()] + said + rest[counted.end():]
    return text
