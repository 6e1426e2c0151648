"""A tower written level by level, as a spec lists it: "bottom: yellow, middle: purple, top: orange" is the
orange block on the purple block on the yellow block."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# the words for a level of a tower, lowest first: 0 the bottom, 1 one in between, 2 the top
LEVELS = {"bottom": 0, "base": 0, "lowest": 0, "middle": 1, "mid": 1, "center": 1, "centre": 1,
          "top": 2, "topmost": 2, "highest": 2, "uppermost": 2}
# a level said as a spec ("top: red") or as a description ("the top one red", "the top block is red")
LEVEL = re.compile(r"(?:\s*[\n,;]\s*(?:and\s+)?|^\s*|\s+(?:and\s+)?)(?:[-*•]\s*)?(?:the\s+)?(?P<level>" +
                   "|".join(LEVELS) + r")(?:\s+(?:block|cube|level|layer|one))?"
                   r"(?:\s*[:=]\s*|\s+(?:is|should be|must be|has to be|needs to be|will be|being)\s+|\s+)"
                   r"(?:the\s+)?(?P<color>[a-z]+)(?:\s+(?P<kind>blocks?|cubes?))?(?=\s*(?:[\n,;.]|and\b|$))")


# an object said to crown or cap a tower is at its top: "the pink block crowning the tower", "... crowning it"
CROWNING = re.compile(r"\b(?:crowning|crowns|crowned|capping|caps|capped|topping|tops|topped) (?:off )?(?:(?:the|this|that|"
                      r"our|a|its|their) (?:tower|stack|pile)|it)\b")


# "stack them all up" opening the words, where "them" stands for nothing said before: every block
STACK_THEM_ALL = re.compile(r"^(\s*(?:please\s+)?(?:stack|pile))\s+(?:them|em|'em)\s+all\b")


def tower_levels(text: str) -> str:
    """``text`` (lower case) with a tower said level by level (a bottom and a top, each with a colour) said as
    one object on the next, top first, where its first level was; an object crowning the tower is on top."""
    text = STACK_THEM_ALL.sub(r"\1 all the blocks", CROWNING.sub("on top", text))
    found = [m for m in LEVEL.finditer(text) if vocab.color_of(m.group("color"))]
    levels = [LEVELS[m.group("level")] for m in found]
    if 0 not in levels or 2 not in levels or levels.count(0) > 1 or levels.count(2) > 1:
        return text
    order = sorted(found, key=lambda m: -LEVELS[m.group("level")])  # top first; levels between in the order said
    tower = " on ".join(m.group("color") for m in order)  # colours alone: a tower is of blocks
    out, last = [], 0
    for k, m in enumerate(found):
        # "stack three cubes with the top one red, ...": the levels said after "with" are the tower's order
        out.append(re.sub(r"\s+with\s*$", "", text[last:m.start()]) if k == 0 else text[last:m.start()])
        if k == 0:
            out.append(f" , {tower}")
        last = m.end()
    return "".join(out) + text[last:]
