"""Building a scene from a `TaskSpec` and a seed.

Everything random comes from one generator seeded by (seed, task name), so a
seed reproduces a scene exactly: colours, sizes, poses, distractors,
friction, mass, camera jitter, the instruction template and its place words.
"""

from __future__ import annotations

import math
import string
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim import objects
from sim.embodiments import get_embodiment
from sim.embodiments.base import Embodiment
from sim.errors import TaskError
from sim.taskspec import ObjectSpec, TaskSpec
from sim.world import World

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

    def add(o: ObjectSpec, color: str, slot_id: str) -> str:
        size = tuple(s * size_scale if o.kind in ("block", "ball") else s for s in o.size)
        radius = objects.footprint_radius(o.kind, size)
        if o.position is not None:
            x, y = o.position
            placer.claim(x, y, radius)
        else:
            x, y = placer.place(o.region or spec.workspace, radius, slot_id)
        yaw = _uniform(rng, o.yaw)
        z = size[2] / 2 + 0.001
        mass = None if o.mass is None else o.mass * mass_scale
        if mass is None and o.kind in ("block", "ball", "stick", "hook"):
            mass = {"block": 0.1, "ball": 0.05, "stick": 0.15, "hook": 0.2}[o.kind] * mass_scale
        body = objects.build(world, o.kind, name=f"{color}_{o.kind}", color=color, size=size,
                             position=(x, y, z), yaw=yaw, mass=mass if o.movable else 0.0,
                             friction=friction, slot=slot_id, movable=o.movable)
        used_colors.append(color)
        return body.name

    for o in spec.objects:
        if o.match is not None:
            members = bindings[o.match]
            colors = [world.bodies[m].color for m in members]
        else:
            n = int(rng.integers(o.count[0], o.count[1] + 1))
            free = [c for c in o.colors if not o.distinct or c not in used_colors]
            if len(free) < n:
                free = list(o.colors)
            colors = [str(c) for c in rng.choice(free, size=n, replace=len(free) < n)]
        names = [add(o, color, o.id if len(colors) == 1 else f"{o.id}_{k + 1}") for k, color in enumerate(colors)]
        bindings[o.id] = names
        first = world.bodies[names[0]]
        slots[o.id] = Slot(first.color, KIND_WORDS.get(o.kind, o.kind), first.name,
                           colors=[world.bodies[n].color for n in names])

    d = spec.distractors
    if d:
        n = int(rng.integers(*(np.asarray(d.get("count", [0, 0]), dtype=int) + [0, 1])))
        kinds = d.get("kinds", ["block"])
        region = d.get("region") or spec.workspace
        region = {k: tuple(v) for k, v in region.items()}
        names = []
        for _ in range(n):
            kind = str(rng.choice(kinds))
            free = [c for c in d.get("colors", sorted(objects.COLORS)) if c not in used_colors]
            if not free:
                break
            color = str(rng.choice(free))
            o = ObjectSpec(id="distractor", kind=kind, colors=[color], size=objects.DEFAULT_SIZES[kind],
                           region=region)
            names.append(add(o, color, "distractors"))
        bindings["distractors"] = names

    jitter = _uniform(rng, perturb.get("camera_jitter"), 0.0)
    for cam in robot.perception_cameras() if robot_cls.kind == "arm" else []:
        cam.jitter = tuple(float(v) for v in rng.uniform(-jitter, jitter, 3))

    world.settle(0.25)
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


class _SlotMap(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
