"""The task told a second time, in other words, as a teacher does for a child: "Put it in the blue bowl. In the bowl
that is blue, see?", "... into the crate? Into the big crate.", "The nearest one!", "That's the corner far away from
you.", "Red block in the red bowl, blue block in the blue bowl, like that." A second telling asks nothing the first
did not; read as asking more, "big" would pick another crate and the examples would be goals of their own."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import FILLER, lexicon, lookup
from sim import vocabulary as vocab

# a sentence and the marks that end it; a dash set off by spaces ends one too ("... bowl -- that's farther ...")
SENTENCE = re.compile(r"[^.!?;]+?(?:[.!?;]+|\s[-–—]+\s|$)")
# words that say nothing new in a telling again: "the one", "that is", "see?"
SAID_NOTHING = {"one", "ones", "that", "is", "are", "see", "look", "it", "sits", "goes", "go", "there", "together"}
# the tags of words that say which object or where: an explanation naming one anew says more
WHICH = {"COLOR", "KIND", "KINDS", "SIDE", "SIDEMOST", "SUPER", "SIZEMOST", "ORD", "NUM", "CORNER", "MIDDLE"}
# a way said by the robot, told again in other words: "far from you" is the front, "close to you" the back
WAYS = ((re.compile(r"\b(?:far|farther|further|well|way)?\s*(?:away )?from (?:you|the robot)\b"), " front "),
        (re.compile(r"\b(?:closer|nearer|close|near) to (?:you|the robot)\b|\btowards? (?:you|the robot)\b"), " back "))
# a sentence that explains the one before: "that's the corner far away ...", "which is the one nearest you"
EXPLAINING = re.compile(r"^\s*(?:that is|that's|this is|which is)\b")
# a sentence of examples: "red block in the red bowl, blue block in the blue bowl, like that"
EXAMPLES = re.compile(r"(?:,\s*|\s)(?:like (?:that|this|so)|for example|for instance|and so on|etc\.?)\s*[.!?;]*\s*$")
# the shape the objects make, named after they were put on one another: "a tower of three!", "a nice tall stack"
SHAPE_NAMED = re.compile(r"^\s*(?:what )?(?:a |an |one )?(?:[a-z]+ ){0,2}?(?:tower|stack|pile)(?: of (?:\d+|two|three|four|"
                         r"five|six))?\s*[.!?;]*\s*$")
# how tall the tower is: "three blocks tall", "three high"
HEIGHT = re.compile(r"^\s*(?:\d+|two|three|four|five|six)(?: (?:blocks?|cubes?|levels?|storeys?|stories))? (?:tall|high)\s*$")
# a comparison with a thing at a telling's end ("yellow sits on red, like a little hat"): how it looks, said again
LIKE_A_THING = re.compile(r",?\s*\blike (?:a|an|the) [a-z ]+?(?=\s*[.!?;]*\s*$)")
# tags of the words a telling again may only repeat: objects, colours, places, amounts
MEANING = {"COLOR", "KIND", "KINDS", "REL", "TO", "SIDE", "CORNER", "CORNERWORD", "CORNERS", "MIDDLE", "EDGE",
           "SIDEMOST", "SUPER", "SIZEMOST", "AMOUNT", "NUM", "UNIT", "TOP", "BOTTOM", "LINE", "TOWER", "ALL", "EACH",
           "BOTH", "MATCH", "BYCOLOR", "ORD"}


def second_tellings(text: str) -> str:
    """``text`` (lower case) without the sentences that tell again what a sentence before them asked."""
    sentences = SENTENCE.findall(text)
    if len(sentences) < 2:
        return text
    kept = [sentences[0]]
    for sentence in sentences[1:]:
        before = "".join(kept)
        if _asks(before) and _told_again(sentence, before):
            kept.append(" " + _end_mark(sentence))
            continue
        kept.append(sentence)
    return "".join(kept)


def _told_again(sentence: str, before: str) -> bool:
    """Whether a sentence with no verb of its own says only what was said before it, explains it, or gives
    examples of it."""
    if EXAMPLES.search(sentence) and not _verbs(sentence):
        return True
    shape = all(SHAPE_NAMED.match(p) or HEIGHT.match(p) for p in re.split(r",", sentence.strip(" .!?;")))
    if shape and len(re.findall(r"\bon\b|\bonto\b|\bon top\b", before)) >= 2:
        return True  # "..., and the blue block on top. A tower of three!": the tower the words built, named
    told = LIKE_A_THING.sub("", sentence)
    for way, side in WAYS:
        told = way.sub(side, told)
    words = _words(told)
    if not words or _verbs(sentence):
        return False
    if EXPLAINING.match(sentence) and not _names_anew(words, before):
        return True
    said = {_meaning(w) for w in _words(before)}
    meant = [m for m in (_meaning(w) for w in words) if m is not None]
    kinds = [w for w in words if vocab.kind_of(w)]
    return bool(meant) and len(set(kinds)) <= 1 and all(m in said for m in meant) and _pairs_said(words, before) and all(
        _meaning(w) is not None or w in FILLER or w in SAID_NOTHING for w in words)


def _names_anew(words: list[str], before: str) -> bool:
    """Whether the words name a kind, a colour, a side or a rank not named before ("that is, the red bowl",
    "that's the one on the left" say which one)."""
    said = {_meaning(w) for w in _words(before)}
    return any(m is not None and m[0] in WHICH and m not in said for m in map(_meaning, words))


def _pairs_said(words: list[str], before: str) -> bool:
    """Whether each colour said right before a kind was said before with that kind ("the red bowl" after "the red
    ball in the bowl" says which bowl)."""
    said = _words(before)
    pairs = {(a, vocab.kind_of(b)) for a, b in zip(said, said[1:]) if vocab.color_of(a) and vocab.kind_of(b)}
    return all((a, vocab.kind_of(b)) in pairs for a, b in zip(words, words[1:]) if vocab.color_of(a) and vocab.kind_of(b))


def _meaning(word: str):
    """What a word means to the reader (its tag and value), for the words that ask; None for the rest."""
    hit = lookup(word, _table())
    if hit is None or hit.tag not in MEANING:
        return None
    if hit.tag == "TOP":
        return "REL", "on"  # "up on top!" after "on the blue block": on it
    return hit.tag, str(hit.value)


def _verbs(sentence: str) -> bool:
    """Whether a sentence has a verb that asks (not one of how things are: "sits", "goes")."""
    return any((hit := lookup(w, _table())) is not None and hit.tag in ("VERB", "GERUND") for w in _words(sentence))


def _asks(text: str) -> bool:
    """Whether the words so far ask something: a verb, or a place for an object."""
    return any((hit := lookup(w, _table())) is not None and hit.tag in ("VERB", "REL", "TO", "MODAL")
               for w in _words(text))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+", text) if w not in ("the", "a", "an")]


def _end_mark(sentence: str) -> str:
    m = re.search(r"[.!?;]+\s*$", sentence)
    return m.group(0) if m else ". "


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return lexicon()[0]
