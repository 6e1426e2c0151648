"""Two objects placed by each other: "put the red block and the blue block side by side" (or "next to each
other", "beside one another") is the first beside the second."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab


def each_other(text: str) -> str:
    """"A and B side by side", "A and B next to each other", "A, B, side by side": "A next to B"."""
    def pair(m: re.Match) -> str:
        if "and" not in m.group(0) and text[:m.start()].rstrip().endswith(","):
            return m.group(0)  # "A, B, C side by side": a row of three, not a pair
        return f"{m.group(1)} {m.group(3) or ''}next to {m.group(2)}"

    # "next to the black cube, spine to spine": how the two touch, after the words that put one beside the other
    text = re.sub(r"\b((?:next to|beside|alongside|against|by)\b[^.;!?]*?),?\s*\b(spine|back|side|edge|face|nose|"
                  r"shoulder|cheek|end)s? to \2s?\b", r"\1", text)
    return _pair_by_each_other().sub(pair, text)


@functools.cache
def _pair_by_each_other() -> re.Pattern:
    nouns = "|".join(sorted({w for words in vocab.KINDS.values() for w in words}, key=vocab.longest_first))
    colors = "|".join(vocab.color_words())
    # one object: up to two words before its noun, or its colour after it ("block black")
    one = rf"(?:the |a |an )?(?:[a-z]+ ){{0,2}}?(?:{nouns})(?: (?:{colors})\b)?"
    # "should be", "are to be", "end up": how the pair is to be, said before where
    how = r"((?:should|must|need to|needs to|have to|has to|are to|will) (?:be|end up|sit|go) |are |end up |go )?"
    # "A and B", "A, B": the pair listed, then how it is to be ("block black, block white, side by side")
    return re.compile(rf"\b({one})(?:,? and|,) ({one}),? {how}(?:(?:right |directly |just )?(?:next to|beside|by|"
                      rf"adjacent to|alongside|against) (?:each other|one another)|side by side|side-by-side)\b")
