"""Pictures typed between words: an arrow or a pointing hand between an object and a place says where it goes
("green cube ➡️ blue bowl", "the balls 👉 the plate", as "→" does); at the start of a line it only marks the
line; the robot's face stands for the robot. Bullets typed along one line ("• ... • ...") set apart the items of a
list: where each item before the last says something of its own (three words or more), they are its sentences;
where they are only names ("• red block • blue block → the tray"), one list. Other pictures drop out later."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS
from sim import vocabulary as vocab

# arrows and pointing hands that point the way (the variation selector after one is part of it)
ARROWS = "➡⮕⇨➔➜➝➞➙➛➟➠➤➧⟹⟶👉"
ARROW = re.compile(rf"[{ARROWS}]\ufe0f?")
PICTURED = {"🤖": " robot "}
BULLETS = "•·▪◦‣"
# words a noun follows: a picture after one is that noun ("go to the 🤖")
WANTING_A_NOUN = frozenset({"the", "a", "an", "to", "near", "by", "at", "of", "beside", "toward", "towards", "and",
                            "from", "with", "behind"})


def inline_bullets(text: str) -> str:
    """``text`` with bullets along one line said as the pauses between sentences where the items are sentences."""
    out = []
    for line in text.split("\n"):
        items = [i.strip() for i in re.split(rf"[{BULLETS}]", line)]
        said = [i for i in items if i]
        if len(said) >= 2 and all(len(re.findall(r"[a-z]+", i)) >= 3 for i in said[:-1]):
            line = " ; ".join(said)
        out.append(line)
    return "\n".join(out)


def pictures(text: str) -> str:
    """``text`` with the pictures that say something said as words (see the module)."""
    if not any(c in text for c in ARROWS + BULLETS + "".join(PICTURED)):
        return text
    text = inline_bullets(text)
    # after the last word, the robot's face signs the message off ("... in the bowl. 🤖"): it names nothing
    # ("go to the 🤖" names it: after a word that wants a noun)
    signed = re.search(rf"([\w.!?,]+)\s*(?:[{''.join(PICTURED)}]\ufe0f?\s*)+$", text)
    if signed and signed.group(1).lower() not in WANTING_A_NOUN:
        text = text[:signed.end(1)]
    for picture, words in PICTURED.items():
        text = text.replace(picture, words)
    # at the start, or after a pause or a bullet, an arrow marks the line; between words it is "to"
    text = re.sub(rf"(^|[.;:,\n•·*-])(\s*(?:[^\w\s.;:,]\ufe0f?\s*)*){ARROW.pattern}", r"\1\2 ", text)
    # an arrow before a verb leads to the next thing to do ("crate full of balls ➡️ empty it"), as a pause does
    text = re.sub(rf"{ARROW.pattern}(?=\s*(?:{'|'.join(_verbs())})\b)", " ; ", text)
    return ARROW.sub(" to ", text)


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    verbs = {w for words in VERBS.values() for w in words if " " not in w} | {"empty", "clear"}
    return tuple(sorted(verbs - {"go", "get", "rest", "stand", "order"}, key=vocab.longest_first))
