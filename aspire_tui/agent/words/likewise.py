"""An object said to go the same way as the one before: "put the red block in the crate, likewise the blue block",
"..., same way the blue block also", "similarly the green one", "..., the blue one also": the object named goes
where the first went, as "..., and the blue block too" says."""

from __future__ import annotations

import re

LIKEWISE = re.compile(r"(?:,\s*|\s+(?:and|then)\s+|\s+)(?:likewise|similarly|same way|(?:in )?the same way)\s*,?\s+"
                      r"(?=(?:the|a|an|all|both|every|each|it|them)\b)")


def likewise(text: str) -> str:
    """``text`` (lower case) with an object said to go the same way joined to the one before with "and". ("same for
    the pink cube" after cubes put in zones of their colours may mean its own zone, and is left to be read as it
    is.)"""
    text = LIKEWISE.sub(", and ", text)
    # "..., the blue one also", "..., then the blue ball also same": one more object said with "also" alone
    return re.sub(r",\s*(?:then\s+)?((?:the|a|an) (?:[a-z]+ ){0,2}?(?:one|[a-z]+)) (?:also|too|as well)(?: same)?"
                  r"(?=\s*(?:[.;!?]|$))", r", and \1 too", text)
