"""An episode: one task, one seed, one world, one robot, one success check.

A scene that starts out solved (the block already left of the bowl), or whose
objects did not all fit, is drawn again from the same seed, so no episode is
won by doing nothing, unless its condition is made only of constraints
("don't touch the bowl": `asks_nothing`), which doing nothing keeps. While the
episode runs, step listeners record how high each movable body ever rose above
its start (`never_lifted`), and which bodies the robot ever held or touched
(`never_grasped`, `no_contact`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from sim.embodiments.base import Embodiment
from sim.errors import TaskError
from sim.perception import Perception
from sim.predicates import PREDICATES, Context
from sim.robot import Robot
from sim.scene import NoRoom, Scene, build_scene, scene_rng
from sim.taskspec import Expr, TaskSpec
from sim.world import World

CHECK_EVERY = 4  # physics steps between checks of a sequence's parts: the robot's control rate

MAX_REDRAWS = 20
# relations that hold at the start only where a task file says so (an object `inside` or `on` another): never by
# where the objects happen to be drawn (a painted zone may be drawn under a block, so `in` a zone is not here)
RESTING = ("in", "on", "stacked")


@dataclass
class Episode:
    """A running episode. `robot` is what a program holds; the rest is the judge's."""

    task: TaskSpec
    seed: int
    world: World
    scene: Scene
    embodiment: Embodiment
    robot: Robot
    owns_world: bool = False
    success: Expr | None = None  # the task's condition with this scene's choices filled in
    rise: "RiseTracker | None" = None
    contact: "ContactTracker | None" = None
    sequence: "SequenceTracker | None" = None

    @property
    def instruction(self) -> str:
        return self.scene.instruction

    def context(self) -> Context:
        base = np.zeros(3)
        if self.embodiment.kind == "arm":
            base = self.embodiment.base
        return Context(world=self.world, bindings=self.scene.bindings, initial=self.scene.initial,
                       workspace=self.task.workspace, robot=self.embodiment.name,
                       held=self.embodiment.held, base=base,
                       peak_rise=dict(self.rise.peak) if self.rise else {},
                       grasped=set(self.contact.grasped) if self.contact else set(),
                       touched=set(self.contact.touched) if self.contact else set(),
                       unordered=frozenset(o.id for o in self.task.objects if o.count[1] > 1 and not o.ordered),
                       passed=dict(self.sequence.passed) if self.sequence else {})

    def evaluate(self) -> dict[str, bool]:
        """Named checks over ground truth; "success" is the task's condition."""
        ctx = self.context()
        success = self.success or self.task.success
        checks: dict[str, bool] = {}
        passing = passing_parts(success)  # named by whether they held on the way, in order
        held = ctx.passed.get(str(success), 0)
        for i, arg in enumerate(success.args if success.name in ("all", "then") else []):
            if isinstance(arg, Expr):
                checks[f"{i + 1}:{arg}"] = (passing.index(arg) < held if arg in passing
                                            else evaluate_expr(arg, ctx))
        checks["success"] = evaluate_expr(success, ctx)
        return checks

    def snapshot(self):
        """The world as it is now, as data (`sim.worldstate.WorldState`): exact poses, what rests where."""
        from sim.worldstate import capture

        return capture(self)

    def state(self) -> dict[str, Any]:
        return {**self.embodiment.state(), "t_sim": round(self.world.t_sim, 4)}

    def overlay(self) -> dict[str, Any]:
        return dict(self.robot.last_overlay)

    def render(self, width: int = 320, height: int = 240) -> np.ndarray:
        """An overview frame for people (keyframes, live view)."""
        rgb, _, _ = self.world.capture(self.embodiment.view_camera(), width, height, segmentation=False)
        return rgb

    def close(self) -> None:
        if self.owns_world:
            self.world.close()


@dataclass
class RiseTracker:
    """A step listener: the highest each movable body has risen above its starting height, read every control
    tick (a body knocked up high enough to count rises for many ticks: 1.5 cm takes 13 steps of flight, and
    its peak falls between two ticks by under a millimetre)."""

    start: dict[str, float]
    peak: dict[str, float] = field(default_factory=dict)
    _watched: list[tuple[str, int, float]] = field(default_factory=list, init=False, repr=False)
    steps: int = 0

    def __call__(self, world: World) -> None:
        self.steps += 1
        if self.steps % CHECK_EVERY:
            return
        # the bodies' ids looked up once, and pybullet's tuple read, not world.pose's arrays
        if not self._watched:
            self._watched = [(name, world.bodies[name].uid, z0) for name, z0 in self.start.items()]
        position = world.p.getBasePositionAndOrientation
        peak = self.peak
        for name, uid, z0 in self._watched:
            rise = position(uid)[0][2] - z0
            if rise > peak.get(name, 0.0):
                peak[name] = rise


@dataclass
class ContactTracker:
    """A step listener: the bodies the robot held, and those it (or what it held) touched, at any step."""

    embodiment: Embodiment
    watched: dict[int, str]  # uid -> name of the bodies to watch
    grasped: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)

    def __call__(self, world: World) -> None:
        held = self.embodiment.held
        contacts = world.p.getContactPoints
        watched, touched = self.watched, self.touched
        for uid in (self.embodiment.uid, world.bodies[held].uid if held in world.bodies else -1):
            if uid < 0:
                continue
            for pt in contacts(bodyA=uid):
                name = watched.get(pt[2])
                if name is not None:
                    touched.add(name)
        if held:
            self.grasped.add(held)


@dataclass
class SequenceTracker:
    """A step listener: for each sequence (`then`) with parts that hold only on the way (`passing_parts`),
    how many of those have held in order, checked every control tick."""

    parts: dict[str, list[Expr]]  # str(sequence) -> its passing parts, in order
    episode: "Episode"
    passed: dict[str, int] = field(default_factory=dict)  # str(sequence) -> how many of those have held
    steps: int = 0

    def __call__(self, world: World) -> None:
        self.steps += 1
        if self.steps % CHECK_EVERY:
            return
        for key, parts in self.parts.items():
            done = self.passed.get(key, 0)
            if done < len(parts) and evaluate_expr(parts[done], self.episode.context()):
                self.passed[key] = done + 1


def bind_choices(expr: Expr, choices: dict[str, str]) -> Expr:
    """The condition with each choice slot ("corner") replaced by this scene's value ("front_left")."""
    args = [bind_choices(a, choices) if isinstance(a, Expr) else choices.get(a, a) if isinstance(a, str) else a
            for a in expr.args]
    return Expr(expr.name, args)


def passing_parts(expr: Expr) -> list[Expr]:
    """The parts of a sequence (`then`) that hold only on the way, so are judged in order as the episode runs:
    where the robot is ("drive to the red marker, then to the blue one"), and where a later part moves the
    same thing from ("put the block in the bowl, then take it out and put it on the plate")."""
    if expr.name != "then":
        return []
    parts = [a for a in expr.args if isinstance(a, Expr)]
    return [a for k, a in enumerate(parts) if "robot" in a.args or _moved_later(a, parts[k + 1:])]


def _subject(part: Expr) -> Any:
    """What a part places: its first argument ("the red block" of in(red block, bowl)), under any `not`."""
    while part.name == "not" and part.args and isinstance(part.args[0], Expr):
        part = part.args[0]
    return part.args[0] if part.args and not isinstance(part.args[0], Expr) else None


def _moved_later(part: Expr, later: list[Expr]) -> bool:
    subject = _subject(part)
    return subject is not None and any(_subject(b) == subject and not asks_nothing(b) for b in later)


def sequences(expr: Expr) -> list[Expr]:
    """Every sequence in the condition with parts that hold only on the way (`passing_parts`)."""
    found = [expr] if passing_parts(expr) else []
    return found + [s for a in expr.args if isinstance(a, Expr) for s in sequences(a)]


def asks_nothing(expr: Expr) -> bool:
    """Is the condition made only of constraints (`unmoved`, `never_lifted`, ...), so that every scene starts
    out meeting it and doing nothing keeps it met? (A `not` may be a goal: "move the block away from the
    bowl" is ``not(near(block, bowl))``.)"""
    if expr.name in ("all", "then"):
        return all(asks_nothing(a) for a in expr.args if isinstance(a, Expr))
    known = PREDICATES.get(expr.name)
    return known is not None and known.vacuous


def never_starts(expr: Expr, spec: TaskSpec) -> bool:
    """Is the condition made only of constraints and of what must not come to rest in or on something
    (``not(in(ball, bowl))``), in a scene where nothing starts inside or on another object? Then no scene
    starts with what it forbids, and doing nothing keeps it met ("don't put the ball in the bowl")."""
    if expr.name in ("all", "then"):
        parts = [a for a in expr.args if isinstance(a, Expr)]
        return any(p.name == "not" for p in parts) and all(asks_nothing(p) or never_starts(p, spec) for p in parts)
    if expr.name == "not" and isinstance(expr.args[0], Expr) and expr.args[0].name == "at_least" and \
            str(expr.args[0].args[0]) in ("1", "1.0"):  # no member of a group in it: as for one object
        expr = Expr("not", [expr.args[0].args[1]])
    if expr.name != "not" or not isinstance(expr.args[0], Expr) or expr.args[0].name not in RESTING:
        return False
    kinds = {o.id: o.kind for o in spec.objects}
    return (not any(o.host for o in spec.objects)
            and all(kinds.get(str(a)) not in ("zone", "marker") for a in expr.args[0].args))


def evaluate_expr(expr: Expr, ctx: Context) -> bool:
    """Judge a condition over the context; `then` is judged as `all` at the end of the episode, but for
    its parts that hold only on the way, which the context says held in order (`SequenceTracker`)."""
    if expr.name == "then":
        passing = passing_parts(expr)  # held in order on the way (`SequenceTracker`), the rest at the end
        return (ctx.passed.get(str(expr), 0) >= len(passing)
                and all(evaluate_expr(a, ctx) for a in expr.args if a not in passing))
    if expr.name == "all":
        return all(evaluate_expr(a, ctx) for a in expr.args)
    if expr.name == "at_least":
        n, cond = expr.args
        members = ctx.names(cond.args[0])
        hits = sum(evaluate_expr(Expr(cond.name, [m, *cond.args[1:]]), ctx) for m in members)
        return hits >= int(n)
    if expr.name == "any":
        return any(evaluate_expr(a, ctx) for a in expr.args)
    if expr.name == "not":
        return not evaluate_expr(expr.args[0], ctx)
    return bool(PREDICATES[expr.name].fn(ctx, *expr.args))


def make_episode(task: str | Path | TaskSpec, seed: int, *, world: World | None = None,
                 gui: bool = False) -> Episode:
    """Build the scene for (task, seed); reuse `world` if given (it is reset)."""
    from sim.tasks import resolve_task

    spec = resolve_task(task)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise TaskError(f"seed must be a whole number ≥ 0, got {seed!r}")
    owns = world is None
    if world is None:
        world = World(gui=gui)
    for attempt in range(MAX_REDRAWS):
        if attempt or not owns:
            world.reset()
        try:
            scene, embodiment = build_scene(world, spec, int(seed), attempt)
        except NoRoom:
            if attempt == MAX_REDRAWS - 1:
                raise
            continue
        success = bind_choices(spec.success, scene.choices)
        episode = Episode(task=spec, seed=int(seed), world=world, scene=scene, embodiment=embodiment,
                          robot=Robot(embodiment, Perception(world, scene_rng(spec, seed + 7919)), spec.workspace),
                          owns_world=owns, success=success)
        if asks_nothing(success) or never_starts(success, spec) or not evaluate_expr(success, episode.context()):
            break
    else:
        raise TaskError(f"{spec.name}: seed {seed} builds scenes that start out solved or too crowded")
    episode.rise = RiseTracker({n: float(scene.initial[n][2]) for n, b in world.bodies.items() if b.movable})
    world.step_listeners.append(episode.rise)
    episode.contact = ContactTracker(embodiment, {b.uid: n for n, b in world.bodies.items()
                                                  if b.kind not in ("table", "floor", "robot")})
    world.step_listeners.append(episode.contact)
    if sequences(success):
        episode.sequence = SequenceTracker({str(q): passing_parts(q) for q in sequences(success)}, episode)
        world.step_listeners.append(episode.sequence)
    return episode
