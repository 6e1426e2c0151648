"""A condition said without "if" ("should the cube be in the bowl, take it out", "provided the ball is on the
plate, move it", "in case the block is in the tray, ...") as the "if" it means: how things are to begin with,
never a place to put them. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# what opens a sentence
OPENS = r"(^|[.;!?]\s*)"
# "should the cube be in the bowl, ...": the verb first, as a condition, before the comma of its sentence
INVERTED = re.compile(rf"{OPENS}(?:but |and |so )?should ((?:the|a|an|any|all|both|it|they)\b[^,.;!?]*?) be\b"
                      r"(?=[^,.;!?]*,)")
# "provided (that) ...", "in case ...", "assuming ...", opening the sentence before its comma
AS_IF = re.compile(rf"{OPENS}(?:provided|providing|in case|supposing|assuming|on condition)(?: that)?\s+"
                   r"(?=[^,.;!?]*\b(?:is|are)\b[^,.;!?]*,)")


def conditionals(text: str) -> str:
    """The text with each condition said without "if" said with it, and a clipped "if" said whole ("if red blk
    in bowl, take out" as "if red blk is in bowl, take it out")."""
    text = INVERTED.sub(lambda m: f"{m.group(1)}if {m.group(2)} {'are' if _many(m.group(2)) else 'is'}", text)
    text = AS_IF.sub(r"\1if ", text)
    if not re.search(r"\bif\b", text):
        return text
    text = _clipped_if().sub(lambda m: f"if {m.group(1)} {'are' if _many(m.group(1)) else 'is'} ", text)
    # "..., take out": what the condition is about is what is taken out
    return re.sub(r"\b(take|get|lift|pull)\s+out\b(?=\s*(?:[.;!?,]|$))", r"\1 it out", text)


@functools.lru_cache(maxsize=1)
def _clipped_if() -> re.Pattern:
    # "if red blk in bowl": an object right before where it is, with no "is"
    nouns = sorted({w for words in vocab.KINDS.values() for w in words}, key=vocab.longest_first)
    return re.compile(rf"\bif ((?:the |a |an |all |both )?(?:[a-z]+ )?(?:{'|'.join(nouns)})s?) "
                      r"(?=(?:in|on|inside|on top of|next to|beside|behind|in front of|near|under|left of|right of)\b)")


def _many(subject: str) -> bool:
    return bool(re.match(r"(?:all|both|they)\b|\S+ .*s$", subject.strip()))
