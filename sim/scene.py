"""Building a scene from a `TaskSpec` and a seed.

Everything random comes from one generator seeded by (seed, task name), so a
seed reproduces a scene exactly: colours, sizes, poses, distractors,
friction, mass, camera jitter, the instruction template and its place words.

Objects that start inside or on another are placed after it, on its floor or
top. An object `chosen` by a rule ("the block nearest the bowl") is made the
rule's clear pick: for sizes the builder gives the group sizes 25% apart, for
places it swaps the object into the rule's rank and raises `NoRoom` (another
draw) when the margin to the next one is under 3 cm. Distractors never take a
kind a rule picks among, nor a colour and kind the task file avoids.
"""

from __future__ import annotations

import math
import string
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim import objects
from sim.bullet import p
from sim.embodiments import get_embodiment
from sim.embodiments.base import Embodiment
from sim.errors import TaskError
from sim.taskspec import SIZE_RULES, Chosen, ObjectSpec, TaskSpec, placing_order
from sim.vocabulary import CONTAINERS
from sim.world import World

MARGIN = 0.03      # a chosen object leads the next candidate by this much (metres) under its rule
SIZE_STEP = 1.25   # sizes of a group picked by largest/smallest are this factor apart

KIND_WORDS = {"block": "block", "zone": "zone", "marker": "marker"}


@dataclass
class Slot:
    """How an instruction template speaks of an object: "{bowl}" -> "green bowl".

    A group speaks of all its members: "{blocks}" -> "red, blue and yellow blocks".
    """

    color: str
    kind: str
    name: str
    colors: list[str] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        """One phrase per member: ["red block", "blue block"]."""
        return [f"{c} {self.kind}" for c in (self.colors or [self.color])]

    def __str__(self) -> str:
        colors = self.colors or [self.color]
        if len(colors) == 1:
            return f"{colors[0]} {self.kind}"
        return f"{', '.join(colors[:-1])} and {colors[-1]} {self.kind}s"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass
class Scene:
    """A built scene: which bodies fill the task's slots, and where everything started."""

    spec: TaskSpec
    seed: int
    instruction: str
    bindings: dict[str, list[str]]
    initial: dict[str, np.ndarray] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)    # what the template filled in: Slot, count, words
    choices: dict[str, str] = field(default_factory=dict)  # choice slot -> value the success check uses


def scene_rng(spec: TaskSpec, seed: int, attempt: int = 0) -> np.random.Generator:
    """The scene's generator; `attempt` > 0 redraws a scene that started out solved."""
    key = [int(seed), zlib.crc32(spec.name.encode())]
    return np.random.default_rng(key + [int(attempt)] if attempt else key)


def _uniform(rng: np.random.Generator, pair, default: float = 0.0) -> float:
    if pair is None:
        return default
    lo, hi = pair
    return float(lo if lo == hi else rng.uniform(lo, hi))


class NoRoom(TaskError):
    """The placer found no free spot for an object (another draw of the scene may)."""


class _Placer:
    """Rejection-samples positions so footprints do not overlap."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.taken: list[tuple[float, float, float]] = []

    def place(self, region, radius: float, what: str) -> tuple[float, float]:
        for _ in range(400):
            x = float(self.rng.uniform(*region["x"]))
            y = float(self.rng.uniform(*region["y"]))
            if all(math.hypot(x - tx, y - ty) > radius + tr + 0.015 for tx, ty, tr in self.taken):
                self.taken.append((x, y, radius))
                return x, y
        raise NoRoom(f"no room to place {what}: widen its region or use fewer objects")

    def claim(self, x: float, y: float, radius: float) -> None:
        self.taken.append((x, y, radius))


def build_scene(world: World, spec: TaskSpec, seed: int, attempt: int = 0) -> tuple[Scene, Embodiment]:
    """Fill an empty world with the task's scene for this seed; returns the scene and the robot."""
    rng = scene_rng(spec, seed, attempt)
    robot_cls = get_embodiment(spec.embodiment)
    if robot_cls.kind == "arm":
        objects.add_table(world)
    else:
        objects.add_floor(world)
    robot = robot_cls(world)
    start = spec.robot_start
    if robot_cls.kind == "mobile":
        x = _uniform(rng, start.get("x"), 0.0)
        y = _uniform(rng, start.get("y"), 0.0)
        robot.load((x, y, 0.0), _uniform(rng, start.get("yaw"), 0.0))
    else:
        robot.load()

    perturb = spec.perturb
    size_scale = _uniform(rng, perturb.get("size_scale"), 1.0)
    mass_scale = _uniform(rng, perturb.get("mass_scale"), 1.0)
    friction = _uniform(rng, perturb.get("friction"), 0.9)
    placer = _Placer(rng)
    if robot_cls.kind == "mobile":
        placer.claim(float(robot.base_pose()[0][0]), float(robot.base_pose()[0][1]), 0.6)
    used_colors: list[str] = []
    bindings: dict[str, list[str]] = {}
    slots: dict[str, object] = {}
    children: dict[str, list[str]] = {}                    # host body -> bodies placed inside or on it
    inner: dict[str, list[tuple[float, float, float]]] = {}  # host body -> footprints taken on it
    factors: dict[str, list[float]] = {}                   # object id -> size factor per member

    shifts = _pose_shifts(spec, rng) if perturb.get("place_jitter") else {}

    def add(o: ObjectSpec, color: str, slot_id: str, factor: float = 1.0, member: int = 0) -> str:
        size = tuple(s * size_scale if o.kind in ("block", "ball") else s for s in o.size)
        if factor != 1.0:
            size = tuple(s * factor for s in size)
        radius = objects.footprint_radius(o.kind, size)
        floor = 0.0
        orientation = None
        if o.poses is not None:  # placed exactly (a saved world), moved only by this seed's place jitter
            x, y, exact_z, orientation = _exact_pose(o.poses[member], shifts.get((o.id, member)))
            placer.claim(x, y, radius)
        elif o.host is not None:
            host = bindings[o.host][0]
            x, y, floor = _place_on(world, rng, host, radius, inner.setdefault(host, []), slot_id,
                                    inside=o.inside is not None)
        elif o.position is not None:
            x, y = o.position
            placer.claim(x, y, radius)
        else:
            x, y = placer.place(o.region or spec.workspace, radius, slot_id)
        yaw = _uniform(rng, o.yaw) if orientation is None else 0.0
        z = size[2] / 2 + 0.001 if o.host is None else floor + size[2] / 2 + 0.002
        if o.poses is not None:
            z = exact_z
        mass = None if o.mass is None else o.mass * mass_scale
        if mass is None and o.kind in ("block", "ball", "stick", "hook"):
            mass = {"block": 0.1, "ball": 0.05, "stick": 0.15, "hook": 0.2}[o.kind] * mass_scale
        body = objects.build(world, o.kind, name=f"{color}_{o.kind}", color=color, size=size,
                             position=(x, y, z), yaw=yaw, mass=mass if o.movable else 0.0,
                             friction=friction, slot=slot_id, movable=o.movable, orientation=orientation)
        used_colors.append(color)
        if o.host is not None:
            children.setdefault(bindings[o.host][0], []).append(body.name)
        return body.name

    for o in placing_order(spec.objects):
        if o.match is not None:
            members = bindings[o.match]
            colors = [world.bodies[m].color for m in members]
        elif o.ordered:  # the file lists the group's colours in order: its members keep that order
            colors = list(o.colors)
        else:
            n = int(rng.integers(o.count[0], o.count[1] + 1))
            free = [c for c in o.colors if not o.distinct or c not in used_colors]
            if len(free) < n:
                free = list(o.colors)
            colors = [str(c) for c in rng.choice(free, size=n, replace=len(free) < n)]
        # a group picked among by size: sizes a ladder apart, each chosen on its rung (one ladder for all
        # the picks among one group: "the smallest on the largest" must not rank them on two ladders)
        picks = [c for c in spec.objects if c.chosen is not None and c.chosen.among == o.id]
        by_size = [c for c in picks if c.chosen.rule in SIZE_RULES]
        if by_size:  # the other picks among the group stand on the ladder's other rungs, like its members
            placed = [c for c in picks if c not in by_size]
            mine, rest = _size_ladder(rng, [c.chosen for c in by_size], len(colors) + len(placed))
            factors[o.id] = rest[:len(colors)]
            factors.update({c.id: [f] for c, f in zip(by_size + placed, mine + rest[len(colors):])})
        sizes = factors.get(o.id) or [1.0] * len(colors)
        names = [add(o, color, o.id if len(colors) == 1 else f"{o.id}_{k + 1}", sizes[k], k)
                 for k, color in enumerate(colors)]
        bindings[o.id] = names
        first = world.bodies[names[0]]
        slots[o.id] = Slot(first.color, KIND_WORDS.get(o.kind, o.kind), first.name,
                           colors=[world.bodies[n].color for n in names])

    d = spec.distractors
    if d:
        n = int(rng.integers(*(np.asarray(d.get("count", [0, 0]), dtype=int) + [0, 1])))
        kinds = d.get("kinds", ["block"])
        avoid = set(spec.avoid) | {(None, o.kind) for o in spec.objects if o.chosen is not None}
        if avoid:
            kinds = [k for k in kinds if (None, k) not in avoid]
        region = d.get("region") or spec.workspace
        region = {k: tuple(v) for k, v in region.items()}
        names = []
        for _ in range(n if kinds else 0):
            kind = str(rng.choice(kinds))
            free = [c for c in d.get("colors", sorted(objects.COLORS))
                    if c not in used_colors and (c, kind) not in avoid]
            if not free:
                break
            color = str(rng.choice(free))
            o = ObjectSpec(id="distractor", kind=kind, colors=[color], size=objects.DEFAULT_SIZES[kind],
                           region=region)
            names.append(add(o, color, "distractors"))
        bindings["distractors"] = names

    placed = [o for o in spec.objects if o.chosen is not None and o.chosen.rule not in SIZE_RULES]
    for swap in (True, False):  # a later pick's trade may undo an earlier one's rank: all are checked after
        for o in placed:
            rivals = [bindings[c.id][0] for c in spec.objects
                      if c is not o and c.chosen is not None and c.chosen.among == o.chosen.among]
            _make_chosen(world, robot, bindings, children, o, o.chosen, rivals, swap)

    _restore_arm(spec, robot, bindings)

    jitter = _uniform(rng, perturb.get("camera_jitter"), 0.0)
    for cam in robot.perception_cameras() if robot_cls.kind == "arm" else []:
        cam.jitter = tuple(float(v) for v in rng.uniform(-jitter, jitter, 3))

    world.settle(0.25)
    objects.rest(world)
    initial = {name: world.pose(name)[0] for name in world.bodies}
    counts = {k: len(v) for k, v in bindings.items()}
    slots["count"] = max(counts.values()) if counts else 0
    choices: dict[str, str] = {}
    for slot_id, options in spec.choices.items():
        words = list(options)
        word = words[int(rng.integers(len(words)))]
        slots[slot_id], choices[slot_id] = word, options[word]
    template = spec.instructions[int(rng.integers(len(spec.instructions)))]
    instruction = string.Formatter().vformat(template, (), _SlotMap(slots))
    return Scene(spec=spec, seed=seed, instruction=instruction, bindings=bindings, initial=initial,
                 slots=slots, choices=choices), robot


def _exact_pose(pose: tuple[float, ...], shift: tuple[float, float, float] | None):
    """x, y, z and quaternion (None: draw a yaw) of an exactly placed member, moved by ``shift`` (dx, dy, dyaw)."""
    x, y, z = pose[:3]
    quat = list(pose[3:]) if len(pose) == 7 else None
    if shift is not None:
        dx, dy, dyaw = shift
        x, y = x + dx, y + dy
        if quat is not None:
            quat = list(p.multiplyTransforms([0, 0, 0], p.getQuaternionFromEuler([0, 0, dyaw]), [0, 0, 0], quat)[1])
    return float(x), float(y), float(z), quat


def _pose_shifts(spec: TaskSpec, rng: np.random.Generator) -> dict[tuple[str, int], tuple[float, float, float]]:
    """This seed's place jitter for every exactly placed member: (dx, dy, dyaw). What rests in or on another
    moves with it (a block in a bowl stays in the bowl), and what the arm holds stays in its hand."""
    reach = _uniform(rng, spec.perturb.get("place_jitter"), 0.0)
    members = [((o.id, k), pose, o.size, o.held) for o in spec.objects if o.poses for k, pose in enumerate(o.poses)]
    own = {key: (0.0, 0.0, 0.0) if held else (float(rng.uniform(-reach, reach)), float(rng.uniform(-reach, reach)),
                                              float(rng.uniform(-4 * reach, 4 * reach)))
           for key, _, _, held in members}
    below = _resting_on([(key, pose, size) for key, pose, size, _ in members])
    shifts = {}
    for key in own:
        root, seen = key, {key}
        while root in below and below[root] not in seen:
            root = below[root]
            seen.add(root)
        shifts[key] = own[root]
    return shifts


def _resting_on(members: list) -> dict:
    """Member key -> the key of the member it rests in or on (the highest one under its centre)."""
    out = {}
    for key, pose, size in members:
        bottom = pose[2] - size[2] / 2
        best, best_z = None, -math.inf
        for other, opose, osize in members:
            if other == key or opose[2] >= pose[2]:
                continue
            if math.hypot(pose[0] - opose[0], pose[1] - opose[1]) > max(osize[0], osize[1]) / 2:
                continue
            if opose[2] - osize[2] / 2 - 0.01 <= bottom <= opose[2] + osize[2] / 2 + 0.01 and opose[2] > best_z:
                best, best_z = other, opose[2]
        if best is not None:
            out[key] = best
    return out


def _restore_arm(spec: TaskSpec, robot: Embodiment, bindings: dict[str, list[str]]) -> None:
    """`[robot] joints` (and `gripper`, and an object `held`): the arm as a saved world left it."""
    joints = spec.robot_start.get("joints")
    if joints is None or robot.kind != "arm":
        return
    gripper = spec.robot_start.get("gripper")
    if isinstance(gripper, list):
        gripper = gripper[0]
    held = next((bindings[o.id][0] for o in spec.objects if o.held), None)
    robot.restore(joints, None if gripper is None else float(gripper), held)


def _place_on(world: World, rng: np.random.Generator, host: str, radius: float,
              taken: list[tuple[float, float, float]], what: str, inside: bool) -> tuple[float, float, float]:
    """A free spot on a host's floor (inside) or top (on): x, y and the height things rest at."""
    body = world.bodies[host]
    pos, orn = world.pose(host)
    yaw = p.getEulerFromQuaternion(orn.tolist())[2]
    sx, sy, sz = body.size
    wall = objects.WALL if body.kind in CONTAINERS else 0.0
    floor = pos[2] - sz / 2 + wall if inside and body.kind in CONTAINERS else pos[2] + sz / 2
    round_ = body.kind in ("bowl", "plate", "barrel")
    reach_x = max((sx / 2 * (0.8 if body.kind == "bowl" else 1.0)) - wall - radius, 0.0)
    reach_y = reach_x if round_ else max(sy / 2 - wall - radius, 0.0)
    for _ in range(400):
        dx, dy = (float(rng.uniform(-reach_x, reach_x)) if reach_x else 0.0,
                  float(rng.uniform(-reach_y, reach_y)) if reach_y else 0.0)
        if round_ and math.hypot(dx, dy) > reach_x:
            continue
        x = float(pos[0] + dx * math.cos(yaw) - dy * math.sin(yaw))
        y = float(pos[1] + dx * math.sin(yaw) + dy * math.cos(yaw))
        if all(math.hypot(x - tx, y - ty) > radius + tr + 0.005 for tx, ty, tr in taken):
            taken.append((x, y, radius))
            return x, y, float(floor)
    raise NoRoom(f"no room to place {what} {'inside' if inside else 'on'} {host}")


def _size_ladder(rng: np.random.Generator, picks: list[Chosen], others: int) -> tuple[list[float], list[float]]:
    """Size factors SIZE_STEP apart: each picked object's (on its rule and rank's rung, in order) and the
    rest of the group's (shuffled)."""
    n = others + len(picks)
    rungs = [SIZE_STEP ** (k - (n - 1) / 2) for k in range(n)]   # smallest first
    steps = []
    for chosen in picks:
        if chosen.rank > n:
            raise NoRoom(f"no {chosen.rank}th {chosen.rule} among {n}")
        steps.append(n - chosen.rank if chosen.rule == "largest" else chosen.rank - 1)
    if len(set(steps)) < len(steps):
        raise NoRoom(f"two picks by size are the same object among {n}")
    mine = [rungs[k] for k in steps]
    rest = [r for k, r in enumerate(rungs) if k not in steps]
    return mine, [rest[int(k)] for k in rng.permutation(len(rest))]


def _make_chosen(world: World, robot: Embodiment, bindings: dict[str, list[str]], children: dict[str, list[str]],
                 o: ObjectSpec, chosen: Chosen, rivals: list[str], swap: bool = True) -> None:
    """Swap the object into its rule's rank among the group and the other picks among it (``rivals``,
    never traded with); NoRoom when the pick is not clear by MARGIN. Without ``swap``, only check."""
    me = bindings[o.id][0]
    candidates = [me] + bindings[chosen.among] + rivals
    if chosen.rank > len(candidates):
        raise NoRoom(f"no {chosen.rank}th {chosen.rule} among {len(candidates)}")
    anchor = np.zeros(2)
    if chosen.anchor == "robot":
        anchor = (robot.base if robot.kind == "arm" else robot.base_pose()[0])[:2]
    elif chosen.anchor is not None:
        anchor = world.pose(bindings[chosen.anchor][0])[0][:2]

    def score(name: str) -> float:
        """Higher is more the rule's pick."""
        x, y = world.pose(name)[0][:2]
        return {"nearest": -math.hypot(x - anchor[0], y - anchor[1]),
                "farthest": math.hypot(x - anchor[0], y - anchor[1]),
                "leftmost": y, "rightmost": -y, "frontmost": x, "backmost": -x}[chosen.rule]

    ranked = sorted(candidates, key=score, reverse=True)
    at = chosen.rank - 1
    other = ranked[at]
    if other != me:
        hosted = {c for cs in children.values() for c in cs}
        same = abs(objects.footprint_radius(o.kind, world.bodies[me].size)
                   - objects.footprint_radius(o.kind, world.bodies[other].size)) < 1e-3
        if not swap or other in rivals or me in hosted or other in hosted or not same:
            raise NoRoom(f"{o.id} is not the {chosen.rule} and cannot trade places")
        a, b = world.pose(me)[0], world.pose(other)[0]
        _shift(world, children, me, b[:2] - a[:2])
        _shift(world, children, other, a[:2] - b[:2])
        ranked = sorted(candidates, key=score, reverse=True)
    mine = score(me)
    for k in (at - 1, at + 1):
        if 0 <= k < len(ranked) and abs(score(ranked[k]) - mine) < MARGIN:
            raise NoRoom(f"{o.id} is not clearly the {chosen.rule} (under {MARGIN * 100:.0f} cm ahead)")


def _shift(world: World, children: dict[str, list[str]], name: str, dxy: np.ndarray) -> None:
    """Move a body, and whatever starts inside or on it, by dxy in the plane."""
    pos, orn = world.pose(name)
    world.put(name, [pos[0] + dxy[0], pos[1] + dxy[1], pos[2]], orn.tolist())
    for child in children.get(name, []):
        _shift(world, children, child, dxy)


class _SlotMap(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
