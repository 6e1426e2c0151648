"""What no robot can do, goals that contradict themselves, and words that could mean two objects."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aspire_tui.agent.goal import Cond, Goal, Ref
from aspire_tui.agent.words.lexicon import InstructionError
from sim import vocabulary as vocab


class AmbiguousWord(InstructionError):
    """A word that could mean more than one object; ``choices`` are the readings to ask about."""

    def __init__(self, message: str, word: str, choices: list[str]) -> None:
        super().__init__(message, "ambiguous")
        self.word, self.choices = word, choices


def check_unambiguous(goal: Goal, introduced: list[Ref] = (), apart: list[Ref] = ()) -> Goal:
    """The goal with each bare "the bowl" read as the one coloured bowl the words name ("put the block in
    the green bowl, then the ball in the bowl"); "the bowl" beside a green and a blue bowl (in the goal
    or ``introduced``: "there's a green bowl and a blue bowl") could be either, and is asked about. Objects
    ``apart`` ("the cube ..., then the blue one") are set against the bare one, so never what it means."""
    refs = [r for r in goal.refs() if not r.select and r.kind != "robot"]
    named = refs + [m for r in introduced for m in (r.members or (r,))]
    for r in refs:
        if r.color or r.is_group:
            continue
        colored = list(dict.fromkeys(o for o in named if o.kind == r.kind and o.color and not o.is_group
                                     and o not in apart))
        several = [o for o in introduced if o.kind == r.kind and o.count > 1 and not o.color and not o.members]
        if several and not colored:  # "there are two bowls. put the cube in the bowl": either of them
            raise AmbiguousWord(f"which {r.kind} is 'the {r.kind}': {several[0].count} {r.kind}s were named; say "
                                "which", r.kind, [])
        if len(colored) > 1:
            names = [o.phrase for o in colored]
            raise AmbiguousWord(f"which {r.kind} is 'the {r.kind}': the {' or the '.join(names)}? say its colour",
                                r.kind, names)
        if colored and any(_related(c, r, colored[0]) for c in (goal.condition, *goal.start)):
            continue  # "the block next to the plate onto the green block": another block than the green one
        if colored:
            goal = replace(goal, condition=_deduped(_swapped(goal.condition, r, colored[0])),
                           start=tuple(dict.fromkeys(_swapped(c, r, colored[0]) for c in goal.start)))
    return goal


def _related(cond: Cond, a: Ref, b: Ref) -> bool:
    """Whether one condition in ``cond`` relates ``a`` and ``b`` to each other (so they are two objects)."""
    args = [x for x in cond.args if isinstance(x, Ref)]
    return (a in args and b in args) or any(_related(x, a, b) for x in cond.args if isinstance(x, Cond))


def _deduped(cond: Cond) -> Cond:
    """``all(A, A)`` as ``A``: "on the near side of the blue tray, between you and the tray" asks it once."""
    if cond.name != "all":
        return cond
    parts = tuple(dict.fromkeys(_deduped(a) if isinstance(a, Cond) else a for a in cond.args))
    return parts[0] if len(parts) == 1 and isinstance(parts[0], Cond) else Cond("all", parts)


def _swapped(value: Any, old: Ref, new: Ref) -> Any:
    """``value`` (a condition, a reference or a plain argument) with every ``old`` reference made ``new``."""
    if isinstance(value, Cond):
        return Cond(value.name, tuple(_swapped(a, old, new) for a in value.args))
    if value == old:
        return new
    if isinstance(value, Ref) and (value.members or value.anchor is not None):
        return replace(value, members=tuple(_swapped(m, old, new) for m in value.members),
                       anchor=_swapped(value.anchor, old, new))
    return value


def check_possible(condition: Cond) -> None:
    """Refuse what no robot can do and goals that contradict themselves (one line each)."""
    from sim.objects import DEFAULT_SIZES

    parts = condition.conjuncts()
    for c in parts:
        if c.name in ("lifted", "stacked", "in_line", "in_corners", "along_edge", "in_reach") and \
                any(isinstance(a, Ref) and a.kind == "robot" for a in c.args):
            raise InstructionError("impossible: the robot cannot lift or place itself; it moves objects",
                                   "impossible")
        if c.name in ("in", "on") and len(c.args) == 2 and all(isinstance(a, Ref) for a in c.args):
            x, y = c.args
            if x == y and not x.is_group:
                raise InstructionError(f"impossible: the {x.phrase} cannot go {c.name} itself", "impossible")
            if c.name == "on" and y.is_group and not x.is_group:
                # one object rests on one other, never on a group ("on top of the three blocks": which one?)
                raise InstructionError(f"ambiguous: which {y.kind} should the {x.phrase} go on: the words name "
                                       f"{y} as the place; say which {y.kind}, or the tower's order from the top",
                                       "ambiguous")
            if x.kind in ("zone", "marker") or x.kind == "robot":
                raise InstructionError(f"impossible: the {x.phrase} cannot be picked up and moved",
                                       "impossible")
            if c.name == "in" and y.kind in vocab.MOVABLE + vocab.TOOLS:
                raise InstructionError(f"impossible: nothing goes inside a {y.kind}", "impossible")
            if (Cond("in", (y, x)) in parts or Cond("on", (y, x)) in parts) and not x.is_group and \
                    condition.name != "then":  # one after the other, each may hold in turn
                raise InstructionError(f"contradiction: the {x.phrase} and the {y.phrase} cannot each be "
                                       "in or on the other", "contradiction")
            if c.name == "in" and x.kind in DEFAULT_SIZES and y.kind in DEFAULT_SIZES and y.kind not in ("zone",) \
                    and any(a > b for a, b in zip(sorted(DEFAULT_SIZES[x.kind][:2]), sorted(DEFAULT_SIZES[y.kind][:2]))):
                # each side of the footprint must fit: a square crate is narrower than a tray is long, not than
                # it is wide
                raise InstructionError(f"impossible: a {x.kind} does not fit inside a {y.kind}", "impossible")
    seen = {str(c) for c in parts}
    for c in parts:
        if c.name == "unmoved" and any(p.name not in ("unmoved", "not", "never_lifted", "never_grasped", "no_contact")
                                       and p.args and p.args[0] == c.args[0] for p in parts):
            raise InstructionError(f"contradiction: the {c.args[0].phrase} is to be moved and to stay where it is",
                                   "contradiction")
        if c.name == "not" and str(c.args[0]) in seen:
            raise InstructionError(f"contradiction: the goal asks for {c.args[0]} and for its opposite",
                                   "contradiction")
        if c.name == "not" and c.args[0].name == "near" and any(  # beside it, in it or on it is near it too
                p.name in ("next_to", "in", "on") and p.args[:2] == c.args[0].args[:2] for p in parts):
            raise InstructionError(f"contradiction: the goal asks for the {c.args[0].args[0].phrase} beside the "
                                   f"{c.args[0].args[1].phrase} and for its opposite, far from it", "contradiction")
        if c.name in vocab.SIDE_RELATIONS and len(c.args) >= 2:
            opposite = {"left_of": "right_of", "right_of": "left_of", "in_front_of": "behind",
                        "behind": "in_front_of"}[c.name]
            if str(Cond(opposite, c.args[:2])) in {str(Cond(p.name, p.args[:2])) for p in parts}:
                raise InstructionError(f"contradiction: {c.args[0]} cannot be both {c.name.replace('_', ' ')} "
                                       f"and {opposite.replace('_', ' ')} {c.args[1]}", "contradiction")
        if c.name in ("in", "on") and condition.name != "then":
            others = [p for p in parts if p.name in ("in", "on") and p.args[0] == c.args[0] and p.args[1] != c.args[1]]
            if others and not c.args[0].is_group and not others[0].args[1].is_group:
                raise InstructionError(f"contradiction: the {c.args[0].phrase} cannot be both {c.name} the "
                                       f"{c.args[1].phrase} and {others[0].name} the {others[0].args[1].phrase}",
                                       "contradiction")
        if c.name == "moved" and condition.name != "then" and len(c.args) >= 2:
            # one object shifted two opposite ways at once ends up neither way from where it started
            opposite = {"left": "right", "right": "left", "front": "back", "back": "front"}.get(str(c.args[1]))
            if any(p.name == "moved" and p.args[0] == c.args[0] and str(p.args[1]) == opposite for p in parts):
                raise InstructionError(f"contradiction: the {c.args[0].phrase} cannot be moved both {c.args[1]} and "
                                       f"{opposite} at once; say \"then\" between them for one move after the other",
                                       "contradiction")
        if c.name == "at_place" and condition.name != "then" and not c.args[0].is_group:
            there = [p.args[1] for p in parts if p.name == "at_place" and p.args[0] == c.args[0]]
            if len(set(map(str, there))) > 1:
                raise InstructionError(f"contradiction: the {c.args[0].phrase} cannot be at the "
                                       f"{str(there[0]).replace('_', ' ')} and at the "
                                       f"{str(there[1]).replace('_', ' ')} at once", "contradiction")
        if c.name == "on" and Cond("on", (c.args[1], c.args[0])) in parts:
            raise InstructionError(f"contradiction: the {c.args[0].phrase} and the {c.args[1].phrase} cannot each "
                                   "be on the other", "contradiction")
