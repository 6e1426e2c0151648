"""A Spanish speaker's words carried over into English: a Spanish word for a place, the pronoun left out ("leave it where is" for "where it
is"), "no" before a verb for "do not" ("no touch it"), and a place said noun first with "of" ("the border of the
right of the table" for "the right edge of the table"). Said in English order, what they ask is read."""

from __future__ import annotations

import re

from sim import vocabulary as vocab


# Spanish words for places that slip into the English ("the cube blue arriba, on top")
SPANISH_PLACES = {"arriba": "on top", "encima": "on top", "abajo": "at the bottom", "debajo": "at the bottom",
                  "izquierda": "left", "derecha": "right", "adelante": "front", "atrás": "back", "atras": "back",
                  "centro": "middle", "medio": "middle"}


def calques(text: str) -> str:
    """``text`` (lower case) with a Spanish speaker's word order and dropped words said in English."""
    # "arriba, on top": the Spanish word and the English said after it, one place
    text = re.sub(rf"\b({'|'.join(SPANISH_PLACES)})\b(,?\s*)(?=(on top|at the bottom|left|right|front|back|middle)\b)?",
                  lambda m: " " if m.group(3) == SPANISH_PLACES[m.group(1)] else SPANISH_PLACES[m.group(1)] + m.group(2),
                  text)
    # "leave it where is", "where was": the subject left out, as Spanish does
    text = re.sub(r"\bwhere (is|are|was|were)(?=\s*(?:[.,;!?]|$|and\b|but\b|please\b))", r"where it \1", text)
    # "no touch it", "no move the red one": "no" before a verb forbids it ("no" before a noun stays: "no block")
    # (only after the object it is said of: "actually no, put it ..." takes back what was said)
    text = re.sub(r"\b([a-z]+)(,?) no (touch|move|lift|push|pick|put|take|grab|disturb)\b",
                  lambda m: f"{m.group(1)}{m.group(2)} do not {m.group(3)}" if vocab.kind_of(m.group(1)) or vocab.color_of(m.group(1))
                  else m.group(0), text)
    # "nobody touches the red block", "no one moves it": nothing may touch it
    text = re.sub(r"\b(?:nobody|no one|noone) (touch|move|lift|push|disturb)(?:es|s)?\b", r"do not \1", text)
    # "but the red cube, do not touch it" ("pero el cubo rojo no lo toques"): the object said first, before the
    # verb that forbids touching it
    text = re.sub(r"\b(but|and) ((?:the|a|an) (?:[a-z]+ ){0,2}?[a-z]+),? (do not|don't|never) (touch|move|disturb|lift)"
                  r" (?:it|them)\b", r"\1 \3 \4 \2", text)
    # "at the side of the bowl" ("al lado de"): beside it, on no side said
    text = re.sub(r"\b(?:at|to) the side of\b", "beside", text)
    # "and after, the ball gray over the plate" ("y después"): the next step
    text = re.sub(r"(\band|,)\s*after\s*,", r"\1 then", text)
    # "move it ten centimetres to the behind" ("hacia atrás"): backward
    text = re.sub(r"\b(?:to|toward|towards|for) (?:the )?behind\b(?!\s+(?:the|a|an|it|them|this|that)\b)", "backward", text)
    # "the border of the right of the table", "the edge of the left": that edge of the table
    return re.sub(r"\b(?:border|edge|side|rim) of (?:the )?(left|right|front|back)(?: (?:side|part))?"
                  r"(?: of (?:the )?(?:table|desk|workspace)\b|(?=\s*(?:[.,;!?]|$|and\b|then\b)))", r"\1 edge", text)
