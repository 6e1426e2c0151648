"""Write a planned goal as a robot program a person would write: ARGS, small helpers, one step per part.

``write_program(goal, plan, skills)`` gives source such as::

    ARGS = {"red_block": "red block", "plate": "white plate", "red_bowl": "red bowl", "green_bowl": "green bowl"}

    def _nearest(robot, query, anchor, rank=1):
        ...

    def run(robot):
        robot.home()
        block = _nearest(robot, "block", ARGS["red_bowl"])  # nearest(block, red bowl)
        # on(red block, white plate)
        stack_on(robot, ARGS["red_block"], ARGS["plate"])
        # in(nearest(block, red bowl), green bowl)
        place_in(robot, block, ARGS["green_bowl"])

``ARGS`` holds only what the words named, under the scene's object ids (so the loop can fill it in
for every validation scene). A referent ("the block nearest the red bowl") is chosen from
``robot.detect`` at the start of the run, in the scene the words described (as
`aspire_tui.agent.perceive` judges it); a group ("all the blocks") is detected when its step runs.
Neither is ever a value taken from the scene when the program is written.
Helpers start with ``_`` so that a validated program distils into a skill with one public function.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from aspire_tui import pyast
from aspire_tui.agent.goal import Ref
from aspire_tui.agent.plan import DIRECTIONS, Plan, Step, achieves
from sim.vocabulary import embodiment_for

HELPERS = {
    "_detected": '''def _detected(robot, query, leave=()):
    """Names of the objects matching ``query`` that the camera sees now, leaving out those ``leave`` names."""
    kept = {d.name for phrase in leave for d in robot.detect(phrase)}
    return [d.name for d in robot.detect(query) if d.name not in kept]''',
    "_same_color": '''def _same_color(robot, item, query):
    """The name of the ``query`` object that has the colour of ``item``; None when there is none."""
    color = robot.detect(item)[0].color
    return next((d.name for d in robot.detect(query) if d.color == color), None)''',
    "_largest_first": '''def _largest_first(robot, query, leave=()):
    """Names of the ``query`` objects seen now, the largest footprint first (the bottom of a tower)."""
    kept = {d.name for phrase in leave for d in robot.detect(phrase)}
    found = [d for d in robot.detect(query) if d.name not in kept]
    found.sort(key=lambda d: -d.size[0] * d.size[1])
    return [d.name for d in found]''',
    "_beside": '''def _beside(robot, query, anchor, sides=("left", "right", "front", "back"), least=0.0, gap=GAP,
            trip=False):
    """A spot beside ``anchor`` for ``query``: the two a ``gap`` apart edge to edge (and the centres at least
    ``least`` apart), on one of ``sides``, inside the work area. The plainest spot with room for the object
    (and the fingers) wins; a little along the side only when nothing has that room, then the roomiest
    (with ``trip``, the nearest: a push goes round the anchor to a far side, and meets what stands there).
    Near the work area's edge the gap shrinks, and then the spot may lie a little past the edge."""
    robot.home()  # the arm, parked over the last spot, would hide part of what the spot is beside
    area = robot.workspace()
    base, moving = robot.detect(anchor)[0], robot.detect(query)[0]
    x, y, _ = base.position
    others = [d for d in robot.scan() if d.name not in (moving.name, base.name)]
    needed = max(moving.size[:2]) / 2 + 0.03
    best, score = None, None
    for side in sides:
        dx, dy = {directions}[side]
        axis = 0 if dx else 1
        for shrunk in (gap, min(gap, 0.03)):  # closer than 3 cm an open finger meets a bowl's wall
            distance = max(base.size[axis] / 2 + moving.size[axis] / 2 + shrunk, least + 0.03)
            # along the side only when the plain spot has no room; at most 0.6 of the way out, so that
            # the two still stand roughly in line, or 0.8 when a neighbour takes all of that (a side's
            # check allows up to the whole way; a push stops too loosely for it)
            wider = () if trip else (0.8 * distance, -0.8 * distance)
            for along in (0.0, 0.04, -0.04, 0.6 * distance, -0.6 * distance) + wider:
                spot = (x + dx * distance + dy * along, y + dy * distance + dx * along)
                # well inside the work area first; a little past its edge (the arm reaches farther) only
                # when the side asked for has no room inside it
                inside = _within(spot, area, 0.03)
                free = min((math.dist(spot, d.position[:2]) - max(d.size[:2]) / 2 for d in others), default=1.0)
                last = -math.dist(spot, moving.position[:2]) if trip else free
                mine = (inside, free >= needed, shrunk, -abs(along), last)
                if _within(spot, area, -0.03) and (score is None or mine > score):
                    best, score = spot, mine
    if best is None:
        raise LookupError(f"no room beside {anchor} inside the work area")
    return best


def _within(spot, area, margin):
    """Whether ``spot`` is inside the work area ``area`` by at least ``margin`` metres."""
    return (area["x"][0] + margin <= spot[0] <= area["x"][1] - margin
            and area["y"][0] + margin <= spot[1] <= area["y"][1] - margin)'''.replace("{directions}", repr(DIRECTIONS)),
    "_corner": '''def _corner(robot, rule, anchor=None):
    """The words for the work area's corner nearest to (or farthest from) where ``anchor`` is seen (the
    robot's base without one)."""
    (x0, x1), (y0, y1) = robot.workspace()["x"], robot.workspace()["y"]
    corners = {"front left corner": (x1, y1), "front right corner": (x1, y0),
               "back left corner": (x0, y1), "back right corner": (x0, y0)}
    point = robot.detect(anchor)[0].position[:2] if anchor else (0.0, 0.0)
    pick = min if rule == "nearest" else max
    return pick(corners, key=lambda c: math.dist(corners[c], point))''',
    "_spot": '''def _spot(robot, query, place):
    """The point of the work area's ``place`` ("back_left", "middle", ...) nearest its corner where
    ``query`` stands whole inside it (1 cm to spare: a push may stop a little short of its point, and
    each centimetre in from both edges takes it 1.4 cm from the corner)."""
    (x0, x1), (y0, y1) = robot.workspace()["x"], robot.workspace()["y"]
    inset = max(robot.detect(query)[0].size[:2]) / 2 + 0.01
    place = place.replace(" corner", "").replace(" ", "_")  # _corner's words: "front left corner"
    if place == "middle":
        return (x0 + x1) / 2, (y0 + y1) / 2
    side, hand = place.split("_")
    return (x1 - inset if side == "front" else x0 + inset), (y1 - inset if hand == "left" else y0 + inset)''',
    "_corner_spots": '''def _corner_spots(robot, names):
    """A corner of its own for each of ``names``, the object and corner nearest each other paired first (one
    already in a corner keeps it), and the point there where it stands whole inside the work area (``_spot``).
    Returns (name, x, y), the shortest trip first."""
    robot.home()  # the arm, parked over the last spot, would hide part of the table
    seen = {d.name: d for d in robot.scan()}
    names = [n if n in seen else robot.detect(n)[0].name for n in names]
    corners = ("front_left", "front_right", "back_left", "back_right")
    spots = {(n, c): _spot(robot, n, c) for n in names for c in corners}
    out, used, done = [], set(), set()
    for _, n, c in sorted((math.dist(seen[n].position[:2], spots[n, c]), n, c) for n in names for c in corners):
        if n not in done and c not in used:
            out.append((n, *spots[n, c]))
            done.add(n)
            used.add(c)
    return out''',
    "_half_diagonal": '''def _half_diagonal(robot, query):
    """Half the diagonal of ``query``'s seen footprint: every part of it lies within this of its centre."""
    size = robot.detect(query)[0].size
    return math.hypot(size[0], size[1]) / 2''',
    "_slots": '''def _slots(robot, names, place):
    """A spot for each of ``names`` side by side around ``place`` (a zone seen by the camera, or "middle":
    the work area's centre), or packed into a corner ("back_left": from its point out, each whole inside the
    work area), a fingertip's room apart edge to edge; each object gets the free spot nearest it. Returns
    (name, x, y) in the order to move them, the shortest trip first."""
    robot.home()  # the arm, parked over the last spot, would hide part of the table
    seen = {d.name: d for d in robot.scan()}
    named = []
    for n in names:  # a listed group's phrases ("white block") as the names the camera gives ("white_block")
        try:
            named.append(n if n in seen else robot.detect(n)[0].name)
        except Exception:  # ObjectNotFound: left out, as one the camera does not see
            pass
    names = named
    corner = place in ("front_left", "front_right", "back_left", "back_right")
    if place == "middle" or corner:
        area = robot.workspace()
        cx, cy = sum(area["x"]) / 2, sum(area["y"]) / 2
    else:
        cx, cy, _ = robot.detect(place)[0].position
    # the typical width (one noisy estimate would spread them all) and a fingertip's room: as tight as the
    # fingers allow, so that the whole group stays near the place's centre
    widths = sorted(max(seen[n].size[:2]) for n in names if n in seen) or [0.04]
    pitch = widths[len(widths) // 2] + 0.025
    n = len(names)
    shapes = {1: [(0.0, 0.0)], 2: [(0.0, -0.5), (0.0, 0.5)], 3: [(-0.29, -0.5), (-0.29, 0.5), (0.58, 0.0)],
              4: [(-0.5, -0.5), (-0.5, 0.5), (0.5, -0.5), (0.5, 0.5)]}
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    grid = [(i // cols - (rows - 1) / 2, i % cols - (cols - 1) / 2) for i in range(n)]
    free = [(cx + dx * pitch, cy + dy * pitch) for dx, dy in shapes.get(n, grid)]
    if corner:  # the cells nearest the corner's point: a pattern centred on a point in it spreads farther
        side, hand = place.split("_")
        sx, sy = (-1 if side == "front" else 1), (-1 if hand == "left" else 1)
        x0 = area["x"][1] if side == "front" else area["x"][0]
        y0 = area["y"][1] if hand == "left" else area["y"][0]
        inset = widths[-1] / 2 + 0.01
        pitch = widths[(len(widths) - 1) // 2] + 0.025  # the lower median: two blocks' larger one spread them
        order = sorted(((i, j) for i in range(n) for j in range(n)), key=lambda c: (c[0] ** 2 + c[1] ** 2, c))
        cells = []
        for i, j in order:  # filled in this order: the fingers, closed on a block, need one axis clear of
            # neighbours (a block set down between one in front and one beside met a finger)
            if len(cells) < n and not ({(i - 1, j), (i + 1, j)} & set(cells) and {(i, j - 1), (i, j + 1)} & set(cells)):
                cells.append((i, j))
        cells += [c for c in order if c not in cells][:n - len(cells)]
        free = [(x0 + sx * (inset + i * pitch), y0 + sy * (inset + j * pitch)) for i, j in cells]
    out, left = [], [m for m in names if m in seen]
    while left and free:  # the closest pair first: what already stands near the place keeps its spot
        # (a corner fills from its point out: the last set down there between two others pinched the fingers)
        trip, name, spot = min((math.dist(seen[m].position[:2], p), m, p) for m in left
                               for p in (free[:1] if corner else free))
        out.append((name, spot[0], spot[1]))
        left.remove(name)
        free.remove(spot)
    return out''',
    "_names": '''def _names(robot, phrases):
    """The names of the objects ``phrases`` find (each one's first; one the camera does not see is left out)."""
    out = []
    for phrase in phrases:
        try:
            out.append(robot.detect(phrase)[0].name)
        except Exception:  # ObjectNotFound: nothing there to leave alone
            pass
    return tuple(out)''',
    "_inside": '''def _inside(robot, query, place):
    """Whether ``query`` is seen within the footprint of ``place`` (in a bowl or tray, on a plate, over a zone)."""
    robot.home()  # the arm, parked over the last spot it set something down on, may hide either from the camera
    thing, holder = robot.detect(query)[0], robot.detect(place)[0]
    return (abs(thing.position[0] - holder.position[0]) <= holder.size[0] / 2
            and abs(thing.position[1] - holder.position[1]) <= holder.size[1] / 2)''',
    "_chosen": '''def _chosen(robot, query, place, count=None, leave=()):
    """The ``query`` objects the camera sees now (those ``leave`` names left out), those already within
    ``place`` first (a count counts what is there already), the first ``count``; and those of them seen there."""
    kept = {d.name for phrase in leave for d in robot.detect(phrase)}
    holder = robot.detect(place)[0]
    found = [d for d in robot.detect(query) if d.name not in kept]
    there = {d.name for d in found if abs(d.position[0] - holder.position[0]) <= holder.size[0] / 2
             and abs(d.position[1] - holder.position[1]) <= holder.size[1] / 2}
    names = sorted((d.name for d in found), key=lambda name: name not in there)[:count]
    return names, there.intersection(names)''',
    "_off": '''def _off(robot, query, place):
    """The free table spot nearest ``query`` where it stands clear of ``place`` and of everything else, a
    fingertip's room to spare (each footprint counted to its seen corner: the camera gives no yaw)."""
    robot.home()  # the arm, parked over the last spot, would hide part of the table
    area = robot.workspace()
    moving = robot.detect(query)[0]
    others = [d for d in robot.scan() if d.name != moving.name]
    needed = max(moving.size[:2]) / 2 + 0.03
    (x0, x1), (y0, y1) = area["x"], area["y"]
    best, score = None, None
    for i in range(31):
        for j in range(31):
            spot = (x0 + 0.05 + i * (x1 - x0 - 0.1) / 30, y0 + 0.05 + j * (y1 - y0 - 0.1) / 30)
            free = min((math.dist(spot, d.position[:2]) - math.hypot(d.size[0], d.size[1]) / 2 for d in others),
                       default=1.0)
            mine = (free >= needed, -math.dist(spot, moving.position[:2]))
            if score is None or mine > score:
                best, score = spot, mine
    return best''',
    "_start_over": '''def _start_over(robot):
    """After a failed try of a step: let go and go home, so the next try starts as the first did."""
    try:
        robot.release()
        robot.home()
    except Exception:  # a mobile base has no gripper to open and no home pose
        pass''',
    "_ranked": '''def _ranked(found, rank, what):
    """The ``rank``-th of ``found`` (1 is the first), by name; a clear error when there are too few."""
    if len(found) < rank:
        raise LookupError(f"{what}: only {len(found)} seen, asked for number {rank}")
    return found[rank - 1].name''',
    "_shifted": '''def _shifted(robot, query, direction, distance):
    """Where ``query`` is seen now, moved ``distance`` metres towards ``direction`` (left is +y, front is +x)."""
    dx, dy = {directions}[direction]
    robot.home()  # the arm, parked over the last spot, would hide part of it
    x, y, _ = robot.detect(query)[0].position
    return x + dx * distance, y + dy * distance'''.replace("{directions}", repr(DIRECTIONS)),
    "_shifts": '''def _shifts(robot, names, direction, distance):
    """Each of ``names`` with where it goes: ``distance`` metres towards ``direction`` from where it is seen
    now, all seen before any moves (a neighbour nudged on the way still goes from where it started); the one
    farthest that way first, so that each moves into room, not onto one still to move."""
    dx, dy = {directions}[direction]
    robot.home()  # the arm, parked over the last spot, would hide part of them
    out = []
    for name in names:
        x, y, _ = robot.detect(name)[0].position
        out.append((name, x + dx * distance, y + dy * distance))
    out.sort(key=lambda s: -(dx * s[1] + dy * s[2]))
    return out'''.replace("{directions}", repr(DIRECTIONS)),
}

# selector -> (what the helper says, the sort key over a detection ``d``, whether it takes an anchor)
SELECTORS = {
    "nearest": ("closest to ``anchor``", "math.dist(d.position[:2], centre[:2])", True),
    "farthest": ("farthest from ``anchor``", "-math.dist(d.position[:2], centre[:2])", True),
    "leftmost": ("farthest to the left (+y)", "-d.position[1]", False),
    "rightmost": ("farthest to the right (-y)", "d.position[1]", False),
    "frontmost": ("farthest from the robot (+x)", "-d.position[0]", False),
    "backmost": ("closest to the robot (-x)", "d.position[0]", False),
    "largest": ("that is the largest", "-size[d.name]", False),   # size: see _selector_helper
    "smallest": ("that is the smallest", "size[d.name]", False),
    "other": ("that is not ``anchor``", "0.0", True),  # "the other zone": the scene holds one more
}


def _selector_helper(select: str) -> str:
    what, key, anchored = SELECTORS[select]
    if anchored:
        return f'''def _{select}(robot, query, anchor=None, rank=1):
    """The name of the ``query`` object {what} (the robot's base without one); ``rank`` 2 is the second."""
    seen = robot.detect(anchor)[0] if anchor else None
    centre = seen.position if seen else (0.0, 0.0, 0.0)
    found = [d for d in robot.detect(query) if seen is None or d.name != seen.name]
    found.sort(key=lambda d: {key})
    return _ranked(found, rank, f"{{query}} {select} {{anchor or 'the robot'}}")'''
    if select in ("largest", "smallest"):
        # width + depth + twice the height, summed over three looks: each look's sizes carry a few mm of
        # noise, and a block turned 45 degrees shows a footprint 40% wider each way while its height stays
        return f'''def _{select}(robot, query, rank=1):
    """The name of the ``query`` object {what} (width, depth and twice the height, over three looks);
    ``rank`` 2 is the second."""
    found = robot.detect(query)
    size = {{d.name: 0.0 for d in found}}
    for _ in range(3):
        for d in robot.detect(query):
            if d.name in size:
                size[d.name] += d.size[0] + d.size[1] + 2 * d.size[2]
    found.sort(key=lambda d: {key})
    return _ranked(found, rank, f"{select} {{query}}")'''
    return f'''def _{select}(robot, query, rank=1):
    """The name of the ``query`` object {what}; ``rank`` 2 is the second."""
    found = robot.detect(query)
    found.sort(key=lambda d: {key})
    return _ranked(found, rank, f"{select} {{query}}")'''


CONST_NOTES = {"GAP": "metres between an object's edge and the one it is set beside"}


class ProgramError(ValueError):
    """The plan cannot be written as a program (a reference it cannot compute); one line."""


class _Writer:
    def __init__(self, goal, plan: Plan, skills: dict[str, Any]) -> None:
        self.goal, self.plan, self.skills = goal, plan, skills
        self.args: dict[str, Any] = {}
        self.helpers: list[str] = []
        self.imports: list[str] = []
        self.lines: list[str] = []
        self.taken: set[str] = set()
        self.chosen: dict[str, str] = {}       # referent -> the variable that holds its name
        self.chosen_lines: list[str] = []
        self.before: list[str] = []            # a step's lines run once, before its tries
        self.consts: dict[str, float] = {}     # module constants a person may change (GAP = 0.04)
        self.keywords: tuple[tuple[str, float], ...] = ()
        self.made: list[Ref] = []              # what earlier steps moved or put something on

    # -- names -----------------------------------------------------------
    def helper(self, name: str) -> str:
        if name not in self.helpers:
            deps = ["_ranked"] if name.lstrip("_") in SELECTORS else []
            for dep in deps:
                self.helper(dep)
            self.helpers.append(name)
        return name

    def var(self, kind: str) -> str:
        base = re.sub(r"\W", "_", kind) or "thing"
        name, n = base, 2
        while name in self.taken or name in self.skills:
            name, n = f"{base}_{n}", n + 1
        self.taken.add(name)
        return name

    def arg(self, key: str, value: Any) -> str:
        self.args[key] = value
        return f"ARGS[{key!r}]"

    # -- references --------------------------------------------------------
    def slot(self, ref: Ref) -> str | None:
        oid = self.goal.ids.get(str(ref)) if getattr(self.goal, "ids", None) else None
        if oid is not None and oid in self.goal.slots:
            return oid
        return None

    def query(self, ref: Ref, pre: list[str], indent: str) -> str:
        """An expression for one object: a phrase from ARGS, a literal phrase, or a computed referent's name."""
        if ref.is_group:
            raise ProgramError(f"{ref} is a group where one object is needed")
        if ref.select:
            if ref.select not in SELECTORS:
                raise ProgramError(f"cannot compute {ref} from detections (no rule for {ref.select!r})")
            helper = self.helper(f"_{ref.select}")
            parts = [repr(ref.base.phrase)]
            if SELECTORS[ref.select][2] and ref.anchor is not None and ref.anchor.kind != "robot":  # base: no anchor
                parts.append(self.query(ref.anchor, pre, indent))
            if ref.rank != 1:
                parts.append(f"rank={ref.rank}")
            if str(ref) not in self.chosen:  # chosen once, in the scene as the words found it
                name = self.var(ref.kind)
                self.chosen[str(ref)] = name
                self.chosen_lines.append(f"    {name} = {helper}(robot, {', '.join(parts)})  # {ref}")
            return self.chosen[str(ref)]
        oid = self.slot(ref)
        if oid is not None and isinstance(self.goal.slots[oid], str):
            return self.arg(oid, self.goal.slots[oid])
        return repr(ref.phrase)

    def leave(self, group: Ref | None = None) -> str:
        """``leave=(...)`` for a group found by the camera: what the goal keeps where it is, and what the
        group itself leaves out ("every block except the red one")."""
        left = [*self.plan.keep, *(group.excluded if group is not None else ())]
        if not left:
            return ""
        exprs = list(dict.fromkeys(self.query(k, [], "") for k in left if not k.select))
        return f", leave=({', '.join(exprs)},)" if exprs else ""

    def each(self, step: Step, param: str, pre: list[str], indent: str) -> tuple[str, str]:
        """What a step moves and the indent its lines go at: a loop over the step's group (opened in
        ``pre``), or the one object ARGS name for ``param``."""
        if step.group is None:
            return self.query(step.args[param], pre, indent), indent
        obj = self.var(step.group.kind)
        pre.append(f"{indent}for {obj} in {self.group(step.group, pre, indent)}:")
        return obj, indent * 2

    def group(self, ref: Ref, pre: list[str], indent: str) -> str:
        """An expression for a group's members: phrases the words listed, or names detected now."""
        oid = self.slot(ref)
        if oid is not None and isinstance(self.goal.slots[oid], list) and ref.members:
            return self.arg(oid, list(self.goal.slots[oid]))
        back = self.slot(Ref(ref.kind, members=ref.members[::-1])) if ref.members else None
        if back is not None and isinstance(self.goal.slots[back], list):  # a tower lists them bottom first
            return self.arg(back, list(self.goal.slots[back])) + "[::-1]"
        if ref.members:
            return "[" + ", ".join(self.query(m, pre, indent) for m in ref.members) + "]"
        if ref.select:
            raise ProgramError(f"cannot choose a group by {ref.select!r} yet: {ref}")
        phrase = f"{ref.color} {ref.kind}".strip()
        expr = f"{self.helper('_detected')}(robot, {phrase!r}{self.leave(ref)})"
        if ref.quantity in ("count", "some") and ref.count:
            expr += f"[:{ref.count}]"
        return expr

    def word(self, value: Any) -> str:
        """A place word or number: from ARGS when the words named it as a slot, else as said."""
        if isinstance(value, float):
            return f"{value:g}"
        text = str(value)
        ids = getattr(self.goal, "ids", None) or {}
        if text in ids and ids[text] in self.goal.slots:
            return self.arg(ids[text], self.goal.slots[ids[text]])
        for key, said in self.goal.slots.items():
            if isinstance(said, str) and _place_key(said) == text:
                return self.arg(key, said)
        return repr(text)

    def value(self, v: Any, pre: list[str], indent: str) -> str:
        if isinstance(v, Ref) and v.kind == "corner":  # "the corner farthest from the red bowl": computed
            anchor = self.query(v.anchor, pre, indent) if v.anchor is not None and v.anchor.kind != "robot" else None
            return f"{self.helper('_corner')}(robot, {v.select!r}{', ' + anchor if anchor else ''})"
        if isinstance(v, Ref):
            return self.group(v, pre, indent) if v.is_group else self.query(v, pre, indent)
        return self.word(v)

    # -- calls -------------------------------------------------------------
    def call(self, skill: str, given: dict[str, str]) -> str:
        """``skill(robot, a, b, name=c)``: positional in the skill's order while they run on, then by name;
        the current step's tuning (a repair's ``speed=0.06``) last."""
        given = {**given, **{k: f"{v:g}" for k, v in self.keywords}}
        if skill not in self.imports:
            self.imports.append(skill)
        params = [p.name for p in getattr(self.skills.get(skill), "params", []) if p.name != "robot"]
        out, positional = [], True
        for p in params:
            if p not in given:
                positional = False
                continue
            out.append(given[p] if positional else f"{p}={given[p]}")
        out += [f"{k}={v}" for k, v in given.items() if k not in params]
        return f"{skill}(robot{''.join(', ' + a for a in out)})"

    def step(self, step: Step) -> None:
        ind = "    "
        self.keywords = step.keywords
        if step.form == "clear":
            self.lines.append(f"{ind}# the {step.among.phrase} starts on the {step.group.phrase}: off it first")
        else:
            self.lines.append(f"{ind}# {step.part}")
        pre: list[str] = []
        if step.form == "call":
            given = {p: self.value(v, pre, ind) for p, v in step.args.items()}
            self.kept(step, given, pre, ind)
            self.lines += pre + [ind + self.call(step.skill, given)]
        elif step.form == "each":
            given = {p: self.value(v, pre, ind) for p, v in step.args.items()}
            self.kept(step, given, pre, ind)
            had = list(self.helpers)
            items = self.group(step.group, pre, ind)
            item = self.var(step.group.kind)
            given[step.param] = item
            place = next((given[p] for p, v in step.args.items() if isinstance(v, Ref) and not v.is_group),
                         None) if step.part.name in ("on", "in") else None
            do = [ind * 2 + self.call(step.skill, given)]
            if items.startswith("_detected("):
                # the members are chosen once, before the tries: a try after a failure must not pick others
                # (or the ones already there); what is there already counts towards a count, and is skipped,
                # as is what a failed try left there, as the camera sees it
                members = self.var(f"{step.group.kind}s")
                if place is not None:
                    group = step.group
                    phrase = f"{group.color} {group.kind}".strip()
                    count = f", {group.count}" if group.quantity in ("count", "some") and group.count else ""
                    done = self.var("done")
                    self.before.append(f"{ind}{members}, {done} = {self.helper('_chosen')}(robot, {phrase!r}, "
                                       f"{place}{count}{self.leave(group)})  # chosen once")
                    do = [f"{ind * 2}if {item} not in {done} and not (attempt and "
                          f"{self.helper('_inside')}(robot, {item}, {place})):", ind + do[0]]
                    if "_detected" not in had:  # _chosen looks instead
                        self.helpers.remove("_detected")
                else:
                    self.before.append(f"{ind}{members} = {items}  # chosen once")
                items = members
            self.lines += pre + [f"{ind}for {item} in {items}:", *do]
        elif step.form == "match":
            obj_p, box_p = step.param.split(":")
            items = self.group(step.group, pre, ind)
            item, box = self.var(step.group.kind), self.var(step.among.kind)
            phrase = f"{step.among.color} {step.among.kind}".strip() if not step.among.members else step.among.kind
            self.lines += pre + [
                f"{ind}for {item} in {items}:",
                f"{ind * 2}{box} = {self.helper('_same_color')}(robot, {item}, {phrase!r})",
                f"{ind * 2}if {box} is not None:",
                ind * 3 + self.call(step.skill, {obj_p: item, box_p: box})]
        elif step.form == "tower":
            obj_p, base_p = step.param.split(":")
            group = step.group
            if group.members:
                tower = self.group(group, pre, ind)
            else:
                phrase = f"{group.color} {group.kind}".strip()
                tower = f"{self.helper('_largest_first')}(robot, {phrase!r}{self.leave(group)})"
                if group.quantity in ("count", "some") and group.count:
                    tower += f"[:{group.count}]"
            below, item = self.var("below"), self.var(group.kind)
            self.lines += pre + [f"{ind}tower = {tower}  # bottom first",
                                 f"{ind}for {below}, {item} in zip(tower, tower[1:]):",
                                 ind * 2 + self.call(step.skill, {obj_p: item, base_p: below})]
        elif step.form == "clear":  # the start said something is on it: move that to free table first
            under, found = self.query(step.group, pre, ind), self.var("under")
            self.lines += pre + [f"{ind}{found} = robot.detect({under})[0]",
                                 f"{ind}x, y, _ = {found}.position",
                                 ind + self.call(step.skill, {"x": "x", "y": "y", "keep": f"({found}.name,)"})]
        elif step.form == "shift" and step.group is not None:  # each member that far from its own start
            obj_p, x_p, y_p = step.param.split(",")
            item, shifts = self.var(step.group.kind), self.var("shifts")
            where = f"{self.helper('_shifts')}(robot, {self.group(step.group, pre, ind)}, {step.direction!r}, " \
                    f"{step.distance:g})"
            body = [ind * 2 + self.call(step.skill, {obj_p: item, x_p: "x", y_p: "y"})]
            clear = next((n for n, s in self.skills.items() if any(a.predicate == "clear" for a in achieves(s))),
                         None)
            if clear is not None and not self.pushes(step.skill):
                # what the group leaves out may stand where a member goes (a push shoves it along instead);
                # the members and what the goal keeps stay
                kept = [self.query(r, pre, ind) for r in self.plan.keep if not r.is_group]
                keep = f"tuple(n for n, _, _ in {shifts})"
                if kept:
                    keep += f" + tuple({self.helper('_names')}(robot, [{', '.join(kept)}]))"
                body.insert(0, ind * 2 + self.call(clear, {"x": "x", "y": "y", "keep": keep}))
            # where each goes is seen once, at the start: a step tried again after a failure must not shift
            # again the members already moved
            self.chosen_lines.append(f"{ind}{shifts} = {where}  # {step.part}")
            self.lines += pre + [f"{ind}for {item}, x, y in {shifts}:", *body]
        elif step.form == "shift":
            obj_p, x_p, y_p = step.param.split(",")
            obj = self.query(step.args[obj_p], pre, ind)
            where = f"{self.helper('_shifted')}(robot, {obj}, {step.direction!r}, {step.distance:g})"
            # where it goes is seen once, before the tries: a try after a part move must not shift it again
            spot = self.var("spot")
            self.before.append(f"{ind}{spot} = {where}  # from where it is seen before the first try")
            self.lines += pre + [f"{ind}x, y = {spot}", ind + self.call(step.skill, {obj_p: obj, x_p: "x", y_p: "y"})]
        elif step.form == "spot":
            obj_p, x_p, y_p = step.param.split(",")
            obj = self.query(step.args[obj_p], pre, ind)
            place = self.value(step.among, pre, ind) if step.among is not None else self.word(step.direction)
            where = f"{self.helper('_spot')}(robot, {obj}, {place})"
            body = [f"{ind}x, y = {where}"]
            clear = next((n for n, s in self.skills.items() if any(a.predicate == "clear" for a in achieves(s))),
                         None)
            if clear is not None:
                # what stands in the place is set aside first, as a person clears a corner before putting
                # something there (a push would have to go round it, and the place has no room left); the
                # object itself, what earlier steps made and what the goal keeps stay
                kept = [obj] + [self.query(r, pre, ind) for r in (*self.plan.keep, *self.made) if not r.is_group]
                radius = f"{self.helper('_half_diagonal')}(robot, {obj}) + 0.02"
                keep = f"{self.helper('_names')}(robot, [{', '.join(dict.fromkeys(kept))}])"
                tuning, self.keywords = self.keywords, ()  # a repair's tuning is the step's skill's, not this
                body.append(ind + self.call(clear, {"x": "x", "y": "y", "radius": radius, "keep": keep}))
                self.keywords = tuning
            self.lines += pre + body + [ind + self.call(step.skill, {obj_p: obj, x_p: "x", y_p: "y"})]
        elif step.form == "slots":  # a group to the middle or into a zone: each member to its own spot
            obj_p, x_p, y_p = step.param.split(",")
            place = self.query(step.among, pre, ind) if step.among is not None else self.word(step.direction)
            item = self.var(step.group.kind)
            members = self.group(step.group, pre, ind)
            if members.startswith(self.helper("_detected") + "("):  # chosen once: a try again moves the same
                chosen = self.var(f"{step.group.kind}s")
                self.before.append(f"{ind}{chosen} = {members}  # chosen once")
                members = chosen
            where = f"{self.helper('_slots')}(robot, {members}, {place})"
            self.lines += pre + [f"{ind}for {item}, x, y in {where}:",
                                 ind * 2 + self.call(step.skill, {obj_p: item, x_p: "x", y_p: "y"})]
        elif step.form == "corners":  # "a bowl in each corner": each member to a corner of its own
            obj_p, x_p, y_p = step.param.split(",")
            item = self.var(step.group.kind)
            members = self.group(step.group, pre, ind)
            if members.startswith("_detected("):  # chosen once: a try again moves the same ones
                chosen = self.var(f"{step.group.kind}s")
                self.before.append(f"{ind}{chosen} = {members}  # chosen once")
                members = chosen
            self.helper("_spot")
            where = f"{self.helper('_corner_spots')}(robot, {members})"
            self.lines += pre + [f"{ind}for {item}, x, y in {where}:",
                                 ind * 2 + self.call(step.skill, {obj_p: item, x_p: "x", y_p: "y"})]
        elif step.form == "beside":  # one object, or each of a group in turn (each finds its own room)
            obj_p, x_p, y_p = step.param.split(",")
            sides = f", sides=({step.direction!r},)" if step.direction else ""
            least = f", least={step.distance:g}" if step.distance else ""
            least += self.within(step)
            self.consts["GAP"] = self.plan.gap
            obj, at = self.each(step, obj_p, pre, ind)  # first: ARGS name what moves, then where
            anchor = self.query(step.among, pre, ind)
            where = f"{self.helper('_beside')}(robot, {obj}, {anchor}{sides}{least})"
            self.lines += pre + [f"{at}x, y = {where}", at + self.call(step.skill, {obj_p: obj, x_p: "x", y_p: "y"})]
        elif step.form == "off":  # "take the red block out of the bowl": only what is seen there moves
            obj_p, x_p, y_p = step.param.split(",")
            place = self.query(step.among, pre, ind)
            obj, at = self.each(step, obj_p, pre, ind)
            self.lines += pre + [f"{at}if {self.helper('_inside')}(robot, {obj}, {place}):",
                                 f"{at}    x, y = {self.helper('_off')}(robot, {obj}, {place})",
                                 f"{at}    " + self.call(step.skill, {obj_p: obj, x_p: "x", y_p: "y"})]
        else:
            raise ProgramError(f"no code for a {step.form!r} step")
        self.made += [r for r in (*step.args.values(), step.among) if isinstance(r, Ref) and not r.is_group
                      and r.kind != "corner" and str(r) not in map(str, self.made)]

    def within(self, step: Step) -> str:
        """A push beside something for ``next_to`` and ``near`` ("within"): a narrower gap than GAP, as the
        edges must end at most 6 cm apart and a push stops anywhere within 2.5 cm of its point (a lifted
        object lands within a few mm, and its open fingers need GAP), and the nearest side."""
        if step.part.name not in ("next_to", "near") or not self.pushes(step.skill):
            return ""
        return ", gap=min(GAP, 0.02)" + ("" if step.direction else ", trip=True")

    def pushes(self, name: str) -> bool:
        """Whether the skill ``name`` slides what it moves (it declares ``never_lifted``)."""
        skill = self.skills.get(name)
        return skill is not None and any(a.predicate == "never_lifted" for a in achieves(skill))

    def kept(self, step: Step, given: dict[str, str], pre: list[str], indent: str) -> None:
        """A skill that may move other objects out of its way (it takes ``keep``) leaves alone what the
        earlier steps made (a later part of the goal must not undo an earlier one) and what the goal says
        stays where it is."""
        params = [p.name for p in getattr(self.skills.get(step.skill), "params", [])]
        moving = {str(v) for v in step.args.values() if isinstance(v, Ref)}
        made: list[Ref] = []
        for r in (*self.plan.keep, *self.made):
            if not r.is_group and str(r) not in moving and str(r) not in map(str, made):
                made.append(r)
        if "keep" in params and "keep" not in given and made:
            phrases = ", ".join(self.query(r, pre, indent) for r in made)
            given["keep"] = f"{self.helper('_names')}(robot, [{phrases}])"

    def retried(self, body: list[str]) -> list[str]:
        """A step's lines, tried again after a failure while RETRIES allows (the repair raises it)."""
        ind = "    "
        again = self.helper("_start_over")
        return [f"{ind}for attempt in range(RETRIES + 1):", f"{ind * 2}try:",
                *[ind * 2 + line for line in body], f"{ind * 3}break", f"{ind * 2}except Exception:",
                f"{ind * 3}if attempt == RETRIES:", f"{ind * 4}raise", f"{ind * 3}{again}(robot)"]

    def source(self) -> str:
        self.lines = []
        for step in self.plan.steps:
            start = len(self.lines)
            self.before = []
            self.step(step)
            self.lines[start + 1:] = self.before + self.retried(self.lines[start + 1:])
        arm = embodiment_for(r.kind for r in self.goal.tree.refs()) == "panda" if self.goal.tree else True
        start = ["    robot.home()  # where the camera sees the whole table"] if arm else []
        self.lines = ["def run(robot):", *start, *self.chosen_lines, *self.lines]
        self.lines.append("    robot.scan()  # a last look: the coder checks each part of the goal against it")
        text = re.sub(r"[\"\\\n]", " ", self.goal.text).strip()[:100] or "robot program"
        tree = self.goal.tree.condition if self.goal.tree is not None else ""
        helpers = [HELPERS[h] if h in HELPERS else _selector_helper(h.lstrip("_")) for h in self.helpers]
        uses_math = any("math." in h for h in helpers)
        head = [f'"""{text[:1].upper() + text[1:]}.', "", f"Goal: {tree}",
                "Planned by the offline coder from the goal tree: one step per part of the goal; groups and",
                'referents are chosen from robot.detect at the start, as the words found the scene."""', ""]
        if uses_math:
            head += ["import math", ""]
        head += [f"from skills.{s} import {s}" for s in sorted(self.imports)] + ["", f"ARGS = {self.args!r}",
                                                                             f"RETRIES = {self.plan.retries}"]
        head += [f"{name} = {value!r}  # {CONST_NOTES[name]}" for name, value in self.consts.items()] + [""]
        body: list[str] = []
        for h in helpers:
            body += ["", h, ""]
        return "\n".join(head + body + ["", *self.lines, ""])


NAMES = {"in": "put_{0}_in_{1}", "on": "put_{0}_on_{1}", "sorted_into": "sort_{0}_into_{1}", "stacked": "stack_{0}",
         "moved": "move_{0}_{1}", "at_place": "put_{0}_at_{1}", "in_corner": "put_{0}_in_{1}_corner",
         "in_middle": "put_{0}_in_the_middle", "in_line": "line_up_{0}",
         "in_corners": "spread_{0}_to_corners", "along_edge": "line_up_{0}_along_{1}_edge", "held": "pick_up_{0}",
         "next_to": "put_{0}_next_to_{1}", "near": "put_{0}_near_{1}", "left_of": "put_{0}_left_of_{1}",
         "right_of": "put_{0}_right_of_{1}", "in_front_of": "put_{0}_in_front_of_{1}",
         "behind": "put_{0}_behind_{1}", "in_reach": "bring_{0}_into_reach",
         "not_in": "take_{0}_out_of_{1}", "not_in_zone": "take_{0}_out_of_{1}", "not_on": "take_{0}_off_{1}"}


def goal_name(cond) -> str:
    """A skill name from the goal, colours left out (they become parameters): ``in(nearest(block, red bowl),
    green bowl)`` -> ``put_block_nearest_bowl_in_bowl``; parts of ``then``/``all`` joined by ``_then_``."""
    from aspire_tui.agent.goal import CONSTRAINTS, Cond

    def words(a: Any) -> str:
        if isinstance(a, Ref):
            noun = ("other_" if a.excluded else "") + a.kind + ("s" if a.is_group else "")
            if a.select:
                return f"{a.kind}_{a.select}" + (f"_{a.anchor.kind}" if a.anchor is not None else "")
            return noun
        return re.sub(r"\W", "_", f"{a:g}" if isinstance(a, float) else str(a))

    parts = [c for c in cond.conjuncts() if c.name not in CONSTRAINTS]
    if not parts:  # "take the red block out of the bowl": what must not hold is the job
        parts = [Cond(f"not_{c.args[0].name}", c.args[0].args) for c in cond.conjuncts()
                 if c.name == "not" and c.args and isinstance(c.args[0], Cond)]
    names = []
    for c in parts:
        template = NAMES.get(c.name)
        if template is None:
            return ""
        if c.name == "stacked" and len(c.args) > 1:
            names.append(f"stack_{len(c.args)}_{c.args[0].kind}s")
            continue
        if c.name == "near" and isinstance(c.args[0], Ref) and c.args[0].kind == "robot":
            names.append(f"go_to_{words(c.args[1])}")  # a mobile base drives there
            continue
        try:
            names.append(template.format(*[words(a) for a in c.args]))
        except IndexError:
            return ""
    return re.sub(r"_+", "_", "_then_".join(names))[:60].strip("_")


def _place_key(words: str) -> str:
    """ "front left corner" -> "front_left" (how the goal tree writes a place)."""
    return re.sub(r"\s+", "_", words.lower().replace(" corner", "").replace("the ", "").strip())


def module_literal(source: str, name: str) -> tuple[Any, int, int] | None:
    """A module-level ``NAME = <literal>``: (value, first line, last line), 1-based."""
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and node.targets[0].id == name:
            try:
                return ast.literal_eval(node.value), node.lineno, node.end_lineno or node.lineno
            except ValueError:
                return None
    return None


def write_program(goal, plan: Plan, skills: list) -> str:
    """The program for ``plan`` (from ``goal.tree``), calling ``skills`` by name.

    Raises:
        ProgramError: a reference the program cannot compute (one line).
    """
    return _Writer(goal, plan, {s.name: s for s in skills}).source()
