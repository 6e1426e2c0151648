"""References to the conversation, resolved against its world and the tasks it did.

"it", "them", "the one you just moved", "the blue one" (with no kind said)
are replaced in the words before they are read (`words.read` reads one
instruction and knows nothing of earlier ones); "do the same with the green
block" and "put it back" make the goal themselves, from the previous goal
and from where things were before they moved. `bind` then makes every
reference of a goal one of the world's objects ("the block" is the red block
when it is the only block; "all blocks" the red, blue and green blocks).
Every resolution is a note for the goal line. A reference with nothing to
refer to is an `Unresolved` error: one line, the world unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from aspire_tui.agent.goal import CONSTRAINTS, Cond, Ref, canonical
from sim import vocabulary as vocab
from sim.worldstate import WorldState

ONCE = re.compile(r"[,;.]?\s*\b(just do it|just this once|this once|only once|just once|as a one[- ]off|one[- ]off|"
                  r"(?:and )?don'?t (?:learn|keep|remember) (?:it|this|that)|without learning(?: it)?)\b[,;.]?", re.I)
UNDO = re.compile(r"^(?:(?:ok|okay|no|oops|please|actually)[, ]+)*(?:undo|revert|take back|go back)"
                  r"(?: (?:that|this|it|the last (?:one|task|move|step)|last|what you did))?(?: please)?$|"
                  r"^(?:put|set) everything back(?: (?:the way|as) it was)?$|^never ?mind(?: that)?$", re.I)
SAME = re.compile(r"^(?:(?:now|then|and|ok|okay|great|good|nice)[, ]+)*(?:please )?(?:(?:do|try) )?(?:the )?same"
                  r"(?: thing)?(?: again)?(?: (?:with|for|to) (?P<np>.+))?$|"
                  r"^(?:(?:now|then|and)[, ]+)*(?:do )?(?:it|that) again with (?P<np2>.+)$|"
                  r"^(?:(?:now|then|and)[, ]+)*(?P<np3>(?:the |a )?[a-z ]+?),? (?:too|as well|also)$", re.I)
BACK = re.compile(r"^(?:(?:now|then|and|ok|okay|please)[, ]+)*(?:please )?(?:put|move|bring|place|set|take|get)"
                  r" (?P<np>.+?) back(?: (?:where|to where|to the place) (?:it|they) (?:was|were|started|came from))?"
                  r"(?: please)?$|^(?:please )?return (?P<np2>.+?)(?: to where (?:it|they) (?:was|were))?$", re.I)
PRONOUN = re.compile(r"\b(?:the one(?:s)? (?:that |which )?you (?:just )?(?:moved|put|placed|stacked|picked up|"
                     r"pushed|carried|touched)|the last one|the same one|that one|this one|it|them|they)\b")
# "... without lifting" it, "... but not inside" it: how the clause's own action is done, or where it must not
# end, is about that clause's own objects
MANNER = re.compile(r"\b(?:(?:without|never|not)\s+[a-z]+ing|not\s+(?:in|inside|into|on|onto|on top of))\s+$")
YOU_MOVED = re.compile(r"\b(?:the )?(?:same|last) (?P<kind>[a-z]+)\b|\b(?:the )?(?P<kind2>[a-z]+) (?:that |which )?"
                       r"you (?:just )?(?:moved|put|placed|stacked|picked up|pushed|carried)\b")


class Unresolved(ValueError):
    """A reference with nothing to refer to (or more than one thing); the message is one line."""


@dataclass(frozen=True)
class Past:
    """A task the conversation did: its goal over the world's objects, what it moved, and the world before."""

    instruction: str
    condition: Cond
    movers: tuple[str, ...]
    before: WorldState
    sightings: dict[str, tuple[float, float]] = field(default_factory=dict)  # where the robot saw each one first


@dataclass(frozen=True)
class Request:
    """A turn's words made ready to read: references replaced, or the goal a reference makes."""

    text: str
    notes: tuple[str, ...] = ()
    condition: Cond | None = None
    once: bool = False
    every: str = ""          # the words with every pronoun replaced, to read when ``text`` does not read
    every_notes: tuple[str, ...] = ()


# ---------------------------------------------------------------- kinds of turn

def strip_once(text: str) -> tuple[str, bool]:
    """The words without "just do it" (and the like), and whether they were there."""
    cleaned, n = ONCE.subn(" ", text)
    return " ".join(cleaned.split()).strip(" ,;."), bool(n)


def is_undo(text: str) -> bool:
    """Does the person ask to undo the last task ("undo that", "go back", "put everything back")?"""
    return bool(UNDO.match(" ".join(text.lower().strip(" .!?").split())))


# ---------------------------------------------------------------- resolving

def resolve(text: str, world: WorldState, past: list[Past], asked: Past | None = None) -> Request:
    """The request a turn's words make against the world and the earlier tasks.

    Args:
        past: the tasks that ran on the table, oldest first.
        asked: the last task asked for, when it did not run ("already so", or it failed): "the same" and
            "it" mean it too.

    Raises:
        Unresolved: a reference with nothing to refer to (one line).
    """
    words, once = strip_once(text)
    if not words:
        raise Unresolved("just do what? say the task, e.g. \"just put the red block in the green bowl\"")
    recent = past if asked is None or (past and past[-1] is asked) else [*past, asked]
    plain = " ".join(words.lower().split())
    same = SAME.match(plain)
    if same and not has_verb(same.group("np3") or ""):
        return _same(same.group("np") or same.group("np2") or same.group("np3"), world, recent, once)
    back = BACK.match(plain)
    if back:
        return _back(back.group("np") or back.group("np2"), world, recent, past, once)
    text, notes = replace_references(words, world, recent)
    try:  # "put the green block on top of it": a pronoun after an object may still mean the last task's
        every, every_notes = replace_references(words, world, recent, inside=True)
    except Unresolved:
        every, every_notes = text, notes
    return Request(text, tuple(notes), None, once, every if every != text else "", tuple(every_notes))


def _last(past: list[Past], what: str) -> Past:
    if not past:
        raise Unresolved(f"{what} refers to nothing yet: no task has moved anything in this conversation; "
                         "say the whole task, e.g. \"put the red block in the green bowl\"")
    return past[-1]


def _same(np: str | None, world: WorldState, past: list[Past], once: bool) -> Request:
    """"do the same with the green block": the last goal, with its moving object replaced."""
    prev = _last(past, "\"the same\"")
    mover = first_mover(prev.condition)
    if not np:
        return Request(prev.instruction, (f"the same again: {prev.condition}",), prev.condition, once)
    if mover is None:
        raise Unresolved(f"the last task ({prev.condition}) moved no one object to swap for another")
    new = _read_ref(np, mover.kind, world, past)
    condition = swap(prev.condition, mover, new)
    text = say_goal(condition) or prev.instruction.replace(mover.phrase, new.phrase)
    return Request(text, (f"the same with the {new.phrase}: {condition}",), condition, once)


def has_verb(words: str) -> bool:
    """Do the words say an action ("put the red block in the bowl too" is a task of its own, not "the same")?"""
    from aspire_tui.agent.words import InstructionError, tag

    if not words:
        return False
    try:
        return any(w.tag in ("VERB", "TOWER", "LINE") for w in tag(words))
    except InstructionError:
        return False


def _back(np: str, world: WorldState, recent: list[Past], past: list[Past], once: bool) -> Request:
    """"put it back": each named object goes where it was before the last task that moved it."""
    names, notes = _objects_named(np, world, recent)
    parts = []
    for name in names:
        parts.append(back_to(name, world, past))
        notes.append(f"back: {parts[-1]}")
    condition = parts[0] if len(parts) == 1 else Cond("all", tuple(parts))
    return Request(say_goal(condition) or f"put the {world.get(names[0]).phrase} back", tuple(notes), condition, once)


def back_to(name: str, world: WorldState, past: list[Past]) -> Cond:
    """Where ``name`` was before the last task that moved it: in or on what held it, else the spot the robot
    saw it at."""
    for turn in reversed(past):
        if name not in turn.movers:
            continue
        before = turn.before.get(name)
        ref = object_ref(before)
        if before.rests and before.host in world.names():
            return Cond(before.rests, (ref, object_ref(world.get(before.host))))
        x, y = turn.sightings.get(name) or before.position[:2]
        return Cond("at", (ref, round(float(x), 3), round(float(y), 3)))
    raise Unresolved(f"the {world.get(name).phrase} has not moved in this conversation: there is nowhere to "
                     "put it back to (/undo puts the whole table back)")


def _objects_named(np: str, world: WorldState, past: list[Past]) -> tuple[list[str], list[str]]:
    """World names of "it", "them", "everything you moved" or a noun phrase; notes on how they were read."""
    np = np.strip().lower()
    if np in ("it", "that", "this", "that one", "this one", "them", "those", "these", "they", "everything",
              "all of them", "the one you moved", "the one you just moved", "what you moved"):
        prev = _last(past, repr(np))
        names = list(prev.movers) if np not in ("it", "that", "this", "that one", "this one") else [prev.movers[-1]]
        return names, [f"{np} = {_phrases(world, names)}"]
    ref = _read_ref(np, None, world, past)
    _, bound, _ = bind(Cond("held", (ref,)), world)
    return bound_names(bound), []


def _read_ref(np: str, kind: str | None, world: WorldState, past: list[Past]) -> Ref:
    """A noun phrase as a `Ref`; "the green one" takes ``kind`` (the kind of the object it stands in for)."""
    from aspire_tui.agent.words import InstructionError, phrases, tag

    np = np.strip()
    if re.fullmatch(r"(?:the |a )?(it|that|this|that one|this one)", np.lower()) and past:
        return object_ref(world.get(past[-1].movers[-1])) if past[-1].movers else _no_ref(np)
    try:
        items = phrases(tag(np))
    except InstructionError:
        return _no_ref(np)
    for item in items:
        if item.kind != "np":
            continue
        if item.value.ref is not None:
            return item.value.ref
        if item.value.color and kind:
            return Ref(kind, item.value.color)
    return _no_ref(np)


def _no_ref(np: str) -> Ref:
    raise Unresolved(f"cannot tell which object {np!r} is: name it by colour and kind, e.g. \"the green block\"")


def replace_references(text: str, world: WorldState, past: list[Past], inside: bool = False
                       ) -> tuple[str, list[str]]:
    """Replace "it", "them", "the one you just moved", "the same block" and "the blue one" (no kind said before
    it) with the objects they stand for; the words reader resolves the ones that refer inside the sentence
    (``inside``: replace those too, for words the reader could not read as they were)."""
    notes: list[str] = []

    def movers(what: str) -> list[str]:
        prev = _last(past, repr(what))
        if not prev.movers:
            raise Unresolved(f"{what!r}: the last task moved nothing")
        return list(prev.movers)

    def named_before(start: int) -> bool:
        # a pronoun cannot mean an object of its own clause ("stack the green block on it"), only one named in an
        # earlier clause of the same words ("pick up the blue block and put it on the plate"), except in the
        # manner the clause's own action is done ("push the red block into the zone without lifting it")
        clauses = re.split(r"\b(?:and|then|after that|before)\b|[,;.?]", text[:start].lower())
        earlier = clauses[:-1] + ([clauses[-1]] if MANNER.search(clauses[-1]) else [])
        return not inside and any(vocab.kind_of(w) for w in re.findall(r"[a-z]+", " ".join(earlier)))

    def pronoun(m: re.Match) -> str:
        word = m.group(0)
        if named_before(m.start()):
            return word
        names = movers(word)
        plural = word.lower() in ("them", "they") or word.lower().startswith("the ones")
        chosen = names if plural else names[-1:]
        phrase = "the " + _phrases(world, chosen)
        notes.append(f"{word} = {phrase}")
        return phrase

    def kind_moved(m: re.Match) -> str:
        kind = vocab.kind_of(m.group("kind") or m.group("kind2") or "")
        if kind is None:
            return m.group(0)
        same = [n for n in movers(m.group(0)) if world.get(n).kind == kind]
        if not same:
            raise Unresolved(f"{m.group(0)!r}: the last task moved no {kind}")
        phrase = "the " + world.get(same[-1]).phrase
        notes.append(f"{m.group(0)} = {phrase}")
        return phrase

    text = YOU_MOVED.sub(kind_moved, text)
    text = PRONOUN.sub(pronoun, text)
    colors = "|".join(w for words in vocab.COLORS.values() for w in words)

    def one(m: re.Match) -> str:
        # "the red one" stands for a kind, not an object: any kind said before it, in its own clause too
        # ("every block except the red one", "put the blue block on the red one"), is the reader's to use
        if not inside and any(vocab.kind_of(w) for w in re.findall(r"[a-z]+", text[:m.start()].lower())):
            return m.group(0)
        kind = world.get(movers(m.group(0))[-1]).kind
        notes.append(f"the {m.group(1)} one = the {m.group(1)} {kind}")
        return f"{m.group(1)} {kind}"

    text = re.sub(rf"\b({colors}) one\b", one, text)
    return text, notes


# ---------------------------------------------------------------- binding references to the world's objects

def object_ref(o) -> Ref:
    """The reference that names a world object: its colour and kind."""
    return Ref(o.kind, o.color)


def bind(cond: Cond, world: WorldState, seen: Callable[[], list] | None = None
         ) -> tuple[Cond, dict[str, list[str]], list[str]]:
    """The condition with every reference one of the world's objects, or a listed group of them.

    Args:
        seen: detections of the world (`questions.Seen`), asked for only when a rule picks an object
            ("the block closest to the bowl"): rules are computed from what the camera sees.

    Returns:
        The bound condition, str(reference) -> the world names it stands for, and notes for the goal line.

    Raises:
        Unresolved: an object the world does not have, or one of several alike with no colour said.
    """
    bound: dict[str, list[str]] = {}
    notes: list[str] = []
    cache: dict[str, Any] = {}

    def look() -> list:
        if "seen" not in cache:
            if seen is None:
                raise Unresolved("a rule that picks an object needs the camera, and none is at hand")
            cache["seen"] = seen()
        return cache["seen"]

    def arg(a):
        if isinstance(a, Cond):
            return Cond(a.name, tuple(arg(x) for x in a.args))
        if isinstance(a, Ref):
            new, names = _bind_ref(a, world, look)
            if names:
                bound[str(new)] = names
                if str(new) != str(a):
                    notes.append(f"{_words(a)} = the {new.phrase}")
            return new
        return a

    return arg(cond), bound, notes


def _bind_ref(ref: Ref, world: WorldState, look) -> tuple[Ref, list[str]]:
    if ref.kind in ("robot",):
        return ref, []
    if ref.kind == "corner":
        anchor = _bind_ref(ref.anchor, world, look)[0] if ref.anchor is not None else None
        return replace(ref, anchor=anchor), []
    if ref.members:
        names = [_single(m, world) for m in ref.members]
        return _group(names, world), names
    if ref.select:
        name = _select(ref, world, look)
        return object_ref(world.get(name)), [name]
    if ref.quantity == "one":
        name = _single(ref, world)
        return object_ref(world.get(name)), [name]
    names = _candidates(ref, world)
    for left in ref.excluded:  # "every block except the red one": the words say there is a red one
        out = _candidates(left, world)
        if not out:
            raise Unresolved(_missing(left, world))
        names = [n for n in names if n not in out]
    if not names:
        raise Unresolved(_missing(ref, world))
    if ref.quantity in ("count", "some") and len(names) != ref.count:
        raise Unresolved(f"there are {len(names)} {ref.kind}s ({_phrases(world, names)}); say which {ref.count}")
    return _group(names, world), names


def _group(names: list[str], world: WorldState) -> Ref:
    refs = [object_ref(world.get(n)) for n in names]
    if len(refs) == 1:
        return refs[0]
    return Ref(refs[0].kind, members=tuple(refs))


def _candidates(ref: Ref, world: WorldState) -> list[str]:
    return [o.name for o in world.objects if o.kind == ref.kind and (not ref.color or o.color == ref.color)]


def _single(ref: Ref, world: WorldState) -> str:
    names = _candidates(ref, world)
    if not names:
        raise Unresolved(_missing(ref, world))
    if len(names) > 1:
        raise Unresolved(f"which {ref.kind}? there are {len(names)}: {_phrases(world, names)}; say its colour")
    return names[0]


def _missing(ref: Ref, world: WorldState) -> str:
    what = f"{ref.color} {ref.kind}".strip()
    have = ", ".join(o.phrase for o in world.objects) or "nothing"
    return f"there is no {what} on the table (it has: {have})"


def _select(ref: Ref, world: WorldState, look) -> str:
    """The object a rule picks among those of its kind, from the detections (nearest, leftmost, largest, ...)."""
    base = ref.base
    pool = [s for s in look() if s.kind == base.kind and (not base.color or s.color == base.color)]
    if not pool:
        raise Unresolved(_missing(base, world))
    anchor = None
    if ref.anchor is not None and ref.anchor.kind != "robot":
        anchor_name = _single(ref.anchor, world)
        anchor = next((s for s in look() if s.name == anchor_name), None)
        pool = [s for s in pool if s.name != anchor_name]
    ax, ay = (anchor.position[0], anchor.position[1]) if anchor is not None else (0.0, 0.0)
    keys = {"nearest": lambda s: ((s.position[0] - ax) ** 2 + (s.position[1] - ay) ** 2),
            "farthest": lambda s: -((s.position[0] - ax) ** 2 + (s.position[1] - ay) ** 2),
            "leftmost": lambda s: -s.position[1], "rightmost": lambda s: s.position[1],
            "frontmost": lambda s: -s.position[0], "backmost": lambda s: s.position[0],
            "largest": lambda s: -s.size[0] * s.size[1] * s.size[2], "smallest": lambda s: s.size[0] * s.size[1]
            * s.size[2]}
    if ref.select not in keys or ref.rank > len(pool):
        raise Unresolved(f"cannot pick {_words(ref)} here ({len(pool)} {base.kind}s seen)")
    return sorted(pool, key=keys[ref.select])[ref.rank - 1].name


def bound_names(bound: dict[str, list[str]]) -> list[str]:
    """Every world name a binding uses, once, in order."""
    out: list[str] = []
    for names in bound.values():
        out += [n for n in names if n not in out]
    return out


# ---------------------------------------------------------------- goals

def movers(cond: Cond, bound: dict[str, list[str]]) -> tuple[str, ...]:
    """World names of the objects a goal moves: the first object of each part that is not a constraint."""
    out: list[str] = []
    for part in canonical(cond).conjuncts():
        if part.name in CONSTRAINTS or not part.args or not isinstance(part.args[0], Ref):
            continue
        for name in bound.get(str(part.args[0]), []):
            if name not in out:
                out.append(name)
    return tuple(out)


def first_mover(cond: Cond) -> Ref | None:
    """The object the first part of a goal moves."""
    for part in canonical(cond).conjuncts():
        if part.name not in CONSTRAINTS and part.args and isinstance(part.args[0], Ref):
            return part.args[0]
    return None


def swap(cond: Cond, old: Ref, new: Ref) -> Cond:
    """The condition with ``old`` replaced by ``new`` wherever it stands."""
    def arg(a):
        if isinstance(a, Cond):
            return swap(a, old, new)
        if isinstance(a, Ref):
            if str(a) == str(old):
                return new
            if a.members:
                return replace(a, members=tuple(arg(m) for m in a.members))
        return a
    return Cond(cond.name, tuple(arg(a) for a in cond.args))


SAY = {"in": "put the {0} in the {1}", "on": "put the {0} on the {1}", "left_of": "put the {0} to the left of the {1}",
       "right_of": "put the {0} to the right of the {1}", "in_front_of": "put the {0} in front of the {1}",
       "behind": "put the {0} behind the {1}", "next_to": "put the {0} next to the {1}",
       "near": "put the {0} near the {1}", "at": "put the {0} back", "in_zone": "put the {0} in the {1}"}


def say_goal(cond: Cond) -> str:
    """Words for a goal a reference made (what the goal line shows and the scene's instruction says); '' when
    there are none."""
    if cond.name == "all":
        parts = [say_goal(a) for a in cond.args if isinstance(a, Cond)]
        return " and ".join(parts) if all(parts) else ""
    objects = [a.phrase for a in cond.args if isinstance(a, Ref)]
    if cond.name == "stacked" and len(objects) >= 2:
        return "stack " + " on ".join(f"the {o}" for o in objects)
    if cond.name == "at_place" and len(cond.args) > 1 and isinstance(cond.args[1], str) and objects:
        place = cond.args[1].replace("_", " ")
        return f"put the {objects[0]} in the {place}" + (" corner" if "_" in cond.args[1] else "")
    template = SAY.get(cond.name)
    if template is None or len(objects) < template.count("{"):
        return ""
    return template.format(*objects)


def _words(ref: Ref) -> str:
    return "the " + (ref.phrase if not ref.select else str(ref))


def _phrases(world: WorldState, names: list[str]) -> str:
    objects = [world.get(n) for n in names]
    if len(objects) > 1 and len({o.kind for o in objects}) == 1:
        colors = [o.color for o in objects]
        return ", ".join(colors[:-1]) + f" and {colors[-1]} {objects[0].kind}s"
    phrases = [o.phrase for o in objects]
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and the " + phrases[-1]
