"""Running a conversation's turns on its world: the task files a world makes, the runs, the world they leave.

A task on the world is two task files made from it (`sim.worldstate.task_text`):
the *copies* (every object shifted by up to `JITTER` a seed, with friction and
mass perturbed, and the family the goal is like as ``variant_of``) that
`run_task` writes, repairs and validates the program on; and the world *now*
(every object exactly where it is), which the validated program then runs on
once. That run's final state (`Trace.final_world`) is the next world. A
one-off ("just do it") runs on the world now directly, without validation,
and is not kept as a skill. A look (`look`) is one ``robot.scan()`` in the
sandbox on the world now: what questions are answered from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aspire_tui.agent import events as ev
from aspire_tui.agent.goal import Cond, Goal as Tree
from sim.worldstate import WorldState, task_text

JITTER = 0.015   # metres each object of a perturbed copy may move (with what rests in or on it)
PERTURB = {"friction": (0.7, 1.0), "mass_scale": (0.8, 1.25), "camera_jitter": (0.0, 0.004)}
MOVED = 0.005    # an object that moved more than this (metres) was moved by the task
LOOK = "def run(robot):\n    return robot.scan()\n"


class TurnError(ValueError):
    """A turn cannot run on the world as it is; the message is one line."""


@dataclass
class Setup:
    """What a conversation's tasks run with (the `run_task` options the app or the CLI chose)."""

    coder: Any
    library: Any
    emit: ev.Emit = ev.ignore
    model: str | None = None
    validate: int = 5
    select: int = 2
    max_iterations: int = 10
    timeout: float = 60.0
    stop: Any = None
    frames: bool = False
    pool: Any = None
    scene: str | None = None    # the first task's family or task file (later tasks run on the world)
    seed: int | None = None
    budget: Any = None

    def options(self, **override: Any) -> dict[str, Any]:
        """Keyword arguments for `run_task`."""
        opts = dict(model=self.model, validate=self.validate, select=self.select,
                    max_iterations=self.max_iterations, timeout=self.timeout, stop=self.stop, frames=self.frames,
                    pool=self.pool, scene=self.scene, seed=self.seed, budget=self.budget)
        opts.update(override)
        return opts


@dataclass(frozen=True)
class WorldTask:
    """A goal on the world: the task files it runs on and which task id each world object took."""

    name: str
    instruction: str
    condition: Cond
    now: Path                            # the world exactly as it is
    copies: Path                         # perturbed copies, for writing, repairing and validating
    names: dict[str, str] = field(default_factory=dict)  # task-file slot -> world object name


@dataclass
class Outcome:
    """What a turn came to: the loop's result, the world it left (None: unchanged) and the run on the world."""

    result: Any
    world: WorldState | None = None
    trace: Any = None
    sightings: dict[str, tuple[float, float]] = field(default_factory=dict)


# ---------------------------------------------------------------- task files from the world

def world_task(world: WorldState, condition: Cond, instruction: str, bound: dict[str, list[str]]) -> WorldTask:
    """The task files for ``condition`` (its references bound to world objects by ``bound``) on ``world``.

    Raises:
        TurnError: no task file can say the goal (one line).
    """
    from aspire_tui.agent.scene import SceneError, spec_for
    from sim.tasks import keep_task

    try:
        spec, _, ids = spec_for(Tree(instruction, condition))
    except SceneError as e:
        raise TurnError(str(e)) from None
    singles, groups = _task_ids(spec, ids, bound)
    taken = set(singles.values()) | set(groups)
    others = {o.name: o.name if o.name not in taken else f"{o.name}_here" for o in world.objects
              if o.name not in singles and not any(o.name in g for g in groups.values())}
    ids_all = {**singles, **others}
    order = _mention_order(instruction, world, ids_all, groups, spec.variant_of)
    common = dict(category=spec.category, instructions=[instruction], ids=ids_all, groups=groups, order=order)
    base = f"world_{spec.name}"[:60]
    now = keep_task(f"{base}_now", task_text(world, spec.success_text, name=f"{base}_now", **common))
    copies = keep_task(base, task_text(world, spec.success_text, name=base, variant_of=spec.variant_of,
                                       jitter=JITTER, perturb=PERTURB, **common))
    names = {tid: name for name, tid in ids_all.items()}
    for gid, members in groups.items():
        names.update({f"{gid}_{k + 1}": m for k, m in enumerate(members)})
    return WorldTask(base, instruction, condition, now, copies, names)


def _task_ids(spec, ids: dict[str, str], bound: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """World name -> task id for the goal's single objects, and task id -> world names for its groups."""
    objects = {o.id: o for o in spec.objects}
    singles: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for key, oid in ids.items():
        names = bound.get(key)
        if not names or oid not in objects:
            continue
        o = objects[oid]
        if o.count[1] > 1 or o.match is not None or len(names) > 1:
            groups[oid] = list(names)
        else:
            singles[names[0]] = oid
    return singles, groups


def _mention_order(text: str, world: WorldState, ids: dict[str, str], groups: dict[str, list[str]],
                   family: str) -> list[str]:
    """Task ids in the order the instruction names their objects, so that reading the words against the task
    file (`instruction.align`: each object takes the next one named of its kind) pairs each with its own."""
    from aspire_tui.agent.instruction import InstructionError, find_objects, normalise, parse, stack_order

    try:
        goal = parse(text, "world")
    except InstructionError:
        return []
    named = []
    for ref in find_objects(normalise(text)):
        if not ref.colors or all(ref.phrase != n.phrase for n in named):
            named.append(ref)
    if family in ("stack_two", "stack_three"):  # align reads a stack's blocks top first
        named = stack_order(goal, named)
    entries = {tid: [world.get(n)] for n, tid in ids.items()}
    entries.update({gid: [world.get(n) for n in members] for gid, members in groups.items()})
    order: list[str] = []
    for ref in named:
        for tid, objs in entries.items():
            if tid in order or objs[0].kind != ref.kind:
                continue
            if ref.colors and sorted(ref.colors) != sorted(o.color for o in objs):
                continue
            order.append(tid)
            break
    return order


# ---------------------------------------------------------------- runs

def already_true(task: WorldTask) -> bool:
    """Does the goal hold on the world as it is (a judge's check: the success condition over the simulator)?"""
    from sim.episode import make_episode
    from sim.errors import TaskError

    try:
        make_episode(str(task.now), 0).close()
    except TaskError as e:
        if "start out solved" in str(e):
            return True
        raise TurnError(str(e)) from None
    return False


def run_on_world(task: WorldTask, world: WorldState, setup: Setup, once: bool) -> Outcome:
    """Write, repair and validate a program for the task on perturbed copies of the world, then run it once on
    the world itself; ``once``: run it on the world itself only, unvalidated, and keep no skill."""
    from aspire_tui.agent.loop import run_task

    if once:
        result = run_task(task.instruction, coder=setup.coder, library=setup.library, emit=setup.emit,
                          **setup.options(scene=str(task.now), seed=0, validate=0, select=0))
        trace = _last_run(result, setup.library, 0) if result.success else None
    else:
        result = run_task(task.instruction, coder=setup.coder, library=setup.library, emit=setup.emit,
                          **setup.options(scene=str(task.copies), seed=0))
        trace = run_now(result, task, setup) if result.success else None
    if trace is None or not trace.final_world:
        return Outcome(result)
    after, sightings = read_run(trace, task.names)
    return Outcome(result, after, trace, sightings)


def run_now(result, task: WorldTask, setup: Setup):
    """The validated program, once, on the world exactly as it is: the run whose end is the next world."""
    from aspire_tui.agent.loop import scene_program
    from aspire_tui.runner import run_program
    from aspire_tui.runner.paths import new_run_id

    try:
        source = scene_program(result.program, str(task.now), 0)
    except (ValueError, KeyError):
        source = result.program  # a program without ARGS runs as it is
    lib, run_id = setup.library, new_run_id()

    def on_record(record) -> None:
        setup.emit(ev.CallRecorded(result.iterations, 0, record.index, record.call, record.status,
                                   record.signature(70), record.error, record.keyframe or "", record.where or "",
                                   run_id))

    trace = run_program(source, str(task.now), 0, timeout=setup.timeout, skills_dir=lib.skills_dir,
                        runs_dir=lib.runs_dir, pool=setup.pool, run_id=run_id, on_record=on_record,
                        stop=setup.stop)
    setup.emit(ev.RunFinished(result.iterations, 0, trace.outcome, "on the world: " + trace.headline(),
                              trace.run_id, str(trace.path or "")))
    return trace


def _last_run(result, library, seed: int):
    """The newest succeeded run of ``result`` on ``seed`` (the run on the scene itself), or None."""
    from aspire_tui.runner.trace import Trace

    for run_id in reversed(result.runs):
        try:
            trace = Trace.load(Path(library.runs_dir) / run_id)
        except (OSError, ValueError, KeyError):
            continue
        if trace.seed == seed and trace.outcome == "succeeded":
            return trace
    return None


def read_run(trace, names: dict[str, str] | None) -> tuple[WorldState, dict[str, tuple[float, float]]]:
    """The world a run left, and where the robot first saw each object; ``names`` (task-file slot -> world
    name) calls its objects by their world names (None: they keep the names the run gave them)."""
    state = WorldState.from_dict(trace.final_world, f"run {trace.run_id}")
    by_body = {o.name: o.name if names is None else names.get(o.slot, o.slot or o.name) for o in state.objects}
    state = state.renamed(by_body)
    state = replace(state, objects=tuple(replace(o, slot=o.name) for o in state.objects))
    sightings: dict[str, tuple[float, float]] = {}
    for record in trace.records:
        if record.call not in ("detect", "scan") or record.status != "ok" or not isinstance(record.result, list):
            continue
        for d in record.result:
            if isinstance(d, dict) and d.get("name") in by_body and "position" in d:
                sightings.setdefault(by_body[d["name"]], (float(d["position"][0]), float(d["position"][1])))
    return state, sightings


def moved(before: WorldState, after: WorldState) -> list[str]:
    """The objects whose place changed (by more than `MOVED`)."""
    then = {o.name: o for o in before.objects}
    return [o.name for o in after.objects
            if o.name not in then or math.dist(o.position, then[o.name].position) > MOVED]


# ---------------------------------------------------------------- the first task and its world

def first_task(text: str, setup: Setup) -> tuple[Any, WorldState | None, Outcome]:
    """The conversation's first task, run as any task is (the words make the scene and the library's
    validation applies); the world is that task's debug scene, before and after."""
    from aspire_tui.agent.loop import run_task

    seen: dict[str, Any] = {}

    def emit(event) -> None:
        if isinstance(event, ev.Understood):
            seen["task_file"] = event.task_file
        elif isinstance(event, ev.TaskStarted):
            seen["seed"] = event.seed
        setup.emit(event)

    result = run_task(text, coder=setup.coder, library=setup.library, emit=emit, **setup.options())
    if "task_file" not in seen:
        return result, None, Outcome(result)
    before = scene_world(seen["task_file"], seen["seed"])
    trace = _last_run(result, setup.library, seen["seed"]) if result.success else None
    if trace is None or not trace.final_world:
        return result, before, Outcome(result)
    after, sightings = read_run(trace, None)  # the same scene built again: the same names
    return result, before, Outcome(result, after, trace, sightings)


def scene_world(task_file: str, seed: int) -> WorldState:
    """The world a task file builds for ``seed`` (a scene the words made, or a family's)."""
    from sim.episode import make_episode
    from sim.taskspec import parse_task

    episode = make_episode(parse_task(task_file, "<first task>"), int(seed))
    try:
        state = episode.snapshot()
    finally:
        episode.close()
    return replace(state, objects=tuple(replace(o, slot=o.name) for o in state.objects))


def start_world(text: str, setup: Setup) -> WorldState:
    """The world the words (or the chosen scene) make, before anything runs on it."""
    from aspire_tui.agent.loop import _file_text, choose_scene, understand

    goal, spec = understand(text, setup.scene, setup.model)
    seed, goal = choose_scene(goal, spec, setup.seed)
    return scene_world(goal.task_file or _file_text(spec), seed)


# ---------------------------------------------------------------- looking

def look(world: WorldState, setup: Setup) -> tuple[list, str]:
    """What the camera sees of the world now (one ``robot.scan()`` in the sandbox): `questions.Seen`s called by
    their world names, and the look's run id. Nothing moves; the world stays as it is."""
    from aspire_tui.agent.questions import Seen
    from aspire_tui.runner import run_program
    from sim.tasks import keep_task

    first = next((o.name for o in world.objects), "")
    if not first:
        return [], ""
    path = keep_task("look", task_text(world, f"lifted({first}, 5)", name="look", category="pick_place",
                                       instructions=["look at the table"]))
    lib = setup.library
    trace = run_program(LOOK, str(path), 0, timeout=30, skills_dir=lib.skills_dir, runs_dir=lib.runs_dir,
                        keyframes=True, pool=setup.pool)
    by_body = {o["name"]: o.get("slot") or o["name"] for o in (trace.final_world or {}).get("objects", [])}
    scans = [r for r in trace.records if r.call == "scan" and r.status == "ok" and isinstance(r.result, list)]
    if not scans:
        raise TurnError(f"the camera could not look: {trace.headline()}")
    seen = [Seen(by_body.get(d["name"], d["name"]), d["kind"], d["color"], tuple(d["position"]), tuple(d["size"]))
            for d in scans[-1].result if isinstance(d, dict)]
    return seen, trace.run_id
