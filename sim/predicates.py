"""The success vocabulary: predicates over ground-truth state.

A task's success condition is an expression over these, e.g.
``all(in(block, bowl), unmoved(distractors))``. Arguments are the task's object
ids (a group id stands for all its members, `distractors` for the scene's
distractors), numbers and quoted words. Only success checks read ground truth;
programs never see it.

A group may be empty (a scene drew no distractors): a constraint on it
(`unmoved`, `never_lifted`, `never_grasped`, `no_contact`) holds, a place
(`in`, `on`, ...) does not. `then` is judged as `all` at the end, except its
parts about where the robot is ("drive to the red marker, then to the blue
one"), which must each have held, in order, at some step; `never_*`/`no_contact`
read what step listeners saw during the whole episode.

Spatial words are from the robot's point of view, standing at its base and
facing the table: *in front of* is farther from the robot (+x), *behind* is
nearer (−x), *left* is +y.

Some arguments are place words ("front_left", "left_of"); a predicate lists
them in `words` so that a task file using another word fails when it loads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from sim import vocabulary
from sim.world import World

PREDICATES: dict[str, "Predicate"] = {}


@dataclass
class Predicate:
    name: str
    fn: Callable[..., bool]
    arity: tuple[int, int]  # min, max arguments
    doc: str
    words: dict[int, tuple[str, ...]] = field(default_factory=dict)  # argument index -> the place words it takes
    numbers: frozenset[int] = frozenset()  # word arguments where a number may stand instead (a tolerance)
    vacuous: bool = False  # holds for an empty group (a constraint: "leave the distractors alone")


def predicate(name: str, arity: tuple[int, int], words: dict[int, tuple[str, ...]] | None = None,
              numbers: tuple[int, ...] = (), vacuous: bool = False) -> Callable:
    def register(fn: Callable[..., bool]) -> Callable[..., bool]:
        PREDICATES[name] = Predicate(name, fn, arity, (fn.__doc__ or "").strip(), dict(words or {}),
                                     frozenset(numbers), vacuous)
        return fn
    return register


CORNERS = tuple(vocabulary.CORNERS)
PLACES = CORNERS + ("middle",)
EDGES = tuple(vocabulary.EDGES)
RELATIONS = vocabulary.SIDE_RELATIONS + ("next_to",)
DIRECTIONS = tuple(vocabulary.DIRECTIONS)
ORDERS = vocabulary.ORDERS
AXES = {"left": (1, 1.0), "right": (1, -1.0), "front": (0, 1.0), "back": (0, -1.0)}  # direction -> (axis, sign)
BESIDE_CENTRES = 0.12  # next_to: two blocks' centres
BESIDE_EDGES = 0.06    # next_to: larger objects' edges


@dataclass
class Context:
    """What predicates can look at: the world, the task's bindings, the starting poses."""

    world: World
    bindings: dict[str, list[str]]
    initial: dict[str, np.ndarray]
    workspace: dict[str, tuple[float, float]]
    robot: str
    held: str | None = None
    base: np.ndarray = field(default_factory=lambda: np.zeros(3))
    peak_rise: dict[str, float] = field(default_factory=dict)  # highest each body rose above its start
    grasped: set[str] = field(default_factory=set)   # bodies the robot held at some step
    touched: set[str] = field(default_factory=set)   # bodies the robot (or what it held) touched at some step
    passed: dict[str, int] = field(default_factory=dict)  # sequence -> its parts about the robot held in order
    # groups whose members were not listed one by one ("the balls"): no member comes before another
    unordered: frozenset[str] = frozenset()

    def names(self, arg: Any) -> list[str]:
        if isinstance(arg, list):
            return [n for a in arg for n in self.names(a)]
        if arg == "robot":
            return [self.robot]
        if arg in self.bindings:
            return self.bindings[arg]
        if arg == "distractors":  # a scene without a [distractors] table has none
            return []
        if arg in self.world.bodies:
            return [arg]
        raise KeyError(f"unknown object {arg!r} in success condition")

    def pos(self, name: str) -> np.ndarray:
        return self.world.pose(name)[0]

    def box(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        return self.world.aabb(name)


def _each(ctx: Context, arg, test: Callable[[str], bool]) -> bool:
    """Every member passes; an empty group does not (nothing was put in the bowl)."""
    names = ctx.names(arg)
    return bool(names) and all(test(n) for n in names)


def _every(ctx: Context, arg, test: Callable[[str], bool]) -> bool:
    """Every member passes; an empty group does (no distractor was moved)."""
    return all(test(n) for n in ctx.names(arg))


# -- containment and support ------------------------------------------------
@predicate("in", (2, 2))
def in_(ctx: Context, obj, container) -> bool:
    """obj rests inside container (bowl, tray, crate, zone): centre within its rim, bottom below the rim, not held."""
    (cname,) = ctx.names(container)[:1]
    c_lo, c_hi = ctx.box(cname)
    kind = ctx.world.bodies[cname].kind
    if kind in ("zone", "marker"):
        return in_zone(ctx, obj, container)

    def inside(name: str) -> bool:
        if name == ctx.held:
            return False
        lo, hi = ctx.box(name)
        centre = (lo + hi) / 2
        if kind == "bowl":
            r = (c_hi[0] - c_lo[0]) / 2 * 0.85
            ok_xy = math.hypot(*(centre[:2] - (c_lo[:2] + c_hi[:2]) / 2)) < r
        else:
            ok_xy = bool(np.all(centre[:2] > c_lo[:2]) and np.all(centre[:2] < c_hi[:2]))
        return ok_xy and c_lo[2] - 0.01 < lo[2] < c_hi[2]
    return _each(ctx, obj, inside)


@predicate("on", (2, 2))
def on(ctx: Context, obj, support) -> bool:
    """obj rests on top of support: its bottom at support's top, its centre over support."""
    (sname,) = ctx.names(support)[:1]
    s_lo, s_hi = ctx.box(sname)

    def resting(name: str) -> bool:
        if name == ctx.held:
            return False
        lo, hi = ctx.box(name)
        centre = (lo + hi) / 2
        over = bool(np.all(centre[:2] > s_lo[:2] - 0.005) and np.all(centre[:2] < s_hi[:2] + 0.005))
        # above the support's middle too: a plate is 1.2 cm thin, and a block on the table beside its
        # round rim (its centre inside the plate's square box) is within 2 cm of its top
        return over and abs(lo[2] - s_hi[2]) < 0.02 and lo[2] > (s_lo[2] + s_hi[2]) / 2
    return _each(ctx, obj, resting)


@predicate("stacked", (1, 8))
def stacked(ctx: Context, *objs) -> bool:
    """stacked(top, ..., bottom): each rests on the next; stacked(group): its members form one tower, any order."""
    if len(objs) == 1:
        return _one_tower(ctx, ctx.names(objs[0]))
    names = [ctx.names(o)[0] for o in objs]
    return all(on(ctx, a, b) for a, b in zip(names, names[1:]))


def _one_tower(ctx: Context, names: list[str]) -> bool:
    """The members stand as one tower: one on the table, each other one on the one below."""
    bottoms = [n for n in names if _on_table(ctx, n)]
    if len(names) < 2 or len(bottoms) != 1:
        return False
    below, rest = bottoms[0], [n for n in names if n != bottoms[0]]
    while rest:
        above = [n for n in rest if on(ctx, n, below)]
        if len(above) != 1:
            return False
        below = above[0]
        rest.remove(below)
    return True


# -- relations between objects ---------------------------------------------
def _delta(ctx: Context, a: str, b: str) -> np.ndarray:
    return ctx.pos(a) - ctx.pos(b)


def _on_table(ctx: Context, name: str) -> bool:
    return name != ctx.held and ctx.box(name)[0][2] < 0.03


def _side(ctx: Context, a, b, axis: int, sign: int, distance: float) -> bool:
    """a is at least `distance` from b along `axis` (towards `sign`), and no farther off that axis than along it."""
    (bn,) = ctx.names(b)[:1]

    def beside(n: str) -> bool:
        d = _delta(ctx, n, bn)
        along = sign * d[axis]
        return _on_table(ctx, n) and along > distance and abs(d[1 - axis]) < max(0.08, along)
    return _each(ctx, a, beside)


@predicate("left_of", (2, 3))
def left_of(ctx: Context, a, b, distance: float = 0.04) -> bool:
    """a is to b's left (+y), roughly level with it, on the table, at least `distance` metres that way."""
    return _side(ctx, a, b, 1, 1, float(distance))


@predicate("right_of", (2, 3))
def right_of(ctx: Context, a, b, distance: float = 0.04) -> bool:
    """a is to b's right (−y), roughly level with it, on the table, at least `distance` metres that way."""
    return _side(ctx, a, b, 1, -1, float(distance))


@predicate("behind", (2, 3))
def behind(ctx: Context, a, b, distance: float = 0.04) -> bool:
    """a is behind b: nearer the robot (−x), roughly in line with it, at least `distance` metres nearer."""
    return _side(ctx, a, b, 0, -1, float(distance))


@predicate("in_front_of", (2, 3))
def in_front_of(ctx: Context, a, b, distance: float = 0.04) -> bool:
    """a is in front of b: farther from the robot (+x), roughly in line with it, at least `distance` farther."""
    return _side(ctx, a, b, 0, 1, float(distance))


@predicate("near", (2, 3))
def near(ctx: Context, a, b, distance: float | None = None) -> bool:
    """a's centre is within `distance` metres of b's (in the plane); by default within 0.1 m, or
    farther for large objects, as long as their edges are at most 6 cm apart (as `next_to`)."""
    (bn,) = ctx.names(b)[:1]

    def close(n: str) -> bool:
        limit = float(distance) if distance is not None else max(
            0.1, _half_width(ctx, n) + _half_width(ctx, bn) + BESIDE_EDGES)
        return float(np.linalg.norm(_delta(ctx, n, bn)[:2])) < limit and not _in_or_on(ctx, n, bn)
    return _each(ctx, a, close)


@predicate("next_to", (2, 3))
def next_to(ctx: Context, a, b, within: float | None = None) -> bool:
    """a sits on the table beside b, not on top of it: centres within `within` metres; by default
    within 0.12 m, or farther for large objects, as long as their edges are at most 6 cm apart."""
    (bn,) = ctx.names(b)[:1]

    def beside(n: str) -> bool:
        limit = BESIDE_CENTRES if within is None else float(within)
        if within is None:  # a plate's or a tray's centre stands farther off than a block's
            limit = max(limit, _half_width(ctx, n) + _half_width(ctx, bn) + BESIDE_EDGES)
        return _on_table(ctx, n) and float(np.linalg.norm(_delta(ctx, n, bn)[:2])) < limit \
            and not _in_or_on(ctx, n, bn)
    return _each(ctx, a, beside)


def _in_or_on(ctx: Context, n: str, bn: str) -> bool:
    """n is in or on bn (a block in a bowl, on a plate, over a zone): that is not beside it. The robot over
    a marker is near it: that is where it was sent."""
    body = ctx.world.bodies.get(bn)
    if n == ctx.robot or body is None or body.kind == "marker":
        return False
    return in_(ctx, n, bn) or on(ctx, n, bn)


def _half_width(ctx: Context, name: str) -> float:
    lo, hi = ctx.box(name)
    return float(max(hi[0] - lo[0], hi[1] - lo[1])) / 2


@predicate("relation", (3, 4), words={2: RELATIONS})
def relation(ctx: Context, a, b, which, amount: float | None = None) -> bool:
    """a stands in a named relation to b: "left_of", "right_of", "behind", "in_front_of", "next_to";
    `amount` is passed on (the least distance of a side, next_to's `within`)."""
    return PREDICATES[str(which)].fn(ctx, a, b, *([] if amount is None else [amount]))


@predicate("moved", (3, 4), words={1: DIRECTIONS})
def moved(ctx: Context, obj, direction, metres: float, tolerance: float | None = None) -> bool:
    """obj ended `metres` from its start towards `direction` ("left" +y, "right", "front" +x, "back"),
    within `tolerance` (default max(min(0.03, metres / 2), 0.3 × metres): under half the distance, or a
    block never moved would have moved 3 cm), on the table."""
    axis, sign = AXES[str(direction)]
    tol = max(min(0.03, float(metres) / 2), 0.3 * float(metres)) if tolerance is None else float(tolerance)
    return _each(ctx, obj, lambda n: _on_table(ctx, n)
                 and abs(sign * (ctx.pos(n)[axis] - ctx.initial[n][axis]) - float(metres)) <= tol)


# -- places on the table ----------------------------------------------------
@predicate("in_zone", (2, 2))
def in_zone(ctx: Context, obj, zone) -> bool:
    """obj's centre lies over the painted zone and obj is on the table."""
    (zn,) = ctx.names(zone)[:1]
    z_lo, z_hi = ctx.box(zn)
    return _each(ctx, obj, lambda n: _on_table(ctx, n) and bool(
        np.all(ctx.pos(n)[:2] > z_lo[:2]) and np.all(ctx.pos(n)[:2] < z_hi[:2])))


def corner_point(ctx: Context, which: str) -> np.ndarray:
    (x0, x1), (y0, y1) = ctx.workspace["x"], ctx.workspace["y"]
    table = {"front_left": (x1, y1), "front_right": (x1, y0), "back_left": (x0, y1), "back_right": (x0, y0)}
    if which not in table:
        raise KeyError(f"unknown corner {which!r}; use one of {', '.join(table)}")
    return np.asarray(table[which])


@predicate("in_corner", (2, 3), words={1: CORNERS})
def in_corner(ctx: Context, obj, which, within: float = 0.08) -> bool:
    """obj is within `within` metres (default 0.08) of a corner of the workspace ("front_left", "back_right", ...)."""
    point = corner_point(ctx, str(which))
    return _each(ctx, obj, lambda n: _on_table(ctx, n)
                 and float(np.linalg.norm(ctx.pos(n)[:2] - point)) < float(within))


@predicate("in_middle", (1, 2))
def in_middle(ctx: Context, obj, within: float = 0.06) -> bool:
    """obj is within `within` metres (default 0.06) of the workspace's centre."""
    centre = np.asarray([sum(ctx.workspace["x"]) / 2, sum(ctx.workspace["y"]) / 2])
    return _each(ctx, obj, lambda n: _on_table(ctx, n)
                 and float(np.linalg.norm(ctx.pos(n)[:2] - centre)) < float(within))


@predicate("at_place", (2, 3), words={1: PLACES})
def at_place(ctx: Context, obj, place, within: float | None = None) -> bool:
    """obj is in a named place of the workspace: a corner ("front_left", ...) or the "middle"
    (within `within` metres; default: in_corner's or in_middle's). A group of n in one corner is clustered
    there: each member within in_corner's 8 cm plus 12 cm for each step of sqrt(n) past one (packed side
    by side into a square from the corner, a block of up to 5 cm and a fingertip's room take 8 cm, 12 cm
    across the square's diagonal; 8 cm holds one block only). Wider members take more: the square's diagonal
    per step is their width and a fingertip's room across (bowls: 25 cm); a group in the middle, packed
    around the centre, spreads half that per step. Where `within` is given, the group spreads from it."""
    names = ctx.names(obj)
    n = len(names)
    middle = str(place) == "middle"
    if within is None:
        within = 0.06 if middle else 0.08
    if n > 1:  # 3 bowls in the middle stood 10 cm from the centre, 6 cm were asked of each (dev32 set, probes)
        width = max(float(max(ctx.box(m)[1][:2] - ctx.box(m)[0][:2])) for m in names)
        step = max(0.12, math.sqrt(2) * (width + 0.025)) / (2 if middle else 1)
        within = float(within) + step * (math.sqrt(n) - 1)
    return in_middle(ctx, obj, within) if middle else in_corner(ctx, obj, place, within)


@predicate("at_corner_by", (3, 4), words={1: ("nearest", "farthest")})
def at_corner_by(ctx: Context, obj, rule, anchor, within: float = 0.08) -> bool:
    """obj is in the workspace corner nearest to (or farthest from) where anchor started ("robot": its base);
    corners tied within 1 cm all count."""
    point = ctx.base[:2] if anchor == "robot" else ctx.initial[ctx.names(anchor)[0]][:2]
    dist = {c: float(np.linalg.norm(corner_point(ctx, c) - point)) for c in CORNERS}
    best = min(dist.values()) if str(rule) == "nearest" else max(dist.values())
    picked = [c for c, d in dist.items() if abs(d - best) < 0.01]
    return any(in_corner(ctx, obj, c, within) for c in picked)


@predicate("in_corners", (1, 2))
def in_corners(ctx: Context, group, within: float = 0.08) -> bool:
    """Each member of group sits in a different corner of the workspace (within `within` metres of it,
    in_corner's 8 cm unless a task gives wide objects more)."""
    names = ctx.names(group)
    corners = list(CORNERS)
    used: set[str] = set()
    for n in names:
        hit = [c for c in corners if c not in used and in_corner(ctx, n, c, within)]
        if not hit:
            return False
        used.add(hit[0])
    return True


@predicate("in_line", (1, 3), words={1: ORDERS}, numbers=(1,))
def in_line(ctx: Context, group, order: Any = None, tolerance: float = 0.025) -> bool:
    """The group's members stand on the table in a straight line, not touching each other; with an
    order ("left_to_right", "right_to_left", "front_to_back", "back_to_front") they stand in the
    group's listed order that way, each at least 2 cm past the one before (a group whose members were not
    listed, in whichever order: the line runs that way). A number in place of the order is the tolerance
    (each within `tolerance` metres, default 0.025, of the line)."""
    if isinstance(order, (int, float)):
        order, tolerance = None, order
    names = ctx.names(group)
    if len(names) < 2 or not all(_on_table(ctx, n) for n in names):
        return False
    pts = np.asarray([ctx.pos(n)[:2] for n in names])
    centred = pts - pts.mean(axis=0)
    _, _, vt = np.linalg.svd(centred)
    off_line = np.abs(centred @ vt[1])
    gaps = [np.linalg.norm(a - b) for i, a in enumerate(pts) for b in pts[i + 1:]]
    if not (off_line.max() < float(tolerance) and min(gaps) > 0.045):
        return False
    if order is None:
        return True
    axis, sign = {"left_to_right": (1, -1), "right_to_left": (1, 1),
                  "front_to_back": (0, -1), "back_to_front": (0, 1)}[str(order)]
    along = sign * pts[:, axis]
    if isinstance(group, str) and group in ctx.unordered:
        along = np.sort(along)
    return bool(np.all(np.diff(along) > 0.02))


@predicate("along_edge", (2, 2), words={1: EDGES})
def along_edge(ctx: Context, group, edge) -> bool:
    """The group stands in a line within 7 cm of a workspace edge ("front", "back", "left", "right")."""
    (x0, x1), (y0, y1) = ctx.workspace["x"], ctx.workspace["y"]
    axis, value = {"front": (0, x1), "back": (0, x0), "left": (1, y1), "right": (1, y0)}[str(edge)]
    names = ctx.names(group)
    return in_line(ctx, group) and all(abs(ctx.pos(n)[axis] - value) < 0.07 for n in names)


@predicate("fully_in", (2, 2))
def fully_in(ctx: Context, obj, zone) -> bool:
    """obj's whole footprint lies inside the zone (or container), and obj rests there: on the table
    for a painted zone, inside for a bowl, tray or crate."""
    (zn,) = ctx.names(zone)[:1]
    z_lo, z_hi = ctx.box(zn)
    round_ = ctx.world.bodies[zn].kind == "bowl"

    def within(n: str) -> bool:
        lo, hi = ctx.box(n)
        if round_:
            centre, r = (z_lo[:2] + z_hi[:2]) / 2, (z_hi[0] - z_lo[0]) / 2 - 0.006  # inside the wall
            corners = np.asarray([[x, y] for x in (lo[0], hi[0]) for y in (lo[1], hi[1])])
            inside = bool(np.all(np.linalg.norm(corners - centre, axis=1) < r))
        else:
            inside = bool(np.all(lo[:2] >= z_lo[:2]) and np.all(hi[:2] <= z_hi[:2]))
        rests = in_(ctx, n, zn) if ctx.world.bodies[zn].kind in vocabulary.CONTAINERS else _on_table(ctx, n)
        return inside and rests
    return _each(ctx, obj, within)


@predicate("sorted_into", (2, 2))
def sorted_into(ctx: Context, objs, containers) -> bool:
    """Every object is in the container of its own colour."""
    by_color = {ctx.world.bodies[c].color: c for c in ctx.names(containers)}
    names = ctx.names(objs)
    return bool(names) and all(
        ctx.world.bodies[n].color in by_color and in_(ctx, n, by_color[ctx.world.bodies[n].color]) for n in names)


# -- the robot and the scene ------------------------------------------------
@predicate("in_reach", (1, 2))
def in_reach(ctx: Context, obj, radius: float = 0.62) -> bool:
    """obj is within `radius` metres of the robot's base (in the plane)."""
    return _each(ctx, obj, lambda n: float(np.linalg.norm(ctx.pos(n)[:2] - ctx.base[:2])) < float(radius))


@predicate("at", (3, 4))
def at(ctx: Context, obj, x: float, y: float, tolerance: float = 0.1) -> bool:
    """obj's (or the robot's) centre is within `tolerance` of (x, y)."""
    goal = np.asarray([float(x), float(y)])
    return _each(ctx, obj, lambda n: float(np.linalg.norm(ctx.pos(n)[:2] - goal)) < float(tolerance))


@predicate("facing", (2, 3))
def facing(ctx: Context, obj, target, tolerance: float = 0.5) -> bool:
    """obj's heading points at target within `tolerance` radians."""
    from sim.bullet import p
    (tn,) = ctx.names(target)[:1]

    def points(n: str) -> bool:
        pos, orn = ctx.world.pose(n)
        yaw = p.getEulerFromQuaternion(orn.tolist())[2]
        d = ctx.pos(tn) - pos
        err = (math.atan2(d[1], d[0]) - yaw + math.pi) % (2 * math.pi) - math.pi
        return abs(err) < float(tolerance)
    return _each(ctx, obj, points)


@predicate("unmoved", (1, 2), vacuous=True)
def unmoved(ctx: Context, obj, tolerance: float = 0.02) -> bool:
    """obj is within `tolerance` metres of where the scene put it (an empty group holds)."""
    return _every(ctx, obj, lambda n: float(np.linalg.norm(ctx.pos(n) - ctx.initial[n])) < float(tolerance))


@predicate("lifted", (1, 2))
def lifted(ctx: Context, obj, height: float = 0.05) -> bool:
    """obj's bottom is at least `height` metres above the table."""
    return _each(ctx, obj, lambda n: float(ctx.box(n)[0][2]) > float(height))


@predicate("never_lifted", (1, 2), vacuous=True)
def never_lifted(ctx: Context, obj, height: float = 0.015) -> bool:
    """obj never rose more than `height` metres above where it started, at any step of the episode."""
    return _every(ctx, obj, lambda n: ctx.peak_rise.get(n, 0.0) < float(height))


@predicate("never_grasped", (1, 1), vacuous=True)
def never_grasped(ctx: Context, obj) -> bool:
    """The robot never held obj, at any step of the episode."""
    return _every(ctx, obj, lambda n: n not in ctx.grasped)


@predicate("no_contact", (1, 1), vacuous=True)
def no_contact(ctx: Context, obj) -> bool:
    """Neither the robot nor what it held ever touched obj, at any step of the episode."""
    return _every(ctx, obj, lambda n: n not in ctx.touched)


@predicate("held", (1, 1))
def held(ctx: Context, obj) -> bool:
    """The gripper holds obj."""
    return _each(ctx, obj, lambda n: n == ctx.held)


# -- combinators (evaluated by the expression tree, listed for documentation) --
COMBINATORS = ("all", "any", "not", "then", "at_least")
for _name, _doc, _arity in (("all", "every argument holds", (1, 32)),
                            ("any", "at least one argument holds", (1, 32)),
                            ("not", "the argument does not hold", (1, 1)),
                            ("then", "a sequence, first A then B ...: judged as all of them at the end, but where "
                                     "the robot went must have held in order on the way", (1, 32)),
                            ("at_least", "at_least(n, COND): at least n members of COND's first argument (a group) "
                                         "satisfy COND", (2, 2))):
    PREDICATES[_name] = Predicate(_name, lambda *a: False, _arity, _doc)
