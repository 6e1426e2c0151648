"""Chatter between the steps: a clause of its own that names no object and no place, said around a task
("..., and breathe", "... . easy money", "inhale, place ...", "..., whole crowd go wild"), read past when
the rest reads to a whole goal without it, and named in a note so the person can correct it."""

from __future__ import annotations

from aspire_tui.agent.words.lexicon import Word
from aspire_tui.agent.words.setting_aside import asks_something, compared, ends_up

# where a clause of chatter begins and ends: a comma, a full stop (";", ":", "!" and "?" read as one)
BOUNDARIES = ("STOP", "COMMA")
# what makes a clause part of the task: an object, a place, an amount, an order of things, or a "not"
ASKING_TAGS = frozenset({"KIND", "KINDS", "COLOR", "ONE", "CORNER", "CORNERS", "MIDDLE", "EDGE", "SIDE", "SIDEMOST",
                         "SUPER", "LINE", "TOWER", "STACKED", "NOT", "WITHOUT", "UNIT", "AMOUNT", "REACH",
                         "OUT_OF_REACH", "MATCH", "BYCOLOR", "THEN", "FIRST", "KEEPDOWN", "WHERE",
                         "TABLE", "ROBOT", "ORD", "ORDER", "AWAY", "EACH", "BOTH", "OTHER", "EXCEPT"})
# verbs that change an object ("..., make it round"): a clause with one asks what cannot be done, never chatter
MAKING = ("make", "turn", "change", "paint", "colour", "color", "become")


def chatter_clauses(words: list[Word], said: str) -> tuple[list[Word], list[str]]:
    """The words without each clause of chatter, and those clauses' words.

    A clause (from a comma or full stop to the next) is chatter when it has a word not read and names
    nothing the task could use: no object, colour, place, amount or "not" (`ASKING_TAGS`), no verb that
    changes an object, no word for how an object ends up ("upside down"), no thing or colour the simulator
    lacks, no word said in a comparison (``said`` has "like a smiley": a shape to make), and, in a clause
    that sends something, no word not read right after a relation, where an object
    would go ("put it on the sofa").
    Nor is a clause that "then" follows (a step first), nor one of more than three words not read and nothing
    else. A clause of chatter that opens with "and" takes it with it (", and let your shoulders drop").
    """
    clauses: list[list[Word]] = [[]]
    for w in words:
        clauses[-1].append(w)
        if w.tag in BOUNDARIES:
            clauses.append([])
    kept: list[Word] = []
    dropped: list[str] = []
    for k, clause in enumerate(clauses):
        body = [w for w in clause if w.tag not in BOUNDARIES]
        # "zorgle, then put ...": a clause that "then" follows is a step done first, whatever its words
        before_then = k + 1 < len(clauses) and clauses[k + 1][:1] and clauses[k + 1][0].tag in ("THEN", "FIRST")
        if _chatter(body) and not before_then and \
                not any(w.tag == "UNKNOWN" and compared(w.text, said) for w in body):
            dropped.append(" ".join(w.text for w in body))
            continue
        kept.extend(clause)
    while kept and kept[0].tag in BOUNDARIES:
        kept = kept[1:]
    return kept, dropped


def _chatter(body: list[Word]) -> bool:
    tags = {w.tag for w in body}
    if "UNKNOWN" not in tags or tags & ASKING_TAGS:
        return False
    # "..., zorgle blorp snerk wibble": more than a few words not read and nothing else may say anything
    if tags <= {"UNKNOWN", "AND"} and sum(w.tag == "UNKNOWN" for w in body) > 3:
        return False
    if any(w.tag == "VERB" and (w.value in MAKING or w.text in MAKING) for w in body):
        return False
    # "— the centerpiece of the home" says what a place is like; "..., take it home" sends an object off the table
    if "ELSEWHERE" in tags and tags & {"VERB", "REL", "TO", "MODAL", "PRON"}:
        return False
    if any(ends_up(w.text) or asks_something(w.text) for w in body):
        return False
    # "..., drop it in the sink": a word not read where a relation's object goes may be a thing to name, where
    # something is sent there ("..., whole crew in the VIP" sends nothing)
    sends = tags & {"VERB", "PRON", "MODAL"}
    return not sends or not any(w.tag in ("REL", "TO") and k + 1 < len(body) and body[k + 1].tag == "UNKNOWN"
                                for k, w in enumerate(body))


def note(dropped: list[str]) -> str:
    """The note that names the chatter read past, shown with the goal read."""
    return "read past " + ", ".join(repr(d) for d in dropped) + " as said around the task (say it another way " \
        "if it mattered)"
