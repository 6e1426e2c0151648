"""A tower ordered by size: "stack the blocks with the largest at the bottom", "build a tower of the balls,
biggest first", "stack the cubes from biggest to smallest". Objects of one kind are all one size, so the size
orders nothing: the tower is what is asked ("stacked(all blocks)"). A superlative that names one object ("stack
the red block on the largest block") is which object, and stays. Takes text (lower case) and gives text."""

from __future__ import annotations

import re

SIZES = r"(?:largest|biggest|greatest|heaviest|smallest|tiniest|littlest|lightest|big|large|small|little)"
# where the size said goes in the tower: its bottom, its top, first or last
ENDS = (r"(?:at|on|to|as|for|in) (?:the )?(?:very )?(?:bottom|top|base|foot|peak|summit)|on top|up top|underneath|"
        r"below|beneath|first|last|down(?:wards)?|up(?:wards)?|at the end|to start")
# "with the largest at the bottom", "biggest first", "and the smallest on top", "from biggest to smallest",
# "in order of size", "by size", "largest to smallest"
SIZE_ORDER = re.compile(
    rf"\s*,?\s*(?:\b(?:with|and|so|having|going|starting with)\s+)?(?:\bthe\s+)?\b{SIZES}(?:\s+ones?)?\s+(?:\b(?:ones?\s+)?"
    rf"(?:is|are|goes|go|should go|going|sits|sitting|placed|put)\s+)?(?:{ENDS})\b"
    rf"(?:\s*(?:,|and)\s*(?:the\s+)?{SIZES}(?:\s+ones?)?\s+(?:{ENDS})\b)?"
    rf"|\s*,?\s*\b(?:from\s+)?(?:the\s+)?{SIZES}\s+(?:to|down to|up to|through to)\s+(?:the\s+)?{SIZES}\b(?:\s+ones?)?"
    rf"|\s*,?\s*\b(?:in|by)\s+(?:order of\s+|decreasing\s+|increasing\s+|descending\s+|ascending\s+)?size"
    rf"(?:\s+order)?\b|\s*,?\s*\b(?:ordered|sorted|graded|arranged)\s+by\s+size\b")
# a tower asked for, and a group (a plural noun) to build it of
TOWER = re.compile(r"\b(?:stack|stacks|stacked|tower|pile|piled|heap)\b")
GROUP = re.compile(r"\b(?:blocks|cubes|bricks|balls|spheres|marbles|plates|bowls|them|all)\b")


def size_orders(text: str) -> str:
    """``text`` without the size a tower of a group is said to be ordered by, in each sentence that asks one."""
    if not re.search(SIZES, text) and "size" not in text:
        return text

    def sentence(m: re.Match) -> str:
        said = m.group(0)
        if not TOWER.search(said) or not GROUP.search(said):
            return said
        return SIZE_ORDER.sub("", said)

    return re.sub(r"[^.;!?]+", sentence, text)
