"""The steps read, tidied into the goal: a way of doing a step dropped, towers merged, restated starts dropped."""

from __future__ import annotations

from dataclasses import replace

from aspire_tui.agent.goal import CONSTRAINTS, Cond, Goal, Ref
from aspire_tui.agent.words.sides import CONVERSE


def without_restated(goal: Goal) -> Goal:
    """The goal without a "start state" that the goal already is, said the other way round: "put the ball on
    the far side of the bowl, so the bowl is between you and the ball" restates the goal (a start where the
    task is done already is none)."""
    asked = set(goal.condition.conjuncts())
    restated = asked | {Cond(CONVERSE[c.name], (c.args[1], c.args[0], *c.args[2:])) for c in asked
                        if c.name in CONVERSE and len(c.args) >= 2}
    kept = tuple(c for c in goal.start if c not in restated)
    return goal if kept == goal.start else replace(goal, start=kept)


def drop_lifts(steps: list[Cond]) -> list[Cond]:
    """"pick up X and put it in Y": picking X up is the way, not a goal of its own; so too where it is put
    is said as what it must no longer be ("... and put it on the table": not in the bowl)."""
    moved = [a for c in steps if c.name != "lifted"
             for a in (*c.args, *(b for n in c.args if isinstance(n, Cond) for b in n.args)) if isinstance(a, Ref)]
    return [c for c in steps if not (c.name == "lifted" and same_object(c.args[0], moved))]


def same_object(ref: Ref, refs: list[Ref]) -> bool:
    """Whether ``refs`` name ``ref``, or its kind bare ("pick up the red cube ... place the cube ...")."""
    return any(r == ref or (not r.color and not r.select and not r.is_group and r.kind == ref.kind) for r in refs)


def drop_taken_out(steps: list[Cond], taken_out: list[Cond]) -> list[Cond]:
    """"take the block off the plate and put it in the bowl": taking it off is the way, and where it starts is
    a start state; what is asked is where it goes. Alone ("take the block out of the bowl") it is the goal."""
    placed = [c.args[0] for c in steps if c.name not in CONSTRAINTS and c.args and isinstance(c.args[0], Ref)]
    return [c for c in steps if not (c in taken_out and same_object(c.args[0].args[0], placed))] or steps


def merge_towers(steps: list[Cond]) -> list[Cond]:
    """"B on A and C on B" is one tower: ``stacked(C, B, A)``."""
    ons = [c for c in steps if c.name == "on" and all(isinstance(a, Ref) and a.kind == "block" and not a.is_group
                                                       for a in c.args)]
    if len(ons) < 2:
        return steps
    above = {c.args[1]: c.args[0] for c in ons}
    below = {c.args[0]: c.args[1] for c in ons}
    bottoms = [b for b in above if b not in below]
    if len(bottoms) != 1:
        return steps
    chain = [bottoms[0]]
    while chain[-1] in above and above[chain[-1]] not in chain:
        chain.append(above[chain[-1]])
    if len(chain) != len(ons) + 1:
        return steps
    tower = Cond("stacked", tuple(reversed(chain)))
    at = steps.index(ons[0])  # where the tower was said, among the other steps
    return [c for c in steps[:at] if c not in ons] + [tower] + [c for c in steps[at:] if c not in ons]


def group_of(refs: list[Ref]) -> Ref:
    if len(refs) == 1:
        return refs[0]
    return Ref(refs[0].kind, members=tuple(refs))


def drop_counted_towers(steps: list[Cond]) -> list[Cond]:
    """"make a tower of three blocks. red on green on blue": a tower of a count of blocks, said with a tower of
    as many blocks named one by one, is that tower."""
    named = [len(c.args) if c.name == "stacked" else 2 for c in steps
             if c.name in ("stacked", "on") and len(c.args) >= 2 and all(
                 isinstance(a, Ref) and a.kind == "block" and not a.is_group for a in c.args[:3 if c.name == "stacked"
                                                                                          else 2])]
    # "stack them cubes up! purple on the bottom, orange on it, pink on top": the blocks stacked are the ones the
    # order names, a tower of three or more
    ordered = any(n >= 3 for n in named)
    return [c for c in steps if not (
        c.name == "stacked" and len(c.args) == 1 and isinstance(c.args[0], Ref) and c.args[0].kind == "block" and
        (c.args[0].quantity == "count" and c.args[0].count in named or
         ordered and c.args[0].quantity == "all" and not c.args[0].color and not c.args[0].excluded))]


def drop_tower_bases(steps: list[Cond]) -> list[Cond]:
    """"stack the red block, then the blue block on it, then the yellow one on top": the one block "stacked" first
    is the base the later steps build on, not a tower of its own; the tower they build says it."""
    def base(c: Cond) -> Ref | None:
        return c.args[-1] if c.name == "stacked" and len(c.args) >= 2 else c.args[1] if c.name == "on" else None
    return [c for k, c in enumerate(steps) if not (
        c.name == "stacked" and len(c.args) == 1 and isinstance(c.args[0], Ref) and not c.args[0].is_group and
        any(base(later) == c.args[0] for later in steps[k + 1:]))]
