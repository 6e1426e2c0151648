"""A relation said after its object, as languages with postpositions say it ("the red block, the bowl into",
"the brown block, the plate front of, put"): moved before that object, where English says it; and a place said
before "go" ("the green marker, go"): where to go."""

from __future__ import annotations

from aspire_tui.agent.words.lexicon import Word

# what may end the place said with a postposition: the clause's end, its verb, or the next step
ENDS = ("COMMA", "STOP", "VERB", "THEN", "AND")
# what may open a clause, before the object moved
OPENS = ("COMMA", "STOP", "THEN", "FIRST", "VERB", "AND")


def postpositions(words: list[Word]) -> list[Word]:
    """``words`` with each relation that follows an object and ends its clause moved before that object.

    Only an object said after another in the same clause takes one (the first is what is moved): "put the
    ball in" stays as it is, and "the red block the bowl into" reads as "the red block into the bowl". "front
    of", "left of" said after their object are the side relations ("in front of", "left of")."""
    out = _place_before_going(list(words))
    k = 1
    while k < len(out):
        rel = _relation_at(out, k)
        if rel is None:
            k += 1
            continue
        size, said = rel
        after = k + size
        # "green block, bowl into not": the relation denied, said after it as the relation is
        denied = after < len(out) and out[after].tag == "NOT" and (after + 1 == len(out) or out[after + 1].tag in ENDS)
        if denied:
            said, after = [out[after], said], after + 1
        else:
            said = [said]
        if after < len(out) and out[after].tag not in ENDS or out[k - 1].tag not in ("KIND", "KINDS"):
            k += 1
            continue
        start = k - 1
        while start > 0 and out[start - 1].tag == "COLOR":
            start -= 1
        clause = start
        while clause > 0 and out[clause - 1].tag not in ("STOP", "THEN", "FIRST"):
            clause -= 1
        before = out[start - 1].tag if start > 0 else ""
        if before == "AND" and start > 1 and out[start - 2].tag == "COMMA":
            before = "COMMA"  # "green block, bowl into, and tray into": a second place for the same object
        if before not in ("KIND", "KINDS", "COMMA") or not any(w.tag in ("KIND", "KINDS") for w in out[clause:start]):
            k += 1
            continue
        out[start:after] = [*said, *out[start:k]]
        k = after
    return out


def _place_before_going(words: list[Word]) -> list[Word]:
    """"the green marker, go": a clause of only a place and then "go" (with nothing after it) is going there."""
    out = list(words)
    k = 1
    while k < len(out):
        said = out[k]
        k += 1
        if said.tag != "VERB" or said.value != "go" or k < len(out) and out[k].tag != "STOP":
            continue
        end = k - 2 if out[k - 2].tag == "COMMA" else k - 1
        start = end - 1
        while start > 0 and out[start - 1].tag == "COLOR":
            start -= 1
        if start < 0 or out[end - 1].tag != "KIND" or start > 0 and out[start - 1].tag not in ("STOP", "THEN"):
            continue
        going = [said, Word("TO", "to", "to"), *out[start:end]]
        out[start:k] = going
        k = start + len(going)
    return out


def _relation_at(words: list[Word], k: int) -> tuple[int, Word] | None:
    """The relation at words[k] and how many words it takes: a relation ("into"), or a side and "of"
    ("front of")."""
    w = words[k]
    if w.tag == "REL":
        return 1, w
    if w.tag in ("OF", "TOP") and k + 1 < len(words) and {w.tag, words[k + 1].tag} == {"OF", "TOP"}:
        return 2, Word("REL", "on top of", "on")  # "the red block top of", "the red block of top": on top of it
    # "the red block right side": the side said as a side of it ("right side of"), as "right of" is
    if w.tag == "SIDE" and k + 1 < len(words) and (words[k + 1].tag == "OF" or
                                                   words[k + 1].tag == "EDGE" and words[k + 1].text == "side"):
        side = {"front": "in front of", "back": "behind", "left": "left of", "right": "right of"}.get(w.value or w.text)
        if side is not None:
            return 2, Word("REL", side, _REL_OF[side])
    return None


_REL_OF = {"in front of": "in_front_of", "behind": "behind", "left of": "left_of", "right of": "right_of"}
