"""Questions about the world, answered from what the camera sees: never from ground truth, never by moving.

``read_question("how many blocks are in the green bowl?")`` gives a `Question`
(what is asked about, the relation, the anchor), read with the words
package's noun phrases (`words.tag`, `words.phrases`) over the one vocabulary.
``answer(question, seen)`` answers it from detections (`Seen`: what one
``robot.scan()`` in the sandbox returned), in one short line plus the facts
behind it (``{"count": 2, "objects": [...]}``). The relations mean what the
success vocabulary (`sim.predicates`) means, measured on perceived positions
and sizes instead of the simulator's.

An object the question names that the camera does not see is a
`QuestionError` (one line that says what it does see).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from aspire_tui.agent.goal import Ref
from sim.vocabulary import CONTAINERS

REACH = 0.62          # metres from the arm's base: `sim.predicates.in_reach`'s radius
ON_TABLE = 0.03       # an object whose bottom is below this rests on the table (`sim.predicates._on_table`)
SIDE_LEAST = 0.04     # the sides' least distance (`left_of` and the others)
ASK = ("how many", "how much", "where", "what", "which", "who", "is", "are", "does", "do you", "can you see",
       "can you reach", "could you reach", "can the robot reach", "can it reach", "is there", "are there",
       "count", "tell me", "show me where", "list", "any ")
RELATIONS = ("in", "on", "left_of", "right_of", "in_front_of", "behind", "near", "next_to")
WORDS = {"in": "in", "on": "on", "left_of": "left of", "right_of": "right of", "in_front_of": "in front of",
         "behind": "behind", "near": "near", "next_to": "next to"}


class QuestionError(ValueError):
    """The question cannot be answered as asked; the message is one line."""


@dataclass(frozen=True)
class Question:
    """What is asked: ``kind`` is count, any, empty, which, where, yesno, reach, exists or list."""

    text: str
    kind: str
    subject: Ref | None = None      # None: any object ("what is in the bowl?")
    relation: str = ""              # one of RELATIONS, or "table" (on the table)
    anchor: Ref | None = None


@dataclass(frozen=True)
class Seen:
    """One detected object: its world name and what perception estimated (position, size)."""

    name: str
    kind: str
    color: str
    position: tuple[float, float, float]
    size: tuple[float, float, float]

    @property
    def phrase(self) -> str:
        """Everyday words: "red block"."""
        return f"{self.color} {self.kind}".strip()

    @property
    def bottom(self) -> float:
        """The estimated height of its underside."""
        return self.position[2] - self.size[2] / 2

    @property
    def top(self) -> float:
        """The estimated height of its top."""
        return self.position[2] + self.size[2] / 2


@dataclass(frozen=True)
class Answer:
    """One short line for people, and the facts it states (for `--json` and the benchmark)."""

    text: str
    facts: dict[str, Any]


# ---------------------------------------------------------------- telling questions from requests

def is_question(text: str) -> bool:
    """Does ``text`` ask about the world rather than ask for something to be done?

    "can you put the red block in the bowl?" is a request; "can you reach the red block?" a question.
    """
    t = _norm(text)
    if not t:
        return False
    if re.match(r"(can|could|would|will) (you|the robot|it) (?!reach|see|get to\b)", t):
        return False
    if re.match(r"(do|does) (the )?same\b", t):
        return False
    return t.startswith(ASK) or text.strip().endswith("?")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' -]+", " ", str(text).lower()).split())


# ---------------------------------------------------------------- reading

def read_question(text: str) -> Question:
    """The `Question` in ``text``.

    Raises:
        QuestionError: the question is not one of the kinds answered here (one line saying which are).
    """
    from aspire_tui.agent.words import InstructionError, phrases, tag

    t = _norm(text)
    try:
        items = phrases(tag(text))
    except InstructionError as e:
        raise QuestionError(f"cannot read the question: {e}") from None
    nps = [i.value.ref for i in items if i.kind == "np" and i.value.ref is not None]
    rel = next((i.value for i in items if i.kind == "REL" and i.value in RELATIONS), "")
    table = any(i.kind == "TABLE" for i in items)
    subject, anchor = _roles(items, rel)
    if re.search(r"\bempty\b", t) and nps:  # "is the green bowl empty?"
        container = nps[0].kind in (*CONTAINERS, "zone", "marker")
        return Question(text, "empty", None, "in" if container else "on", nps[0])
    if re.match(r"(can|could) (you|the robot|it) (reach|get to)", t) or re.search(r"\b(reachable|in reach)\b", t):
        return Question(text, "reach", _one(nps, "reach", text))
    if t.startswith("how many") or t.startswith("count"):
        if rel and anchor is None and table:
            rel = "table"
        if rel and rel != "table" and anchor is None:
            raise QuestionError(f"{WORDS[rel]} what? name the object, e.g. \"how many blocks are {WORDS[rel]} the "
                                f"green bowl?\" (asked: {text.strip()!r})")
        if re.search(r"\b(things|objects|items)\b", t):
            subject = None
        return Question(text, "count", subject, rel or ("table" if table else ""), anchor)
    if t.startswith("where"):
        return Question(text, "where", _one(nps, "where", text))
    if re.match(r"(is|are) there\b|(do|can) you see\b", t):
        if rel and anchor is not None:  # "are there any blocks in the bowl?"
            return Question(text, "any", subject, rel, anchor)
        return Question(text, "exists", _one(nps, "exists", text))
    if re.match(r"(is|are|does|do)\b", t) and rel and subject is not None and anchor is not None:
        return Question(text, "yesno", subject, rel, anchor)
    if rel and (anchor is not None or table):
        return Question(text, "which", subject if t.startswith("which") else None,
                        rel if anchor is not None else "table", anchor)
    if re.match(r"what (is|are|do you see|can you see)\b|what's\b", t) and (table or not nps):
        return Question(text, "list")
    raise QuestionError(f"cannot answer {text.strip()!r}: ask how many, where, what is in/on/left of ..., "
                        "is X in/on Y, or can you reach X")


def _roles(items, rel: str) -> tuple[Ref | None, Ref | None]:
    """The object asked about (before the relation) and the anchor (after it)."""
    subject = anchor = None
    seen_rel = False
    for item in items:
        if item.kind == "REL" and item.value == rel:
            seen_rel = True
        elif item.kind == "np" and item.value.ref is not None:
            if seen_rel and anchor is None:
                anchor = item.value.ref
            elif not seen_rel and subject is None:
                subject = item.value.ref
    return subject, anchor


def _one(nps: list[Ref], kind: str, text: str) -> Ref:
    if not nps:
        raise QuestionError(f"{kind} what? name the object, e.g. \"{_example(kind)}\" (asked: {text.strip()!r})")
    return nps[0]


def _example(kind: str) -> str:
    return {"reach": "can you reach the red block?", "where": "where is the red block?",
            "exists": "is there a red block?"}.get(kind, "how many blocks are in the green bowl?")


# ---------------------------------------------------------------- answering

def answer(question: Question, seen: list[Seen], base: tuple[float, float] = (0.0, 0.0)) -> Answer:
    """Answer from the detections only.

    Raises:
        QuestionError: an object the question names is not seen (or is one of several alike).
    """
    handler = {"count": _count, "any": _any, "empty": _empty, "which": _which, "where": _where, "yesno": _yesno, "reach": _reach,
               "exists": _exists, "list": _list}[question.kind]
    return handler(question, seen, base)


def find(ref: Ref, seen: list[Seen], single: bool = True) -> list[Seen]:
    """The detections a reference names; ``single``: exactly one, else a one-line QuestionError."""
    hits = [s for s in seen if s.kind == ref.kind and (not ref.color or s.color == ref.color)]
    if not hits:
        have = ", ".join(s.phrase for s in seen) or "nothing"
        raise QuestionError(f"I see no {ref.phrase.rstrip('s') if ref.is_group else ref.phrase} on the table "
                            f"(I see: {have})")
    if single and len(hits) > 1:
        raise QuestionError(f"which {ref.kind}? I see {_list_words([s.phrase for s in hits], 'and')}")
    return hits


def _members(subject: Ref | None, seen: list[Seen], exclude: Seen | None = None) -> list[Seen]:
    if subject is None:
        return [s for s in seen if s is not exclude]
    return [s for s in seen if s.kind == subject.kind and (not subject.color or s.color == subject.color)
            and s is not exclude]


def _count(q: Question, seen, base) -> Answer:
    anchor = find(q.anchor, seen)[0] if q.anchor is not None else None
    pool = _members(q.subject, seen, anchor)
    hits = [s for s in pool if not q.relation or holds(q.relation, s, anchor, seen)]
    noun = _noun(q.subject, len(hits))
    where = _where_words(q.relation, anchor)
    verb = "is" if len(hits) == 1 else "are"
    text = f"{len(hits)} {noun} {verb} {where}".strip() if hits else f"No {_noun(q.subject, 1)} is {where}".strip()
    if hits and q.relation:
        text += ": " + _list_words([f"the {s.phrase}" for s in hits], "and")
    if not q.relation:
        text = f"I see {len(hits)} {noun}" + (": " + _list_words([f"the {s.phrase}" for s in hits], "and")
                                               if hits else "")
    return Answer(text.rstrip() + ".", {"count": len(hits), "objects": [s.name for s in hits]})


def _any(q: Question, seen, base) -> Answer:
    counted = _count(q, seen, base)
    yes = counted.facts["count"] > 0
    return Answer(f"{'Yes' if yes else 'No'}: {counted.text[0].lower()}{counted.text[1:]}",
                  {**counted.facts, "answer": yes})


def _empty(q: Question, seen, base) -> Answer:
    anchor = find(q.anchor, seen)[0]
    hits = [s for s in seen if s is not anchor and holds(q.relation, s, anchor, seen)]
    where = _where_words(q.relation, anchor)
    text = f"Yes: nothing is {where}" if not hits else \
        f"No: {_list_words([f'the {s.phrase}' for s in hits], 'and')} {'is' if len(hits) == 1 else 'are'} {where}"
    return Answer(text + ".", {"answer": not hits, "count": len(hits), "objects": [s.name for s in hits]})


def _which(q: Question, seen, base) -> Answer:
    anchor = find(q.anchor, seen)[0] if q.anchor is not None else None
    hits = [s for s in _members(q.subject, seen, anchor) if holds(q.relation, s, anchor, seen)]
    where = _where_words(q.relation, anchor)
    text = f"{where[0].upper()}{where[1:]}: " + _list_words([f"the {s.phrase}" for s in hits], "and") if hits \
        else f"Nothing is {where}"
    return Answer(text + ".", {"objects": [s.name for s in hits], "count": len(hits)})


def _where(q: Question, seen, base) -> Answer:
    s = find(q.subject, seen)[0]
    host = next((h for h in seen if h is not s and holds("in", s, h, seen)), None)
    rests = "in" if host is not None else ""
    if host is None:
        host = next((h for h in seen if h is not s and holds("on", s, h, seen)), None)
        rests = "on" if host is not None else ""
    x, y, z = s.position
    place = f"{rests} the {host.phrase}, " if host is not None else "on the table, "
    text = f"The {s.phrase} is {place}at x {x:.2f} m, y {y:+.2f} m ({_area(x, y)})"
    return Answer(text + ".", {"object": s.name, "position": [round(v, 4) for v in s.position],
                               "rests": rests, "host": host.name if host is not None else ""})


def _yesno(q: Question, seen, base) -> Answer:
    anchor = find(q.anchor, seen)[0]
    subjects = find(q.subject, seen, single=not q.subject.is_group)
    yes = all(holds(q.relation, s, anchor, seen) for s in subjects)
    names = _list_words([f"the {s.phrase}" for s in subjects], "and")
    verb = "is" if len(subjects) == 1 else "are"
    text = f"{'Yes' if yes else 'No'}: {names} {verb}{'' if yes else ' not'} {_where_words(q.relation, anchor)}."
    return Answer(text, {"answer": yes, "objects": [s.name for s in subjects]})


def _reach(q: Question, seen, base) -> Answer:
    s = find(q.subject, seen)[0]
    d = math.hypot(s.position[0] - base[0], s.position[1] - base[1])
    yes = d < REACH
    text = (f"{'Yes' if yes else 'No'}: the {s.phrase} is {d:.2f} m from my base; "
            f"I reach {REACH:.2f} m{'' if yes else ' (a hook could pull it closer)'}.")
    return Answer(text, {"reachable": yes, "distance": round(d, 4), "object": s.name})


def _exists(q: Question, seen, base) -> Answer:
    hits = _members(q.subject, seen)
    if hits:
        return Answer(f"Yes: I see {_list_words([f'the {s.phrase}' for s in hits], 'and')}.",
                      {"answer": True, "objects": [s.name for s in hits]})
    have = ", ".join(s.phrase for s in seen) or "nothing"
    return Answer(f"No: I see no {q.subject.phrase.rstrip('s') if q.subject.is_group else q.subject.phrase} "
                  f"(I see: {have}).", {"answer": False, "objects": []})


def _list(q: Question, seen, base) -> Answer:
    return Answer(f"I see {_list_words([f'the {s.phrase}' for s in seen], 'and') or 'nothing'}.",
                  {"objects": [s.name for s in seen], "count": len(seen)})


# ---------------------------------------------------------------- relations, from perception

def holds(relation: str, a: Seen, b: Seen | None, seen: list[Seen]) -> bool:
    """Does ``relation`` hold between two detections, as `sim.predicates` means it?"""
    if relation == "table":
        return on_table(a, seen)
    if b is None:
        return False
    dx, dy = a.position[0] - b.position[0], a.position[1] - b.position[1]
    if relation == "in":
        return _inside(a, b)
    if relation == "on":
        return _over(a, b, 0.005) and abs(a.bottom - b.top) < 0.02
    if relation in ("left_of", "right_of", "in_front_of", "behind"):
        axis, sign = {"left_of": (1, 1), "right_of": (1, -1), "in_front_of": (0, 1), "behind": (0, -1)}[relation]
        along, across = sign * (dy if axis else dx), (dx if axis else dy)
        return a.bottom < ON_TABLE and along > SIDE_LEAST and abs(across) < max(0.08, along)
    if relation == "near":
        return math.hypot(dx, dy) < 0.1
    if relation == "next_to":
        return a.bottom < ON_TABLE and math.hypot(dx, dy) < 0.12
    return False


def on_table(a: Seen, seen: list[Seen]) -> bool:
    """Resting on the table itself: low, and in nothing and on nothing."""
    return a.bottom < ON_TABLE and not any(h is not a and (holds("in", a, h, seen) or holds("on", a, h, seen))
                                           for h in seen)


def _inside(a: Seen, c: Seen) -> bool:
    if c.kind in ("zone", "marker"):
        return a.bottom < ON_TABLE and _over(a, c, 0.0)
    if c.kind not in CONTAINERS:
        return False
    if c.kind == "bowl":
        ok = math.hypot(a.position[0] - c.position[0], a.position[1] - c.position[1]) < c.size[0] / 2 * 0.85
    else:
        ok = _over(a, c, 0.0)
    return ok and c.bottom - 0.01 < a.bottom < c.top


def _over(a: Seen, b: Seen, slack: float) -> bool:
    """``a``'s centre over ``b``. The camera sees little of what something rests on (a block under a block
    shows only its front face, so it seems thin and nearer), so the wider of the two footprints counts."""
    return all(abs(a.position[k] - b.position[k]) < max(a.size[k], b.size[k]) / 2 + slack for k in (0, 1))


# ---------------------------------------------------------------- words

def _noun(subject: Ref | None, n: int) -> str:
    if subject is None:
        return "object" if n == 1 else "objects"
    noun = f"{subject.color} {subject.kind}".strip()
    return noun if n == 1 else noun + "s"


def _where_words(relation: str, anchor: Seen | None) -> str:
    if relation == "table":
        return "on the table"
    if not relation or anchor is None:
        return ""
    return f"{WORDS[relation]} the {anchor.phrase}"


def _area(x: float, y: float) -> str:
    """Where on the table, in the robot's words (front is away from it, left is +y)."""
    depth = "front" if x > 0.55 else "back" if x < 0.42 else "middle"
    side = "left" if y > 0.08 else "right" if y < -0.08 else ""
    return f"{depth} {side}".strip() if depth != "middle" or side else "middle of the table"


def _list_words(items: list[str], joiner: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {joiner} " + items[-1]
