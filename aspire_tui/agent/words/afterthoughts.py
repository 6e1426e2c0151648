"""A last few words that only make plain what was said before them: "... the red one. yeah red" (a colour said
again to confirm it) and "move the blue thing left of the red thing. blocks i mean" (the kind of the things named
vaguely). The first asks nothing more; the second names the kind of each "thing". Takes text (lower case) and
gives text."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# "yeah red", "yes, the red one", "right, red": a colour said again, after a word that agrees
CONFIRMED = re.compile(r"(^|.*[.!?;]\s*)(?:yeah|yes|yep|yup|right|ok|okay)\s*,?\s*(?:the )?([a-z]+)(?: one)?[.!\s]*$")
# "blocks i mean", "i mean the cubes", "cubes, i mean": the kind of the things said before
KIND_MEANT = re.compile(r"(^|.*[.!?;]\s*)(?:(?:i mean|i meant|meaning)\s*,?\s*(?:the )?([a-z]+)|(?:the )?([a-z]+)\s*,?\s*"
                        r"(?:i mean|i meant|is what i mean|is what i meant))[.!\s]*$")
VAGUE = r"\b(?:thing|things|object|objects|item|items)\b"
# "go to the barrel, the purple one.": the colour of the thing named last, said after it as "the ... one"
COLOR_AFTER = re.compile(rf"\b(?!(?:{'|'.join(vocab.color_words())}) )([a-z]+) ([a-z]+)\s*,\s*"
                         rf"(?:the|that|i mean the) "
                         rf"({'|'.join(vocab.color_words())}) one(?=\s*(?:[.!?;]|$))")


def _color_after(m: re.Match) -> str:
    """"the barrel, the purple one" -> "the purple barrel" (a noun of a kind only; else the words stay)."""
    if not vocab.kind_of(m.group(2)):
        return m.group(0)
    return f"{m.group(1)} {m.group(3)} {m.group(2)}"


def afterthoughts(text: str) -> str:
    """``text`` with a last confirmation dropped, a kind said last put in place of each vague "thing", and a colour
    said after the thing it names put before it."""
    text = COLOR_AFTER.sub(_color_after, text)
    m = CONFIRMED.match(text)
    if m and m.group(1).strip() and vocab.color_of(m.group(2)) and re.search(rf"\b{m.group(2)}\b", m.group(1)):
        return m.group(1)
    m = KIND_MEANT.match(text)
    noun = m and (m.group(2) or m.group(3))
    if m and noun and vocab.kind_of(noun) and re.search(VAGUE, m.group(1)):
        one = vocab.kind_of(noun)
        return re.sub(VAGUE, lambda v: one + "s" if v.group(0).endswith("s") else one, m.group(1))
    return text
