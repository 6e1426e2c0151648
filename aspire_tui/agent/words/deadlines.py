"""When a task is due ("before close of business", "by end of day", "before 5pm", "before I come back from
lunch") asks nothing of where things go: the robot does it now. The deadline is dropped where it ends a clause."""

from __future__ import annotations

import re

# the time a task is due by, said last in its clause
_DUE = re.compile(r"\s*,?\s*\b(?:before|by|latest by|no later than|ahead of)\s+(?:the\s+)?(?:close of (?:business|play|day)|"
                  r"end of (?:the )?(?:day|business day|shift|week)|closing time|lunch(?:time)?|noon|midday|tonight|"
                  r"tomorrow(?: morning)?|the (?:meeting|deadline|boss comes|weekend)|"
                  r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|o'?clock)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve) o'?clock)|(?:i|we|they|he|she|the boss) (?:come|comes|get|gets|am|are|is) back(?: from [a-z]+)?)"
                  r"(?:\s+(?:today|tonight|please))?(?=\s*(?:[.,;!?]|$|and\b|then\b))")


def deadlines(text: str) -> str:
    """``text`` (lower case) without the times a task is due by (see the module)."""
    return _DUE.sub("", text)
