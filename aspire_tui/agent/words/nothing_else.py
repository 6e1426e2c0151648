""""put the red block in the bowl, nothing else": "nothing else" after a task says that task is all there is to
do (as "only" does); it asks nothing more, so the task is read as said without it. Takes text (lower case) and
gives text."""

from __future__ import annotations

import re

# ", nothing else", "and nothing else", "- nothing more", said after the task (not "do nothing else but ...")
NOTHING_ELSE = re.compile(r"\s*(?:[,;:-]\s*)?(?:\band\s+|\bjust\s+)?\b(?:nothing|none|no more) (?:else|more)\b"
                          r"(?:\s*,?\s*(?:please|thanks|thank you))?(?=\s*(?:[.!;]|$))")


def nothing_else(text: str) -> str:
    """``text`` without "nothing else" said after a task."""
    return NOTHING_ELSE.sub("", text)
