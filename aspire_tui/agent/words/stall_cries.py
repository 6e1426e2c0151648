"""A market trader's cries around the task: "Apples three for two quid!", "Bananas, lovely bananas!" sell goods
to passers-by and ask the robot nothing. A sentence that names none of the simulator's objects and cries goods
(a price, the goods said twice, "get your ...") is dropped when another sentence names objects to act on; the
goods are then no object to make. Said alone ("Tomatoes! Two pound a kilo!") the words stay, and are refused,
and goods in the task's own sentence ("put the bananas in the crate, three for a pound") are refused by name."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import FILLER, lexicon, lookup, verb_form
from sim import vocabulary as vocab

# a price or a measure sold by: "three for two quid", "a pound a bag", "ten pence a go", "five a kilo"
_PRICE = re.compile(r"\d ?p\b|\b(?:quid|pounds?|pence|bob|bucks?|dollars?|euros?|cents?|naira|roubles?|rubles?|fiver|"
                    r"tenner|kilo|kilos|punnet|punnets|dozen|half price|bargain)\b|"
                    r"\b(?:\d+|one|two|three|four|five|six|ten) for (?:\d+|one|two|three|a|an)\b")
# a hawker's call: "get your tomatoes", "come and get 'em", "roll up"
_CALL = re.compile(r"\b(?:get your|come and get|roll up|step right up)\b")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_PRONOUN = re.compile(r"\b(?:it|them|they|those|these)\b")


def stall_cries(text: str) -> str:
    """``text`` (lower case) without the sentences that cry goods for sale (see the module)."""
    # "yellow ball to the back left, and a pound of carrots for the lady!": goods priced after the task, in its
    # sentence, go as a sentence of their own would
    said = _SENTENCE.findall(text)
    sentences = [_PRICED_CLAUSE.sub(lambda m: m.group(0) if _names_any(m.group(1)) or not _PRICE.search(m.group(1))
                                    else "", s) if _names_any(s) else s for s in said]
    if sentences != said:
        text = "".join(sentences)
    if len(sentences) < 2:
        return text
    cries = [_cry(s) for s in sentences]
    if not any(cries):
        return text
    kept = "".join(s for s, cry in zip(sentences, cries) if not cry)
    # the task left must name its own objects, before any "it" or "them" that could stand for the goods
    first_kind = next((m.start() for m in re.finditer(r"[a-z]+", kept) if _names_object(m.group(0))), None)
    pronoun = _PRONOUN.search(kept)
    if first_kind is None or pronoun is not None and pronoun.start() < first_kind:
        return text
    return kept


# a clause ending a sentence after a comma: "..., and a pound of carrots for the lady!"
_PRICED_CLAUSE = re.compile(r"\s*,\s*(?:and\s+)?([^,.!?;]+?)(?=\s*(?:[.!?;]|$))")


def _names_any(clause: str) -> bool:
    return any(_names_object(w) for w in re.findall(r"[a-z]+", clause))


def _names_object(word: str) -> bool:
    return bool(vocab.kind_of(word) or vocab.color_of(word) or word in ("robot", "marker", "markers"))


def _cry(sentence: str) -> bool:
    words = re.findall(r"[a-z']+", sentence)
    if not words or any(_names_object(w) for w in words):
        return False
    # the goods said twice are words the reader does not know ("tomatoes, get your tomatoes"), never "them"
    table, _ = lexicon()
    said_twice = any(len(w) > 3 and words.count(w) > 1 and w not in FILLER and lookup(w, table) is None and
                     verb_form(w, table) is None for w in words)
    return bool(_PRICE.search(sentence) or _CALL.search(sentence) or said_twice)
