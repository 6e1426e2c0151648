"""Leave to the robot the order of what is listed: "in any order", "the order doesn't matter", "in no particular
order". It lets the robot choose, so it asks nothing; read as a line's or a tower's order it would ask one."""

from __future__ import annotations

import re

# "in any order", "any order is fine", "whatever order you like", "in no particular order", "the order does not
# matter", "order is not important"
ANY_ORDER = re.compile(
    r"\s*,?\s*(?:\b(?:and |but )?(?:in |with )?(?:any|whatever|whichever|no particular|no special) order"
    r"(?: (?:you (?:like|want|choose|prefer|please)|(?:is|will be) (?:fine|ok|okay|alright|all right)|will do|works))?"
    r"|\b(?:and |but )?(?:the )?order (?:does not|do not|doesn't|don't) matter|\b(?:and |but )?(?:the )?order "
    # "order being immaterial": a drafter's way to leave it open
    r"(?:is|being) (?:not important|unimportant|up to you|immaterial|irrelevant|of no (?:importance|consequence)))\b")


def any_order(text: str) -> str:
    """``text`` (lower case, "doesn't" spelled out) without the words that leave the order to the robot."""
    return ANY_ORDER.sub(" ", text)
