"""A step said again with a new object ("..., then do the same with the blue ball"), the object named last said
again ("take the same one out"), and "one more time" (which only says the step is done once more)."""

from __future__ import annotations

import re


def repeats(text: str) -> str:
    """``text`` (lower case) with a repeated step said as "then" and the new object, "the same one" as "it", and
    "one more time" dropped."""
    # "..., then do the same with the blue ball", "and repeat that for the green cube": the step before, done
    # to the object named now
    text = re.sub(r"(?:\s*,\s*|\s+)(?:and\s+)?(?:then\s+)?(?:please\s+)?(?:do|repeat)\s+(?:the\s+same(?:\s+thing)?|"
                  r"that|this|it)(?:\s+again)?\s+(?:with|for|to|using)\s+(?=(?:the|a|an|that|this)\b)", " , then ",
                  text)
    # "take the same one out": the object named last, as "it" is (not "the same colour as ...")
    text = re.sub(r"\b(?:the\s+)?(?:very\s+)?same\s+one\b(?!\s+as\b)", "it", text)
    # "do it one more time", "once more": the step is done again, which reading it once already says
    return re.sub(r"\b(?:one\s+more\s+time|once\s+more|once\s+again)\b", " ", text)
