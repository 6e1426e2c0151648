"""Check each part of a goal against what the camera reported during a run.

``check_parts(goal, trace)`` reads only the trace's perception: the detections each ``detect`` and
``scan`` call saw (``overlay["detections"]``: every object in view, with estimated position and
size), what the gripper held after each call, and the work area the program asked for. Never the
simulator's state, never the task's success check. The first look is the scene as the instruction
found it (referents are chosen there, as the words meant them); the last look is how the run left it
(a planned program ends with ``robot.scan()`` for this).

Each part gets a `PartCheck`: held, not held (with the measured numbers: "blue block is 0.11 m from
the green bowl's centre; inside means within 0.05 m") or unknown (not seen, or a predicate
this check does not measure).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.program import module_literal

DEFAULT_AREA = {"x": (0.3, 0.7), "y": (-0.3, 0.3)}
CORNER_XY = {"front_left": ("x1", "y1"), "front_right": ("x1", "y0"), "back_left": ("x0", "y1"),
             "back_right": ("x0", "y0")}
AXES = {"left": (1, 1.0), "right": (1, -1.0), "front": (0, 1.0), "back": (0, -1.0)}
SIDES = {"left_of": "left", "right_of": "right", "in_front_of": "front", "behind": "back"}
# the line's axis and which way the listed order runs along it (left is +y, front is +x)
ORDERS = {"left_to_right": (1, -1.0), "right_to_left": (1, 1.0), "front_to_back": (0, -1.0),
          "back_to_front": (0, 1.0)}
BESIDE_GAP = 0.07   # edge to edge: beside, not merely somewhere near
REACH = 0.62        # the arm's reach from its base (metres)
STACKABLE = ("block", "ball")  # what a hand picks up and may find something resting on


@dataclass
class PartCheck:
    """One part of the goal as the camera saw it at the end: ``held`` True, False or None (unknown)."""

    part: str
    held: bool | None
    detail: str
    numbers: dict[str, float] = field(default_factory=dict)  # what was measured, for the repair

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Unknown(Exception):
    """The part cannot be measured (an object not seen, a predicate not measured)."""


class _Looks:
    """The run's looks at the table: the first, the last, every object's last sighting, what was held."""

    def __init__(self, trace, goal) -> None:
        self.goal = goal
        # the words each object was called by in this run's scene: the ARGS the program ran with (the loop
        # fills them in for each validation scene), else those of the scene the goal was read in
        args = module_literal(getattr(trace, "program", "") or "", "ARGS")
        self.said = args[0] if args and isinstance(args[0], dict) else dict(getattr(goal, "slots", None) or {})
        self.looks: list[dict[str, dict]] = []
        self.held_ever: set[str] = set()
        self.held_now: str | None = None
        self.area = dict(DEFAULT_AREA)
        for r in trace.records:
            seen = (r.overlay or {}).get("detections") if isinstance(r.overlay, dict) else None
            if r.call in ("detect", "scan") and isinstance(r.result, list) and not seen:
                seen = r.result
            if seen:
                self.looks.append({d["name"]: d for d in seen if isinstance(d, dict) and "name" in d})
            if r.held_object:
                self.held_ever.add(r.held_object)
            self.held_now = r.held_object
            if r.call == "workspace" and isinstance(r.result, dict) and "x" in r.result:
                self.area = {"x": tuple(r.result["x"]), "y": tuple(r.result["y"])}
        self.start = self.looks[0] if self.looks else {}
        self.end: dict[str, dict] = {}
        for look in self.looks:
            self.end.update(look)

    # -- which objects the goal means ----------------------------------------
    def _words(self, ref: Ref) -> tuple[str, str]:
        oid = (getattr(self.goal, "ids", None) or {}).get(str(ref))
        said = self.said.get(oid) if oid else None
        if isinstance(said, str) and said.split():
            words = said.split()
            return (words[0] if len(words) > 1 else ref.color), ref.kind
        return ref.color, ref.kind

    def _matching(self, color: str, kind: str, look: dict[str, dict]) -> list[dict]:
        return [d for d in look.values() if d.get("kind") == kind and (not color or d.get("color") == color)]

    def one(self, ref: Ref) -> str:
        """The name of the object ``ref`` means (a referent: chosen as the scene was at the start)."""
        if not isinstance(ref, Ref):
            raise _Unknown(f"{ref} is not an object the words named")
        if ref.select:
            return self._select(ref)
        color, kind = self._words(ref)
        found = self._matching(color, kind, self.start) or self._matching(color, kind, self.end)
        if not found:
            raise _Unknown(f"no {ref.phrase} was seen")
        return found[0]["name"]

    def many(self, ref: Ref) -> list[str]:
        if not isinstance(ref, Ref):  # "distractors" in a task file's check: the scene's, not the words'
            raise _Unknown(f"{ref} is not an object the words named")
        if ref.members:
            return [self.one(m) for m in ref.members]
        if not ref.is_group:
            return [self.one(ref)]
        found = [d["name"] for d in self._matching(ref.color, ref.kind, self.start or self.end)]
        left = {d["name"] for x in ref.excluded for d in self._matching(*self._words(x), self.start or self.end)}
        found = [n for n in found if n not in left]
        if not found:
            raise _Unknown(f"no {ref.phrase} were seen")
        return found[:ref.count] if ref.quantity in ("count", "some") and ref.count else found

    def _select(self, ref: Ref) -> str:
        found = self._matching(ref.color, ref.kind, self.start)
        by_robot = ref.anchor is None or ref.anchor.kind == "robot"  # measured from the arm's base
        anchor = None if by_robot else self.start.get(self.one(ref.anchor))
        if anchor is not None:
            found = [d for d in found if d["name"] != anchor["name"]]
        centre = anchor["position"] if anchor else (0.0, 0.0, 0.0)
        keys = {"nearest": lambda d: _dist(d["position"], centre), "farthest": lambda d: -_dist(d["position"], centre),
                "leftmost": lambda d: -d["position"][1], "rightmost": lambda d: d["position"][1],
                "frontmost": lambda d: -d["position"][0], "backmost": lambda d: d["position"][0],
                "largest": lambda d: -d["size"][0] * d["size"][1], "smallest": lambda d: d["size"][0] * d["size"][1],
                "other": lambda d: 0.0}  # the one that is not the anchor: the anchor is left out above
        if ref.select not in keys or len(found) < ref.rank:
            raise _Unknown(f"cannot tell which object is {ref}")
        return sorted(found, key=keys[ref.select])[ref.rank - 1]["name"]

    def corners(self) -> dict[str, tuple[float, float]]:
        """Each corner of the work area the program asked for: name -> (x, y)."""
        (x0, x1), (y0, y1) = self.area["x"], self.area["y"]
        bounds = {"x0": x0, "x1": x1, "y0": y0, "y1": y1}
        return {c: (bounds[kx], bounds[ky]) for c, (kx, ky) in CORNER_XY.items()}

    def place(self, arg) -> str:
        """A table place as ``CORNER_XY`` names it, or "middle": a task file's place slot ("place") is read
        from the words this run's ARGS gave it ("back right corner")."""
        if isinstance(arg, Ref) and arg.kind == "corner" and arg.select in ("nearest", "farthest"):
            # "the corner nearest the bowl": measured from where the anchor was at the start
            at = (0.0, 0.0) if arg.anchor is None or arg.anchor.kind == "robot" else \
                self.start[self.one(arg.anchor)]["position"]
            rank = {c: _dist(point, at) for c, point in self.corners().items()}
            return (min if arg.select == "nearest" else max)(rank, key=rank.get)
        words = str(self.said.get(arg, arg) if isinstance(arg, str) else arg).lower().replace("_", " ").split()
        if any(w in words for w in ("middle", "centre", "center")):
            return "middle"
        side = "front" if {"front", "far"} & set(words) else "back" if {"back", "near", "rear"} & set(words) else ""
        hand = "left" if "left" in words else "right" if "right" in words else ""
        if not (side and hand):
            raise _Unknown(f"cannot tell which place {arg!r} is")
        return f"{side}_{hand}"

    def last(self, name: str) -> dict:
        if name not in self.end:
            raise _Unknown(f"{_words(name)} was never seen")
        return self.end[name]


def _dist(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _words(name: str) -> str:
    return " ".join(w for w in name.split("_") if not w.isdigit())


def _bottom(d: dict) -> float:
    return d["position"][2] - d["size"][2] / 2


def _top(d: dict) -> float:
    return d["position"][2] + d["size"][2] / 2


def _footprint(top: dict, support: dict, axis: int) -> float:
    """How far off the support's centre the top's centre may be and still rest on it: half the support's
    width, or of the top's when wider (a support with something on it shows the camera only its sides, so
    its width is seen short)."""
    return max(top["size"][axis], support["size"][axis]) / 2


# ---------------------------------------------------------------- the parts

def _inside(looks: _Looks, name: str, container: str) -> tuple:
    d, c = looks.last(name), looks.last(container)
    radius = min(c["size"][0], c["size"][1]) / 2 * 0.85
    off = _dist(d["position"], c["position"])
    if name == looks.held_now:
        return False, f"{_words(name)} is still held"
    if off >= radius:
        return False, (f"{_words(name)} is {off:.2f} m from the {_words(container)}'s centre; "
                       f"inside means within {radius:.2f} m"), {"off": off, "radius": radius}
    if c.get("kind") == "zone":  # painted on the table: over it is in it, when it rests on the table
        if _bottom(d) > 0.02:
            return False, f"{_words(name)} is over the {_words(container)} but {_bottom(d):.2f} m above the table"
        return True, f"{_words(name)} is on the {_words(container)} ({off:.2f} m from its centre)"
    if _bottom(d) >= _top(c):
        return False, (f"{_words(name)} is over the {_words(container)} but its bottom is "
                       f"{_bottom(d) - _top(c):.2f} m above the rim")
    return True, f"{_words(name)} is inside the {_words(container)} ({off:.2f} m from its centre)"


def _resting_on(looks: _Looks, name: str, support: str) -> tuple[bool, str]:
    d, s = looks.last(name), looks.last(support)
    dx, dy = abs(d["position"][0] - s["position"][0]), abs(d["position"][1] - s["position"][1])
    gap = _bottom(d) - _top(s)
    if name == looks.held_now:
        return False, f"{_words(name)} is still held"
    if dx > _footprint(d, s, 0) + 0.005 or dy > _footprint(d, s, 1) + 0.005:
        return False, (f"{_words(name)} is {math.hypot(dx, dy):.2f} m off the {_words(support)}'s centre, "
                       "beyond its top")
    if abs(gap) >= 0.02:
        return False, (f"{_words(name)}'s bottom is {gap:+.2f} m from the {_words(support)}'s top; "
                       "on it means within 0.02 m")
    return True, f"{_words(name)} rests on the {_words(support)}"


def _all(results: list[tuple]) -> tuple:
    """Every result held (the details joined), or the first that did not (with its numbers, if any)."""
    failed = [r for r in results if not r[0]]
    return failed[0] if failed else (True, "; ".join(r[1] for r in results))


def _measure(part: Cond, looks: _Looks) -> tuple:
    name, args = part.name, part.args
    if name in ("in", "in_zone"):
        container = looks.one(args[1])
        return _all([_inside(looks, n, container) for n in looks.many(args[0])])
    if name == "on" or (name == "stacked" and len(args) == 2 and not args[0].is_group):
        support = looks.one(args[1])
        return _all([_resting_on(looks, n, support) for n in looks.many(args[0])])
    if name == "stacked":
        if len(args) > 1:
            names = [looks.one(a) for a in args]
            return _all([_resting_on(looks, a, b) for a, b in zip(names, names[1:])])
        names = looks.many(args[0])
        ordered = sorted(names, key=lambda n: looks.last(n)["position"][2])
        return _all([_resting_on(looks, a, b) for b, a in zip(ordered, ordered[1:])])
    if name == "sorted_into":
        containers = {looks.last(c)["color"]: c for c in looks.many(args[1])}
        out = []
        for n in looks.many(args[0]):
            color = looks.last(n)["color"]
            if color not in containers:
                out.append((False, f"no {color} {args[1].kind} was seen for the {_words(n)}"))
            else:
                out.append(_inside(looks, n, containers[color]))
        return _all(out)
    if name == "unmoved":
        out = []
        for n in looks.many(args[0]):
            if n not in looks.start:
                raise _Unknown(f"{_words(n)} was not seen at the start")
            moved = _dist(looks.last(n)["position"], looks.start[n]["position"])
            out.append((moved < 0.02, f"{_words(n)} moved {moved:.2f} m; unmoved means under 0.02 m"))
        return _all(out)
    if name == "never_lifted":
        lifted = [n for n in looks.many(args[0]) if n in looks.held_ever]
        return (False, f"{_words(lifted[0])} was held by the gripper") if lifted else (True, "never held")
    if name == "moved":
        axis, sign = AXES[str(args[1])]
        metres = float(args[2])
        tol = max(0.03, 0.3 * metres)
        out = []
        for n in looks.many(args[0]):
            if n not in looks.start:
                raise _Unknown(f"{_words(n)} was not seen at the start")
            went = sign * (looks.last(n)["position"][axis] - looks.start[n]["position"][axis])
            out.append((abs(went - metres) <= tol,
                        f"{_words(n)} moved {went:.2f} m {args[1]}; asked {metres:g} m (within {tol:.2f} m)",
                        {"went": went, "asked": metres}))
        return _all(out)
    if name in ("at_place", "in_corner", "in_middle"):
        place = "middle" if name == "in_middle" else looks.place(args[1])
        (x0, x1), (y0, y1) = looks.area["x"], looks.area["y"]
        point = ((x0 + x1) / 2, (y0 + y1) / 2) if place == "middle" else looks.corners()[place]
        out = []
        group = looks.many(args[0])
        # a group in one place is clustered there (sim.predicates.at_place): more room for more members, and
        # for wider ones (three bowls side by side in the middle stand 10 cm from its centre)
        packed = 0.0
        if name == "at_place" and len(group) > 1:
            widest = max(max(looks.last(n)["size"][:2]) for n in group)
            step = max(0.12, math.sqrt(2) * (widest + 0.025)) / (2 if place == "middle" else 1)
            packed = step * (math.sqrt(len(group)) - 1)
        for n in group:
            width = max(looks.last(n)["size"][:2])  # a bowl's centre cannot be nearer a corner than its size
            limit = packed + (0.06 if place == "middle" else 0.08 + (0.75 * width if width > 0.06 else 0.0))
            off = _dist(looks.last(n)["position"], point)
            out.append((off < limit, f"{_words(n)} is {off:.2f} m from the {place.replace('_', ' ')}; "
                                     f"there means within {limit:.2f} m", {"off": off, "limit": limit}))
        return _all(out)
    if name in SIDES or name in ("next_to", "near"):
        return _beside(part, looks)
    if name in ("in_line", "along_edge"):
        return _line(part, looks)
    if name == "in_corners":
        names = looks.many(args[0])
        corners = {n: _nearest_corner(looks, n) for n in names}
        # the numbers let a repair aim nearer the corners, as for one object at a table place
        out = [(off < 0.08, f"{_words(n)} is {off:.2f} m from the {c.replace('_', ' ')} corner",
                {"off": off, "limit": 0.08}) for n, (c, off) in corners.items()]
        taken = [c for c, _ in corners.values()]
        out.append((len(set(taken)) == len(taken), f"{len(set(taken))} corners for {len(taken)} objects"))
        return _all(out)
    if name == "in_reach":
        out = []
        for n in looks.many(args[0]):
            off = _dist(looks.last(n)["position"], (0.0, 0.0))
            out.append((off < REACH, f"{_words(n)} is {off:.2f} m from the arm's base; in reach means within "
                                     f"{REACH:.2f} m"))
        return _all(out)
    if name == "held":
        n = looks.one(args[0])
        return (looks.held_now == n, f"the gripper holds {_words(looks.held_now) if looks.held_now else 'nothing'}")
    if name == "not" and args and isinstance(args[0], Cond) and args[0].name in ("in", "in_zone", "on"):
        inner = args[0]  # "take the red block out of the bowl": none of it left there
        holder = looks.one(inner.args[1])
        test, where = (_resting_on, "on") if inner.name == "on" else (_inside, "in")
        still = [n for n in looks.many(inner.args[0]) if test(looks, n, holder)[0]]
        if still:
            return False, f"{_words(still[0])} is still {where} the {_words(holder)}"
        return True, f"no {inner.args[0].phrase} {where} the {_words(holder)}"
    raise _Unknown(f"{name} is not measured from detections yet")


def _extent(d: dict, axis: int) -> float:
    return d["size"][axis] / 2


def _beside(part: Cond, looks: _Looks) -> tuple[bool, str]:
    """``left_of(X, Y[, m])`` and the other sides, ``next_to``, ``near``: where X ended up from Y, measured
    from centre to centre and edge to edge."""
    name, args = part.name, part.args
    anchor = looks.last(looks.one(args[1])) if args[1] != "robot" else None
    least = float(args[2]) if len(args) > 2 and isinstance(args[2], float) else 0.0
    out = []
    for n in looks.many(args[0]):
        d = looks.last(n)
        if anchor is None:
            raise _Unknown(f"{part} is about the robot, not measured from detections")
        dx, dy = d["position"][0] - anchor["position"][0], d["position"][1] - anchor["position"][1]
        if name in SIDES:
            axis, sign = AXES[SIDES[name]]
            along, across = sign * (dx, dy)[axis], abs((dx, dy)[1 - axis])
            gap = along - _extent(d, axis) - _extent(anchor, axis)
            ok = along > max(least, 0.03) and across < max(0.08, along) and gap > -0.01
            out.append((ok, f"{_words(n)} is {along:.2f} m {SIDES[name]} of the {_words(anchor['name'])} "
                            f"({across:.2f} m off to the side, edges {gap:.2f} m apart); asked: "
                            f"{SIDES[name]} of it{f', at least {least:g} m' if least else ''}",
                        {"along": along, "across": across, "gap": gap, "least": least}))
        else:
            centre = math.hypot(dx, dy)
            gap = centre - max(d["size"][:2]) / 2 - max(anchor["size"][:2]) / 2
            out.append((gap < BESIDE_GAP and _bottom(d) < _top(anchor),
                        f"{_words(n)} is {centre:.2f} m from the {_words(anchor['name'])}'s centre, edges "
                        f"{gap:.2f} m apart; beside means edges within {BESIDE_GAP:.2f} m",
                        {"centre": centre, "gap": gap, "within": BESIDE_GAP}))
    return _all(out)


def _line(part: Cond, looks: _Looks) -> tuple[bool, str]:
    """``in_line(G[, order])``, ``along_edge(G, edge)``: how far each member stands off the best straight line."""
    names = looks.many(part.args[0])
    if len(names) < 2:
        raise _Unknown(f"fewer than two of {part.args[0]} were seen")
    pts = [looks.last(n)["position"][:2] for n in names]
    mx, my = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    syy = sum((p[1] - my) ** 2 for p in pts)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pts)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)  # the line's direction (least squares)
    nx, ny = -math.sin(angle), math.cos(angle)
    worst = max(abs((p[0] - mx) * nx + (p[1] - my) * ny) for p in pts)
    out = [(worst < 0.03, f"the farthest of {len(names)} is {worst:.2f} m off their line; in line means within 0.03 m")]
    if part.name == "along_edge":
        (x0, x1), (y0, y1) = looks.area["x"], looks.area["y"]
        edge = str(part.args[1])
        axis, value = {"front": (0, x1), "back": (0, x0), "left": (1, y1), "right": (1, y0)}[edge]
        off = max(abs(p[axis] - value) for p in pts)
        out.append((off < 0.08, f"the farthest is {off:.2f} m from the {edge} edge; along it means within 0.08 m"))
    elif len(part.args) > 1 and str(part.args[1]) in ORDERS:
        axis, sign = ORDERS[str(part.args[1])]
        keys = [sign * p[axis] for p in pts]
        if isinstance(part.args[0], Ref) and not part.args[0].members:
            keys.sort()  # members not listed one by one ("the balls"): only which way the line runs
        ok = all(b - a > 0.02 for a, b in zip(keys, keys[1:]))
        out.append((ok, f"the order {str(part.args[1]).replace('_', ' ')} is "
                        f"{'kept' if ok else 'broken'}: {', '.join(_words(n) for n in names)}"))
    return _all(out)


def _nearest_corner(looks: _Looks, name: str) -> tuple[str, float]:
    p = looks.last(name)["position"]
    return min(((c, _dist(p, point)) for c, point in looks.corners().items()), key=lambda t: t[1])


def resting_at_start(goal, trace) -> list[tuple[str, str]]:
    """What the run's first look saw resting on an object the goal names: [("red block", "green block")]
    when a red block sat on the goal's green block (the second item is the goal's own ``str(ref)``). A stack
    the words never mentioned still has to come apart before its bottom object is picked up."""
    tree = getattr(goal, "tree", None)
    if tree is None:
        return []
    looks = _Looks(trace, goal)
    refs = {str(a): a for part in tree.condition.conjuncts() for a in part.args
            if isinstance(a, Ref) and not a.is_group and a.kind in STACKABLE}
    out = []
    for said, ref in refs.items():
        try:
            under = looks.start[looks.one(ref)]
        except (_Unknown, KeyError):
            continue
        for top in looks.start.values():
            dx, dy = (abs(top["position"][i] - under["position"][i]) for i in (0, 1))
            if top is not under and top.get("kind") in STACKABLE and dx <= _footprint(top, under, 0) \
                    and dy <= _footprint(top, under, 1) and abs(_bottom(top) - _top(under)) < 0.02:
                out.append((_words(top["name"]), said))
    return out


def held_at_start(goal, trace) -> list[str]:
    """The parts of the goal that already held when the run first looked at the table ("the purple block
    on the white block" in "put the red block in the bowl without knocking over the purple block on the
    white block"): a step that makes one again can only undo it."""
    tree = getattr(goal, "tree", None)
    looks = _Looks(trace, goal)
    if tree is None or not looks.looks:
        return []
    looks.looks, looks.end, looks.held_now = looks.looks[:1], dict(looks.start), None
    out = []
    for part in tree.condition.conjuncts():
        try:
            if _measure(part, looks)[0]:
                out.append(str(part))
        except (_Unknown, KeyError, IndexError, TypeError, ValueError):
            continue
    return out


def check_parts(goal, trace) -> list[PartCheck]:
    """Each part of ``goal.tree`` (an `aspire_tui.agent.instruction.Goal` with a tree), as the camera saw it."""
    tree = getattr(goal, "tree", None)
    if tree is None:
        return []
    looks = _Looks(trace, goal)
    out = []
    for part in tree.condition.conjuncts():
        if not looks.looks:
            out.append(PartCheck(str(part), None, "the run never looked at the table"))
            continue
        try:
            held, detail, *numbers = _measure(part, looks)
            out.append(PartCheck(str(part), held, detail, dict(numbers[0]) if numbers else {}))
        except _Unknown as e:
            out.append(PartCheck(str(part), None, str(e)))
        except (KeyError, IndexError, TypeError, ValueError) as e:
            out.append(PartCheck(str(part), None, f"cannot measure: {e}"))
    return out
