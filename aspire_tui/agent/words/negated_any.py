""""Any" after a negation means every one: "it must not enter any bowl", "without touching any ball", "don't put
any cube in the tray" ask it of no bowl, ball or cube at all, which a group under `not` says (no member holds it).
Without a negation "any ball" is one of them, whichever ("put any ball in the bowl", "any of the balls", "a ball,
any ball,", "whichever ball you like", "a random ball"), as "one of the balls" is."""

from __future__ import annotations

import re

# a negation, and the rest of its clause after it ("..., it must not go into any bowl")
# ("no block may end up in any bowl"; not "no, any ball will do": a correction)
NEGATED = re.compile(r"\b(?:not|never|without|nor|no(?!\s*,))\b[^.;!?]*")
# "any" before an object ("any of the bowls", "any bowl"), not before a time or an amount ("not any more")
ANY = re.compile(r"\bany(?: one)?(?: of (?:the |those |these |them\b))?(?!\s*(?:more|longer|further|farther|closer|"
                 r"time|point|way|order|sooner|better|worse|less)\b)(?=\s*[a-z])")


def negated_any(text: str) -> str:
    """``text`` (lower case) with "any" after a negation in its clause said as "every", and elsewhere the ways of
    saying one of them, whichever, said as "one of the ..." (see the module)."""
    # ("whichever marker is nearer" is no free choice: the nearest one)
    text = re.sub(r"\b(?:whichever|whatever) (?!(?:you|it|they|one|is|are)\b)([a-z]+)(?: you (?:like|want|choose|please|fancy|"
                  r"prefer)\b|(?= (?:in|into|on|onto|to|and|next to|beside|,)\b))", r"any \1",
                  re.sub(r"\ba random (?=[a-z]+\b)", "any ", text))
    if "any" not in text:
        return text
    text = NEGATED.sub(lambda m: ANY.sub(_every, m.group(0)), text)
    # "a ball, any ball, ...": the same one said again
    text = re.sub(r"\b(?:a|an|one) ([a-z]+)\s*,\s*any \1\s*,?", r"any \1", text)
    # "any of the balls", "any one ball": one of them (never all of them)
    return re.sub(r"\bany (?:one )?of (?:the|those|these) (?=[a-z]+s\b)", "one of the ",
                  re.sub(r"\bany one (?=(?!of\b)[a-z]+\b)", "any ", text))


def _every(m: re.Match) -> str:
    # "any of the bowls": all the bowls; "any bowl": every bowl
    return "all of them" if m.group(0).endswith("them") else "all the" if " of " in m.group(0) else "every"
