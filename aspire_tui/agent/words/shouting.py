"""Words shouted again for emphasis ("put the ball in the tray! the tray! the tray!", "stack it! stack it!"): a
cry that only repeats what was just asked asks nothing more, and is read once."""

from __future__ import annotations

import re

# a sentence and the run of stops after it; only a cry (one that ends in "!") is taken as emphasis
SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")
# words that point back at what was just said ("stack it!", "do it now!")
POINTING = {"it", "them", "that", "now", "do", "go", "the", "yes", "come", "on", "again"}


def said_again(text: str) -> str:
    """``text`` (lower case) without the cries that repeat the sentence before them: a run of its words, the same
    words again, or its verb with "it" ("stack it!")."""
    kept: list[str] = []
    for sentence in SENTENCE.findall(text):
        words = re.findall(r"[a-z0-9']+", sentence)
        if kept and words and "!" in sentence and _repeats(words, re.findall(r"[a-z0-9']+", kept[-1])):
            kept[-1] = kept[-1].rstrip() + " "
            continue
        kept.append(sentence)
    return "".join(kept) if len(kept) < len(SENTENCE.findall(text)) else text


def _repeats(words: list[str], before: list[str]) -> bool:
    said = " " + " ".join(before) + " "
    if " " + " ".join(words) + " " in said:
        return True  # "the tray!" after "... into the tray!"
    # "stack it!" after "stack the green block on the red one!": the verb said again of what it was said of
    return len(before) > 1 and words[0] == before[0] and set(words[1:]) <= POINTING and len(words) > 1
