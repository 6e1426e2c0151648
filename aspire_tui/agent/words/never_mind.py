""""never mind the plate, put the red block in the bowl": what a person says never mind about is set aside as
of no concern, never read as an object to keep still; "never mind, put ..." drops a task said before it is
left to the words after it. Takes text (lower case) and gives text."""

from __future__ import annotations

import re

# "never mind (about) the plate" (an object of no concern), or "never mind" alone, before the task that follows
NEVER_MIND = re.compile(r"(^|[.;:!?,]\s*)(?:oh,? |and )?never ?mind(?: about)?"
                        r"(?: (?:the|that|this|those|these|my|your|its|their|all|any) [^,.;:!?]*?)?"
                        r"\s*(?:[,;:.!]|\bjust\b|\band\b)\s*(?=[a-z])")


# "..., never mind the plate" after the task: the object set aside, said last
NEVER_MIND_LAST = re.compile(r"\s*[,;:.!-]\s*never ?mind(?: about)? (?:the|that|this|those|these|my|your|its|their|all|any) "
                             r"(?!(?:rest|others?)\b)[^,.;:!?]*?\s*[.!]*\s*$")


def never_minded(text: str) -> str:
    """The text without a "never mind the ..." said about an object before or after a task ("never mind the plate,
    put ..."); "never mind" alone said last is left as it is (it takes the task back, which is refused)."""
    return NEVER_MIND_LAST.sub("", NEVER_MIND.sub(lambda m: m.group(1), text))
