"""Tipping things out of what holds them, said with a verb of pouring or with a picture: "the tray is full of cubes;
tip them out" (take them out of it), "dump the bowl out" (empty it), "cubes → table" or "tray → table" (the arrow
already said as "to": the cubes put on the table, the tray's load tipped onto it). Every object lies on the table,
so an object sent to the table is taken out of what the words say it is in or on."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# verbs of tipping a holder's load out ("tip", "dump", "pour", "turn ... over and tip")
TIP = r"(?:tip|tips|dump|dumps|pour|pours|spill|spills|shake|shakes|tumble|tumbles)"
# where a tipping opens: a clause's start (a picture typed there too: "...: 🔄 tip them out"), or a word before it
OPENS = r"(^|[.;:!?,]\s*(?:[^\w\s.;:!?,]+\s*)*|\b(?:and|then|now|please|just)\s+)"


def tipping_out(text: str) -> str:
    """``text`` (lower case) with things tipped out said as taken out, and a holder tipped out as emptied."""
    text = _holder_tipped().sub(lambda m: m.group(1) + ("take it out" if m.group(2) == "it" and _last_named_moves(
        text[:m.start()]) else f"empty {m.group(2)}"), text)
    # "tip out", "tip everything out": the load of what the words said holds it, as "empty it" says
    text = re.sub(rf"{OPENS}{TIP}\s+(?:(?:everything|it all|all of it|the lot)\s+)?out(?:\s+(?:everything|the lot))?\b"
                  rf"(?!\s+(?:of|into|onto|the|all|them|it)\b)", r"\1empty it", text)
    # "tip out all the cubes": the words for them after "out"
    text = re.sub(rf"{OPENS}{TIP}\s+out\s+((?:all\s+(?:of\s+)?)?the\s+(?:[a-z]+\s+)?(?:{_nouns(vocab.MOVABLE)}))\b",
                  r"\1tip \2 out", text)
    # with no place after it, out of what holds them ("tip them out ⬇️": a picture after it says no place)
    text = _load_tipped().sub(lambda m: f"{m.group(1)}take {m.group(2)} out" + (
        "" if re.match(r"\s*(?:of|into|onto|to|in|on|from|onto)\b", text[m.end():]) else " of it"), text)
    return _sent_to_the_table().sub(lambda m: _sent(m, text), text)


def _last_named_moves(before: str) -> bool:
    """Whether "it" stands for one object the arm moves: the first named in the clause before it ("the red block is
    in the bowl, tip it out onto the table": the block, taken out), not a holder (emptied) nor a group ("the balls
    are in the tray; tip it out": the tray)."""
    clauses = [c for c in re.split(r"[.;:!?,]|\band\b", before) if re.search(r"[a-z]", c)]
    named = [w for w in re.findall(r"[a-z]+", clauses[-1] if clauses else "") if vocab.kind_of(w) or
             vocab.kind_of(w.rstrip("s"))]
    return bool(named) and vocab.kind_of(named[0]) in vocab.MOVABLE


def _sent(m: re.Match, text: str) -> str:
    """"tray to table": a holder the words fill is emptied onto the table; "cubes to table": put on the table."""
    lead, thing, noun = m.group(1), m.group(2), m.group(3)
    kind = vocab.kind_of(noun) or vocab.kind_of(noun.rstrip("s"))
    if kind in vocab.MOVABLE:
        return f"{lead}put {thing} on the table"
    # a holder sent to the table is only its load tipped out where something is said to be in or on it
    if re.search(rf"\b(?:full of|filled with|loaded with|piled with|packed with|(?:in|on|inside) (?:the |that |this )?"
                 rf"(?:[a-z]+ )?{noun})\b", text[:m.start()]):
        return f"{lead}empty {thing if thing.startswith(('the ', 'all ')) else 'the ' + thing} onto the table"
    return m.group(0)


@functools.lru_cache(maxsize=1)
def _holder_tipped() -> re.Pattern:
    # "tip the tray out", "dump it out": the holder's load out of it
    return re.compile(rf"{OPENS}{TIP}\s+((?:the|that|this|your)\s+(?:[a-z]+\s+)?"
                      rf"(?:{_nouns(_HOLDERS)})|it)\s+out\b(?!\s+of\b)")


@functools.lru_cache(maxsize=1)
def _load_tipped() -> re.Pattern:
    # "tip them out", "pour all the balls out": what is in it taken out
    return re.compile(rf"{OPENS}{TIP}\s+((?:all\s+(?:of\s+)?)?(?:them|the\s+"
                      rf"(?:[a-z]+\s+)?(?:{_nouns(vocab.MOVABLE)}))(?:\s+all)?)\s+out\b")


@functools.lru_cache(maxsize=1)
def _sent_to_the_table() -> re.Pattern:
    # a clause of only an object and "to table" (an arrow, said as "to"): "cubes to table", "the tray to the table"
    nouns = _nouns(vocab.MOVABLE + _HOLDERS)
    colours = "|".join(vocab.color_words())
    return re.compile(rf"(^\s*|[.;:!?,]\s*|\bthen\s+)((?:all\s+)?(?:the\s+)?(?:(?:{colours})\s+)?({nouns}))\s+to\s+"
                      rf"(?:the\s+)?"
                      rf"table\b(?=\s*(?:[.;!?,]|$))")


_HOLDERS = ("bowl", "tray", "crate", "plate")


def _nouns(kinds) -> str:
    return "|".join(sorted({p for k in kinds for w in vocab.KINDS[k] for p in (w, *vocab.plurals(w))},
                           key=vocab.longest_first))
