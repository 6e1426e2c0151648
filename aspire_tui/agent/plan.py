"""Plan a goal tree: each part of the goal one step, each step a skill chosen by what it achieves.

``plan_goal(goal, skills)`` turns ``then(on(red block, plate), in(nearest(block, red bowl), green bowl))``
into two `Step`s: ``stack_on`` for the ``on`` part and ``place_in`` for the ``in`` part, in that order.
A skill is a candidate for a part when its metadata declares a postcondition with the part's predicate
(``"achieves": "in(obj, container)"``, over the skill's own parameter names) and each argument fits its
parameter by role and kind; among candidates the one that needs no loop wins, then retrieval rank.

- ``then`` keeps its order; in ``all`` a part that moves something goes before a part that puts
  something on it (clear the support first).
- ``stacked(a, b, c)`` (top first) and ``stacked(3 blocks)`` become a tower built bottom-up.
- ``sorted_into`` uses a skill that sorts by kind when the group is every object of its kind,
  else a loop that puts each object in the container of its colour.
- a group passed where a skill takes one object becomes a loop over the group (over detections at
  run time for "all blocks" and "3 blocks", over the named phrases for a listed group).
- ``moved(obj, left, 0.1)`` becomes a shift of the detected position and a skill that achieves ``at``
  (over a group, each member from where it is seen before any moves).
- constraints: ``unmoved(x)`` keeps ``x`` out of every loop and out of every step's moving
  argument; ``never_lifted(x)`` needs a skill that declares it (a push).

Only the words of the goal are read here; the referents and groups are left for the program to
compute from ``robot.detect`` at run time. `aspire_tui.agent.program` writes the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aspire_tui import pyast
from aspire_tui.agent.goal import CONSTRAINTS, Cond, Ref
from aspire_tui.agent.shared_places import clustered
from sim.vocabulary import CONTAINERS, CORNERS, MOVABLE, SUPPORTS

ALIASES = {"in_zone": "in", "in_corner": "at_place"}          # predicates that mean another one
KIND_PARAM = re.compile(r"^(\w+)_kind$")                       # sort_by_color(object_kind, container_kind)
# which kinds a parameter takes, by its name; a name not listed takes any kind
ROLE_KINDS = {
    "container": CONTAINERS, "bowl": ("bowl",), "tray": ("tray",), "zone": ("zone",),
    "tool": ("hook",), "base": ("block", "plate"), "support": ("block", "plate"), "surface": ("plate", "block"),
    "plate": ("plate",), "anchor": ("block",),
    "obj": MOVABLE, "object": MOVABLE, "item": MOVABLE, "query": MOVABLE, "block": ("block",),
    "blocks": ("block",), "objects": MOVABLE, "items": MOVABLE,
}
WORD_PARAMS = ("place", "edge", "side", "order", "direction", "corner")


class PlanError(Exception):
    """No step for part of the goal; the message names the part (one line)."""


@dataclass(frozen=True)
class Achieves:
    """A postcondition a skill declares: ``in(obj, container)`` -> ("in", ("obj", "container"))."""

    predicate: str
    params: tuple[str, ...]

    @classmethod
    def read(cls, text: str) -> "Achieves | None":
        m = re.fullmatch(r"\s*(\w+)\s*\(([^()]*)\)\s*", text)
        if not m:
            return None
        params = tuple(p.strip() for p in m.group(2).split(",") if p.strip())
        return cls(ALIASES.get(m.group(1), m.group(1)), params)


def achieves(skill) -> list[Achieves]:
    """What ``skill`` declares it achieves (its ``ASPIRE["achieves"]``), read."""
    said = getattr(skill, "achieves", None)
    if said is None:
        meta = getattr(skill, "metadata", {}) or {}
        said = meta.get("achieves") or []
        said = [said] if isinstance(said, str) else list(said)
    return [a for a in (Achieves.read(str(s)) for s in said) if a is not None]


@dataclass(frozen=True)
class Step:
    """One part of the goal and how the program makes it true.

    ``form`` says the shape of the code: ``call`` (one skill call), ``each`` (the call once per member
    of ``group``, the member passed as ``param``), ``match`` (each member put in the ``among`` object of
    its colour), ``tower`` (``group`` bottom first, each on the one below), ``shift`` (the object set
    down ``distance`` towards ``direction``), ``beside`` (the object set down next to ``among``, on the
    ``direction`` side or the roomiest, its centre at least ``distance`` off), ``spot`` (the object
    brought to the table's place ``direction``: a corner or the middle), ``slots`` (each member of
    ``group`` brought to its own spot around the zone ``among`` or the place ``direction``), ``clear``
    (what starts on ``group`` moved off it), ``off`` (the object, or each of ``group``, seen in or on ``among``
    set down clear of it).
    """

    part: Cond
    skill: str
    form: str = "call"
    args: dict[str, Any] = field(default_factory=dict)  # parameter -> Ref, place word or number
    param: str = ""                                     # the parameter a loop's member goes to
    group: Ref | None = None                            # what a loop runs over
    among: Any = None                                   # match: the containers; tower: unused
    direction: str = ""
    distance: float = 0.0
    keywords: tuple[tuple[str, float], ...] = ()        # the skill's tuning a repair gave it: (("speed", 0.06),)


@dataclass(frozen=True)
class Plan:
    """The ordered steps for a goal, the objects the program must leave alone, and the program's own
    settings a repair may change: how often each step is tried again, the gap beside an object."""

    steps: tuple[Step, ...]
    keep: tuple[Ref, ...] = ()                          # unmoved: never moved, never in a loop
    retries: int = 0
    gap: float = 0.04                                   # metres between edges when set beside something


def plan_goal(tree, skills: list) -> Plan:
    """The steps that make ``tree`` (an `aspire_tui.agent.goal.Goal`) true with ``skills``.

    Raises:
        PlanError: a part of the goal that no skill achieves, named.
    """
    parts = _ordered(clustered(tree.condition))  # objects sent to one place go there as a group
    keep = tuple(a for c in parts if c.name == "unmoved" for a in c.args[:1] if isinstance(a, Ref))
    never_lifted = {str(a) for c in parts if c.name == "never_lifted" for a in c.args[:1] if isinstance(a, Ref)}
    never_lifted |= {str(a) for c in parts for a in c.args[:1]  # a group joined at a place: pushed if one of it is
                     if isinstance(a, Ref) and any(str(m) in never_lifted for m in a.members)}
    programs = [s for s in skills if getattr(s, "kind", "program") == "program"]
    on_top = _on_top(getattr(tree, "start", ()))
    steps: list[Step] = []
    for part in parts:
        if _taken_out(part, parts, getattr(tree, "start", ())):
            steps.append(_off(part, programs, never_lifted))
            continue
        if part.name in CONSTRAINTS:
            continue
        step = _step(part, programs, never_lifted)
        for ref in touched(part):  # what the words say starts on it must come off first
            if str(ref) in on_top and not any(s.form == "clear" and s.group == ref for s in steps):
                steps.append(clear_step(part, ref, on_top[str(ref)], programs))
        moving = step.group if step.group is not None else next(iter(step.args.values()), None)
        if isinstance(moving, Ref) and any(str(moving) == str(k) for k in keep):
            raise PlanError(f"{part} moves {moving.phrase}, which the goal says stays where it is")
        steps.append(step)
    # no steps when the goal only says what must stay as it is ("don't touch the bowl"): the program only
    # looks, and its runs show the goal holds with nothing done
    return Plan(tuple(steps), keep)


RESTS = ("in", "on", "in_zone")


def _taken_out(part: Cond, parts: list[Cond], start) -> bool:
    """Is ``not(in(X, C))`` (or ``on``) a thing to do, not a side condition: X starts in C ("take the red block
    out of the bowl"), or the goal asks nothing else ("make sure no block is in the blue zone")?"""
    inner = part.args[0] if part.name == "not" and part.args else None
    if not isinstance(inner, Cond) or inner.name not in RESTS or len(inner.args) != 2 or \
            not all(isinstance(a, Ref) for a in inner.args):
        return False
    said = {str(Cond(ALIASES.get(c.name, c.name), c.args)) for c in start}
    return str(Cond(ALIASES.get(inner.name, inner.name), inner.args)) in said or \
        all(p.name in CONSTRAINTS for p in parts)


def _off(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """``not(in(X, C))``: X (each member of a group), when the camera sees it in or on C, set down on free table
    clear of C (pushed off where lifting is forbidden)."""
    obj, place = part.args[0].args
    skill, params = _set_down(part, obj, skills, never_lifted)
    return Step(part, skill, "off", {params[0]: obj}, param=",".join(params), among=place,
                group=obj if obj.is_group else None)


def _on_top(start) -> dict[str, Ref]:
    """Object -> what the start states put on or in it ("the blue cube is on the green cube")."""
    out: dict[str, Ref] = {}
    for cond in start:
        if cond.name in ("on", "in") and len(cond.args) == 2 and all(isinstance(a, Ref) for a in cond.args):
            out[str(cond.args[1])] = cond.args[0]
        if cond.name == "stacked" and len(cond.args) > 1:
            for top, below in zip(cond.args, cond.args[1:]):
                out[str(below)] = top
    return out


def touched(part: Cond) -> list[Ref]:
    """The objects a step picks up or puts something on: its first two object arguments."""
    return [a for a in part.args[:2] if isinstance(a, Ref) and not a.is_group and a.kind in MOVABLE]


def clear_step(part: Cond, under: Ref, top: Ref, skills: list) -> Step:
    """A step that moves ``top`` off ``under`` to free table before ``part`` (make_room around ``under``)."""
    for skill in skills:
        if any(a.predicate == "clear" for a in achieves(skill)):
            return Step(part, skill.name, "clear", {}, group=under, among=top)
    raise PlanError(f"the {top.phrase} starts on the {under.phrase} and no skill clears it off "
                    "(none declares \"achieves\": \"clear(x, y)\")")


# ---------------------------------------------------------------- order

def _ordered(cond: Cond) -> list[Cond]:
    """The parts in the order to make them true: ``then`` as said, ``all`` with supports cleared first."""
    if cond.name == "then":
        return [c for a in cond.args if isinstance(a, Cond) for c in _ordered(a)]
    if cond.name == "all":
        parts = [c for a in cond.args if isinstance(a, Cond) for c in _ordered(a)]
        return _supports_first(parts)
    return [Cond(ALIASES.get(cond.name, cond.name), cond.args)]


def _supports_first(parts: list[Cond]) -> list[Cond]:
    """A part that moves X goes before a part that puts something on or in X (stable otherwise)."""
    def mover(c: Cond) -> str:
        return str(c.args[0]) if c.args and c.name not in CONSTRAINTS else ""

    def target(c: Cond) -> str:
        return str(c.args[1]) if c.name in ("on", "in") and len(c.args) > 1 else ""

    out: list[Cond] = []
    waiting = list(parts)
    while waiting:
        ready = next((c for c in waiting if not any(mover(o) and mover(o) == target(c) for o in waiting
                                                    if o is not c)), waiting[0])
        out.append(ready)
        waiting.remove(ready)
    return out


# ---------------------------------------------------------------- one part

def _step(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    name = part.name
    if name == "stacked" and len(part.args) == 2 and all(isinstance(a, Ref) and not a.is_group for a in part.args):
        part, name = Cond("on", part.args), "on"
    if name == "in_middle":
        part, name = Cond("at_place", (part.args[0], "middle")), "at_place"
    if name == "stacked":
        return _tower(part, skills)
    if name == "moved":
        return _shift(part, skills, never_lifted)
    if name in BESIDE and not _candidates(part, skills, never_lifted):
        return _beside(part, skills, never_lifted)
    found = _candidates(part, skills, never_lifted)
    if shared_place(part, never_lifted) and not (found and found[0][1].form == "call"):
        return _slots(part, skills, never_lifted)
    if found:
        return found[0][1]
    if name == "in_corners" and len(part.args) == 1 and isinstance(part.args[0], Ref) and part.args[0].is_group:
        return _to_corners(part, skills, never_lifted)
    if name == "at_place" and len(part.args) == 2 and (isinstance(part.args[1], str) or _is_corner(part.args[1])):
        return _to_place(part, skills, never_lifted)
    if name == "sorted_into":
        return _sort_by_matching(part, skills)
    raise PlanError(_missing(part, never_lifted))


def _missing(part: Cond, never_lifted: set[str]) -> str:
    lifted = " without lifting it" if part.args and str(part.args[0]) in never_lifted else ""
    return (f"no skill achieves {part}{lifted} (no skill declares \"achieves\": \"{part.name}(...)\" with "
            "parameters that fit); teach one with -m MODEL or write one with /edit")


def _candidates(part: Cond, skills: list, never_lifted: set[str]) -> list[tuple[tuple, Step]]:
    """Steps for ``part``, best first: no loop before a loop, a push only where lifting is forbidden, then
    retrieval rank."""
    found = []
    for rank, skill in enumerate(skills):
        declared = achieves(skill)
        for ach in declared:
            if ach.predicate != part.name or len(ach.params) != len(part.args):
                continue
            moving = part.args[0] if part.args else None
            if isinstance(moving, Ref) and str(moving) in never_lifted and not any(
                    a.predicate == "never_lifted" and a.params[:1] == ach.params[:1] for a in declared):
                continue
            step = _bind(part, skill, ach)
            if step is not None:  # a push only where the words forbid lifting: a lifted placement is surer
                pushes = any(a.predicate == "never_lifted" for a in declared)
                asked = isinstance(moving, Ref) and str(moving) in never_lifted
                found.append(((1 if step.form != "call" else 0, pushes != asked, rank), step))
    found.sort(key=lambda f: f[0])
    return found


def _params(skill) -> tuple[list, set[str]]:
    """The skill's parameters after ``robot``, and the names that must be given (no default)."""
    params = list(getattr(skill, "params", []) or [])
    if params and params[0].name == "robot":
        params = params[1:]
    required = {p.name for p in params if p.default is None and getattr(p, "kind", "positional") == "positional"}
    return params, required


def numeric_defaults(skill) -> dict[str, float]:
    """A skill's numeric parameter defaults, ints kept as ints (a count must stay a count)."""
    out = {}
    for p in skill.params:
        if p.default is None:
            continue
        try:
            value = pyast.literal_eval(p.default)
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[p.name] = value
    return out


def _takes(param: str, kind: str, skill=None) -> bool:
    """Whether ``param`` of ``skill`` takes an object of ``kind``: the skill's own ``takes`` declaration
    ("takes": {"obj": ["bowl", ...]}: a push moves what no gripper holds), else the role its name says."""
    declared = ((getattr(skill, "metadata", None) or {}).get("takes") or {}).get(param)
    if isinstance(declared, list):
        return kind in declared
    base = KIND_PARAM.sub(r"\1", param)
    kinds = ROLE_KINDS.get(param) or ROLE_KINDS.get(base)
    return kinds is None or kind in kinds


def _is_list(param: str) -> bool:
    return param.endswith("s") and not param.endswith("ss") and not KIND_PARAM.match(param)


def _bind(part: Cond, skill, ach: Achieves) -> Step | None:
    """The step that calls ``skill`` for ``part`` (its arguments by role and kind), or None when they do not fit."""
    params, required = _params(skill)
    names = {p.name for p in params}
    tools = {p: Ref(ROLE_KINDS[p][0]) for p in required - set(ach.params) if p in TOOL_PARAMS}
    if not set(ach.params) <= names | {"robot"} or required - set(ach.params) - set(tools):
        return None
    args: dict[str, Any] = dict(tools)  # a tool the goal does not name ("pull it closer"): the one seen
    loop: tuple[str, Ref] | None = None
    for pname, arg in zip(ach.params, part.args):
        if pname == "robot":
            if arg != "robot" and not (isinstance(arg, Ref) and arg.kind == "robot"):
                return None
            continue
        if isinstance(arg, Ref):
            kind_param = KIND_PARAM.match(pname)
            if kind_param:
                # a skill over every object of a kind: only for "all <kind>s", not some of them
                if not (arg.quantity == "all" and not arg.color and not arg.members and not arg.select
                        and not arg.excluded):
                    return None
                if not _takes(pname, arg.kind, skill):
                    return None
                args[pname] = arg.kind
                continue
            if not _takes(pname, arg.kind, skill):
                return None
            if arg.is_group and not _is_list(pname):
                if loop is not None or arg.select:
                    return None  # one loop per step
                loop = (pname, arg)
                continue
            if not arg.is_group and _is_list(pname):
                return None
            args[pname] = arg
        elif isinstance(arg, Cond):
            return None
        else:
            if isinstance(arg, str) and pname in ROLE_KINDS:
                return None  # a place word where an object goes
            args[pname] = arg
    if loop is not None:
        return Step(part, skill.name, "each", args, param=loop[0], group=loop[1])
    return Step(part, skill.name, "call", args)


def _skill_for(pred: str, first_kind: str, second_kind: str, skills: list) -> tuple[Any, Achieves] | None:
    """The best-ranked skill that achieves ``pred(<first_kind>, <second_kind>)`` for single objects; one
    that lifts before one that pushes (a lifted placement is surer, and nothing here forbids lifting)."""
    found = []
    for rank, skill in enumerate(skills):
        declared = achieves(skill)
        for ach in declared:
            if ach.predicate != pred or len(ach.params) != 2:
                continue
            params, required = _params(skill)
            if required - set(ach.params) or any(_is_list(p) for p in ach.params):
                continue
            if _takes(ach.params[0], first_kind, skill) and _takes(ach.params[1], second_kind, skill):
                pushes = any(a.predicate == "never_lifted" for a in declared)
                found.append(((pushes, rank), skill, ach))
    return min(found, key=lambda f: f[0])[1:] if found else None


def _needed(pred: str, first: str, second: str, part: Cond, skills: list) -> tuple[Any, Achieves]:
    """The skill for ``pred(<first>, <second>)`` that ``part`` is made of; PlanError (one line) when none."""
    found = _skill_for(pred, first, second, skills)
    if found is None:
        raise PlanError(f"no skill achieves {pred}({first}, {second}), which {part} needs; teach one with "
                        "-m MODEL or write one with /edit")
    return found


def _tower(part: Cond, skills: list) -> Step:
    """``stacked(top, ..., bottom)`` or ``stacked(3 blocks)``: bottom first, each on the one below."""
    if len(part.args) == 1 and isinstance(part.args[0], Ref) and part.args[0].is_group:
        group = part.args[0]
        if group.members:  # stacked([a, b, c]) lists the top first, as stacked(a, b, c) does
            group = Ref(group.kind, members=tuple(reversed(group.members)))
    elif all(isinstance(a, Ref) and not a.is_group for a in part.args):
        group = Ref(part.args[0].kind, members=tuple(reversed(part.args)))  # bottom first
    else:
        raise PlanError(f"cannot read {part} as a tower (objects top first, or one group)")
    skill, ach = _needed("on", group.kind, group.kind, part, skills)
    return Step(part, skill.name, "tower", {}, param=f"{ach.params[0]}:{ach.params[1]}", group=group)


def _sort_by_matching(part: Cond, skills: list) -> Step:
    """``sorted_into(objects, containers)`` as: each object into the container of its colour."""
    objs, containers = (part.args + (None, None))[:2]
    if not isinstance(objs, Ref) or not isinstance(containers, Ref):
        raise PlanError(f"cannot read {part}: objects and containers")
    pred = "on" if containers.kind in SUPPORTS else "in"  # sorted onto plates: each on the plate of its colour
    skill, ach = _needed(pred, objs.kind, containers.kind, part, skills)
    return Step(part, skill.name, "match", {}, param=f"{ach.params[0]}:{ach.params[1]}", group=objs,
                among=containers)


DIRECTIONS = {"left": (0.0, 1.0), "right": (0.0, -1.0), "front": (1.0, 0.0), "back": (-1.0, 0.0)}
TOOL_PARAMS = ("tool",)
# beside another object: the side it goes to ("" = the side with most room)
BESIDE = {"left_of": "left", "right_of": "right", "in_front_of": "front", "behind": "back", "next_to": "",
          "near": ""}


def _beside(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """``left_of(obj, anchor[, metres])``, ``next_to``, ``near``: bring the object beside the anchor, on the
    named side (or the side with most room), its edge a little off the anchor's and its centre at least as
    far as the words ask (the program measures both objects when it runs)."""
    obj, anchor = part.args[0], part.args[1] if len(part.args) > 1 else None
    if not isinstance(obj, Ref) or not isinstance(anchor, Ref) or anchor.is_group:
        raise PlanError(f"cannot read {part}: objects beside one other object")
    # a side's number is the least distance; next_to's and near's is the most ("within"), which the
    # edge-to-edge gap already keeps to
    sided = part.name not in ("next_to", "near")
    least = float(part.args[2]) if sided and len(part.args) > 2 and isinstance(part.args[2], float) else 0.0
    skill, params = _set_down(part, obj, skills, never_lifted)
    return Step(part, skill, "beside", {params[0]: obj}, param=",".join(params), among=anchor,
                direction=BESIDE[part.name], distance=least, group=obj if obj.is_group else None)


def _set_down(part: Cond, obj: Ref, skills: list, never_lifted: set[str]) -> tuple[str, tuple[str, ...]]:
    """The skill that brings ``obj`` to a point (it achieves ``at(obj, x, y)``, and ``never_lifted(obj)`` when
    the goal forbids lifting it: a push) and those parameters."""
    slide = str(obj) in never_lifted
    found = []
    for rank, skill in enumerate(skills):
        declared = achieves(skill)
        for ach in declared:
            if ach.predicate != "at" or len(ach.params) < 3 or not _takes(ach.params[0], obj.kind, skill):
                continue
            pushes = any(a.predicate == "never_lifted" and a.params[:1] == ach.params[:1] for a in declared)
            params, required = _params(skill)
            if (pushes or not slide) and not required - set(ach.params):
                found.append(((pushes != slide, rank), skill.name, ach.params[:3]))  # lift what may be lifted
    if found:
        return min(found)[1:]
    how = "at(obj, x, y) without lifting it" if slide else f"at({obj.kind}, x, y)"
    raise PlanError(f"no skill achieves {how}, which {part} needs; teach one with -m MODEL or write one "
                    "with /edit")


def _to_place(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """``at_place(bowl, back_left)`` when no skill places that kind at a table spot: brought to the spot's
    point (a bowl is pushed there)."""
    obj = part.args[0]
    if not isinstance(obj, Ref) or obj.is_group:
        raise PlanError(_missing(part, never_lifted))
    skill, params = _set_down(part, obj, skills, never_lifted)
    place = part.args[1]
    if _is_corner(place):  # "the corner farthest from the robot": chosen where things are seen, as it runs
        return Step(part, skill, "spot", {params[0]: obj}, param=",".join(params), among=place)
    return Step(part, skill, "spot", {params[0]: obj}, param=",".join(params), direction=str(place))


def _to_corners(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """``in_corners(all bowls)`` when no skill spreads that kind over the corners: each member brought to a
    corner of its own, as one corner at a time (set down, or pushed: a bowl); the program pairs members and
    corners from what it sees when it runs."""
    group = part.args[0]
    skill, params = _set_down(part, group, skills, never_lifted)
    return Step(part, skill, "corners", {}, param=",".join(params), group=group)


def _is_corner(place: Any) -> bool:
    """Whether ``place`` is a corner picked by a rule ("the corner farthest from the robot")."""
    return isinstance(place, Ref) and place.kind == "corner" and not place.is_group


def shared_place(part: Cond, never_lifted: set[str]) -> bool:
    """Whether ``part`` brings a group to one place that holds them only side by side: the middle of the
    table, one corner, or a zone they are pushed into (each member sent to the place's centre lands on, or
    shoves, the one before it; set down into a zone, place_in spreads them over its area itself)."""
    group = part.args[0] if part.args else None
    if not isinstance(group, Ref) or not group.is_group or len(part.args) != 2:
        return False
    place = part.args[1]
    if part.name == "at_place":
        return str(place) in ("middle", *CORNERS)
    return part.name == "in" and isinstance(place, Ref) and place.kind == "zone" and not place.is_group \
        and str(group) in never_lifted


def _slots(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """A group to the middle, a corner or into a zone: each member brought to its own spot around the place's
    centre or packed into the corner (set down, or pushed where lifting is forbidden); the program lays the
    spots out when it runs."""
    group, place = part.args
    skill, params = _set_down(part, group, skills, never_lifted)
    return Step(part, skill, "slots", {}, param=",".join(params), group=group,
                among=place if isinstance(place, Ref) else None, direction="" if isinstance(place, Ref) else str(place))


def _shift(part: Cond, skills: list, never_lifted: set[str]) -> Step:
    """``moved(obj, left, 0.1)``: set the object down that far towards that side of where it is seen."""
    obj, direction, distance = (part.args + (None, None, None))[:3]
    if not isinstance(obj, Ref) or str(direction) not in DIRECTIONS:
        raise PlanError(f"cannot read {part}: an object, a direction ({', '.join(DIRECTIONS)}) and metres")
    try:
        metres = float(distance) if distance is not None else 0.1
    except (TypeError, ValueError):
        raise PlanError(f"cannot read {part}: the distance must be metres") from None
    skill, params = _set_down(part, obj, skills, never_lifted)
    return Step(part, skill, "shift", {params[0]: obj}, param=",".join(params), direction=str(direction),
                distance=metres, group=obj if obj.is_group else None)
