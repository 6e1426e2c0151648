"""No object left in a holder of another colour ("I don't want any ball in a zone that isn't its own colour", "no
cube may stay in a bowl of the wrong colour"): each in the holder of its own colour, the sort said by what it
forbids. Takes text (lower case, after "any" under a negation is "every") and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

HOLDERS = vocab.CONTAINERS + vocab.SURFACES + ("plate",)


def wrong_colours(text: str) -> str:
    """``text`` with a clause that forbids objects in holders not of their colour said as the sort it asks."""
    if not re.search(r"\b(?:not|never|no)\b", text):
        return text
    return _forbidden().sub(_sorted, text)


def _sorted(m: re.Match) -> str:
    kind = vocab.kind_of(m.group("thing")) or vocab.kind_of(m.group("thing").rstrip("s"))
    holder = vocab.kind_of(m.group("holder")) or vocab.kind_of(m.group("holder").rstrip("s"))
    if kind not in vocab.MOVABLE or holder not in HOLDERS:
        return m.group(0)
    return f"{m.group('lead')}sort all the {vocab.plurals(kind)[0]} into the {vocab.plurals(holder)[0]} by color"


@functools.lru_cache(maxsize=1)
def _forbidden() -> re.Pattern:
    things = "|".join(sorted({p for k in vocab.MOVABLE for w in vocab.KINDS[k] for p in (w, *vocab.plurals(w))},
                             key=vocab.longest_first))
    holders = "|".join(sorted({p for k in HOLDERS for w in vocab.KINDS[k] for p in (w, *vocab.plurals(w))},
                              key=vocab.longest_first))
    # a negation, the objects (any, every, no ...), where they must not be, and the holder's colour denied
    return re.compile(
        rf"(?P<lead>^\s*|[.;!?]\s*)[^.;!?]*?\b(?:(?:not|never)\b[^.;!?]*?\b(?:every|all|any|no|the|a)|no)\s+"
        rf"(?:[a-z]+\s+)?(?P<thing>{things})\b[^.;!?]*?\b(?:in|into|inside|on|onto)\s+(?:a|an|any|the|some)\s+"
        rf"(?P<holder>{holders})\s+(?:(?:that|which)\s+(?:is|are)\s+not\s+(?:of\s+)?(?:its|their)\s+(?:own\s+)?"
        rf"colors?|(?:of|with)\s+(?:the|a|another|an)\s+(?:wrong|different|other|another)\s+colors?|"
        rf"(?:that|which)\s+(?:does|do)\s+not\s+match\s+(?:its|their|it|them)(?:\s+in\s+color)?)")
