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


# a level said after its colour, as a note lists it: "yellow base, green mid, red top"
COLOUR_FIRST = re.compile(r"(?:\s*[\n,;:]\s*(?:and\s+)?|^\s*)(?:the\s+)?(?P<color>[a-z]+)(?:\s+(?:block|cube))?\s+"
                          r"(?P<level>" + "|".join(LEVELS) + r")(?=\s*(?:[\n,;.]|and\b|$))")


# an object said to crown or cap a tower is at its top: "the pink block crowning the tower", "... crowning it"
CROWNING = re.compile(r"\b(?:crowning|crowns|crowned|capping|caps|capped|topping|tops|topped) (?:off )?(?:(?:the|this|that|"
                      r"our|a|its|their) (?:tower|stack|pile)|it)\b")


# "stack them all up", "stack em up" opening the words, where "them" stands for nothing said before: every block
STACK_THEM_ALL = re.compile(r"^(\s*(?:please\s+)?(?:stack|pile))\s+(?:them|em|'em)\s+all\b")


# "bottom is black cube, on it white cube": the level above the one said before it, said as "on it"
ON_IT = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:then\s+)?(?:on (?:top of )?(?:it|that|this)|above (?:it|that))\s*,?\s+"
                   r"(?:the\s+)?(?P<color>[a-z]+)(?:\s+(?:block|cube))?(?=\s*(?:[\n,;.]|and\b|$))")


def _levels_on_it(text: str) -> str:
    """``text`` with each level said as "on it" after a bottom one named by its level: a middle one, and the last
    the top ("bottom: black, on it white" as "bottom: black, top: white")."""
    bottom = next((m for m in LEVEL.finditer(text) if LEVELS[m.group("level")] == 0 and
                   vocab.color_of(m.group("color"))), None)
    if bottom is None or any(LEVELS[m.group("level")] == 2 for m in LEVEL.finditer(text)):
        return text
    above = [m for m in ON_IT.finditer(text, bottom.end()) if vocab.color_of(m.group("color"))]
    out, last = [], 0
    for k, m in enumerate(above):
        out += [text[last:m.start()], f", {'top' if k == len(above) - 1 else 'middle'}: {m.group('color')}"]
        last = m.end()
    return "".join(out) + text[last:]


def tower_levels(text: str) -> str:
    """``text`` (lower case) with a tower said level by level (a bottom and a top, each with a colour) said as
    one object on the next, top first, where its first level was; an object crowning the tower is on top."""
    text = STACK_THEM_ALL.sub(r"\1 all the blocks", CROWNING.sub("on top", text))
    # "a cube tower", "block stack": a tower, which is of blocks
    text = re.sub(r"\b(?:block|cube)[- ](tower|stack|pile)\b(?!\s*(?::|of\b))", r"\1", text)
    text = _levels_on_it(text)
    # "the green block goes at the bottom, then the red block on top of it": "then" says the next level up, of the
    # one tower, not a step apart from it
    text = re.sub(r"\b((?:at|on) the (?:very )?bottom|as the base)\s*,\s*(?:and )?then\s+(?=(?:the )?[a-z]+ (?:block|cube|one)"
                  r" (?:goes )?(?:on top of|on|onto|above) (?:it|that|this)\b)", r"\1, ", text)
    found = [m for m in LEVEL.finditer(text) if vocab.color_of(m.group("color"))]
    levels = [LEVELS[m.group("level")] for m in found]
    if 0 not in levels or 2 not in levels:  # "yellow base, green mid, red top": each colour before its level
        found = [m for m in COLOUR_FIRST.finditer(text) if vocab.color_of(m.group("color"))]
        levels = [LEVELS[m.group("level")] for m in found]
    if 0 not in levels or 2 not in levels or levels.count(0) > 1 or levels.count(2) > 1:
        return text
    said = sorted([(m.start(), m.end(), float(LEVELS[m.group("level")]), m.group("color")) for m in found] +
                  _levels_between(text, found))
    order = sorted(said, key=lambda s: -s[2])  # top first; levels between in the order said
    tower = " on ".join(s[3] for s in order)  # colours alone: a tower is of blocks
    out, last = [], 0
    for k, (start, end, _, _) in enumerate(said):
        # "stack three cubes with the top one red, ...": the levels said after "with" are the tower's order
        out.append(re.sub(r"\s+with\s*$", "", text[last:start]) if k == 0 else text[last:start])
        if k == 0:
            out.append(f" , {tower}")
        last = end
    return "".join(out) + text[last:]


# a level said by its colour alone between the bottom and the top: "black bottom, then white, then gray, red top"
BETWEEN = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:then\s+)?(?:the\s+)?(?P<color>[a-z]+)(?:\s+(?:block|cube))?(?=\s*[,;])")


def _levels_between(text: str, found: list[re.Match]) -> list[tuple[int, int, float, str]]:
    """The levels said by colour alone between the bottom and the top (nothing else between them), each a level
    up from the one said before it when the bottom is said first ("black bottom, white, gray, red top": white
    under gray), down from it when the top is."""
    ends = [m for m in found if LEVELS[m.group("level")] in (0, 2)]
    first, last = min(ends, key=lambda m: m.start()), max(ends, key=lambda m: m.start())
    if any(first.end() <= m.start() < last.start() for m in found):
        return []
    said = []
    at = first.end()
    while (m := BETWEEN.match(text, at)) is not None and m.end() <= last.start() and vocab.color_of(m.group("color")):
        said.append(m)
        at = m.end()
    if not said or text[at:last.start()].strip(" ,;") not in ("", "and", "then", "and then"):
        return []
    upward = LEVELS[first.group("level")] == 0
    n = len(said) + 1
    return [(m.start(), m.end(), 1 + ((k + 1) / n - 0.5) * (1 if upward else -1), m.group("color"))
            for k, m in enumerate(said)]
