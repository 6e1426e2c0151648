"""A task called the way a tower calls an aircraft: "you are cleared to land on the plate" grants a move, which
is the move asked; "proceed with the cube into the bowl" carries the cube there."""

from __future__ import annotations

import re


def radio_calls(text: str) -> str:
    """``text`` (lower case) with a move granted said as the move, and "proceed with X" as moving X."""
    text = re.sub(r"\b(?:you are |you're |you have been |you've been )?(?:cleared|clear) to (?=(?:land|go|proceed|"
                  r"taxi|move|head)\b)", "", text)
    return re.sub(r"\b(?:proceed|carry on|go ahead) with (?=(?:the|a|an|all|both|every|each)\b[^.;!?]*?\b(?:in|into|on|"
                  r"onto|to|next to|beside|behind|left|right)\b)", "move ", text)
