"""Objects picked out by where they are now: "the cube sitting on the tray", "the ball lying in the bowl, put it
on the plate", "the block behind the plate? move that one ...", "the tray with the cubes in it". Where such an
object is said to be is how things start, said as "the cube that is on the tray" (a start state), never one more
place to put it."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# how an object rests where it is now, said right after its noun ("the cube sitting on the tray")
RESTING = ("sitting", "lying", "resting", "standing", "sat", "located", "parked", "waiting")
# the relation words a place said of an object opens with
PLACE_OPENERS = ("on top of", "on", "in", "inside", "at", "next to", "beside", "near", "by", "behind", "in front of",
                 "to the left of", "to the right of", "left of", "right of", "under", "close to", "against")
# words before the object that ask for how things are to be ("i want the ball sitting in the bowl"), where the
# words after it are the goal
WISHING = ("want", "wants", "like", "leave", "leaves", "have", "has", "get", "keep", "keeps", "need", "needs", "with",
           "see it", "end up")


def whereabouts(text: str) -> str:
    """``text`` (lower case, articles kept) with each object picked out by where it is now said as "the X that
    is ..." (see the module)."""
    text = _resting().sub(_rests, text)
    # "move the tray with the cubes in it to the middle": what is in the tray is how things start, said first
    while (m := _holding().search(text)) is not None:
        start = max(text.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
        verb = "are" if re.search(r"\b(?:all|both|\d+|[a-z]+s)$", m.group(2)) else "is"
        text = f"{text[:start]} {m.group(2)} {verb} {m.group(3)} {m.group(1)} . {text[start:m.start()]}{m.group(1)}" \
               f"{text[m.end():]}"
    # "the cube in front of the tray? move that one", "the ball in the bowl, put it on the plate": an object said
    # with a place and then acted on by a word pointing back at it
    text = _pointed_back().sub(lambda m: f"{m.group(1)}{m.group(2)} that is {m.group(3)} .", text)
    # "pick up the ball in the bowl and put it on the plate": the object taken is picked out by where it is
    return _taken().sub(lambda m: f"{m.group(1)} that is {m.group(2)} and", text)


def _rests(m: re.Match) -> str:
    clause = re.split(r"[.;!?]", m.string[:m.start()])[-1].split()
    if any(w in WISHING or f"{w} {v}" in WISHING for w, v in zip(clause, clause[1:] + [""])):
        return m.group(0)  # "build a pile with the gray block resting on it": how it is to be
    return f"{m.group(1)} that is {m.group(2)} "


@functools.cache
def _nouns() -> str:
    nouns = {n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))} | {"one", "ones"}
    return "|".join(sorted(nouns, key=vocab.longest_first))


def _place() -> str:
    return "|".join(sorted(PLACE_OPENERS, key=vocab.longest_first))


@functools.cache
def _resting() -> re.Pattern:
    return re.compile(rf"\b({_nouns()}) ({'|'.join(RESTING)}) (?=(?:{_place()})\b)")


@functools.cache
def _pointed_back() -> re.Pattern:
    # the object ("see the cube"), its place up to a comma, "?", ";" or a dash, then a clause pointing back at it
    # (after "then" the place is a first step: "the red block on the plate, then put it in the crate")
    return re.compile(rf"(^|[.;!?]\s*)(?:see |look at |you see )?((?:the|that|this) (?:[a-z]+ ){{0,2}}?(?:{_nouns()}))"
                      rf" ((?:{_place()}) (?:the|a|an) (?:[a-z]+ ){{0,2}}?(?:{_nouns()}))\s*(?:,|\?|;| - |:)\s*"
                      rf"(?!\s*(?:and )?(?:then|next|after that|afterwards)\b)(?=[^.;!?]*\b(?:it|that one|this one|them|those)\b)")


@functools.cache
def _taken() -> re.Pattern:
    # a taking verb, its object and the object's place, then "and" a verb that puts "it" somewhere ("take it to
    # the left of the bowl" says where it is taken)
    places = "|".join(p for p in sorted(PLACE_OPENERS, key=vocab.longest_first) if not p.startswith("to "))
    return re.compile(rf"\b((?:take|grab|pick up|pick|fetch|get|lift|collect) (?:the|that|this) (?:[a-z]+ ){{0,2}}?"
                      rf"(?:{_nouns()})) ((?:{places}) (?:the|a|an) (?:[a-z]+ ){{0,2}}?(?:{_nouns()}))\s*,?\s+and\b"
                      rf"(?=\s+(?:then\s+)?[a-z]+ (?:it|them)\b)")


@functools.cache
def _holding() -> re.Pattern:
    # a holder, then what it holds said with "it" pointing back at the holder
    return re.compile(rf"\b((?:the|that|this) (?:[a-z]+ ){{0,2}}?(?:{_nouns()})) (?:with|that has|which has|that holds|"
                      rf"which holds|holding|containing|that contains|which contains|that has got) "
                      rf"((?:the|a|an|all|both|some|\d+) (?:[a-z]+ ){{0,2}}?(?:{_nouns()})) (in|on|inside|on top of) it\b")
