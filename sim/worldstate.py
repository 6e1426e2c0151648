"""A world as data: every object's kind, colour, size and exact pose, what rests in or on what, and the arm.

A conversation keeps one world: the scene its first task ran on, then the
state each task left. ``capture(episode)`` reads it from a running episode
(ground truth: the judge's side, never shown to programs);
``WorldState.to_dict()`` / ``from_dict()`` make it JSON (``--save-world``);
``task_text(state, success)`` turns it back into a task file whose objects
sit exactly where the world has them (``pose``), so the next task starts
from that state, and, with ``jitter``, into the perturbed copies a program
is validated on (``[perturb] place_jitter``).

    state = capture(episode)
    text = task_text(state, "in(red_block, green_bowl)", name="conversation_turn_2")
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sim.errors import TaskError

VERSION = 1
SCENERY = ("table", "floor", "robot")


class WorldFileError(TaskError):
    """A saved world does not read; the message names the file and the field."""


@dataclass(frozen=True)
class ObjectState:
    """One object as the world has it. ``rests`` is "in" or "on" the object named by ``host``, or ""."""

    name: str
    kind: str
    color: str
    size: tuple[float, float, float]
    position: tuple[float, float, float]
    orientation: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 1.0)
    movable: bool = True
    mass: float | None = None
    rests: str = ""
    host: str = ""
    slot: str = ""          # the task-file id it was built from (names it back after a rebuild)

    @property
    def phrase(self) -> str:
        """Everyday words: "red block"."""
        return f"{self.color} {self.kind}".strip()

    @property
    def yaw(self) -> float:
        """Rotation about the vertical, radians."""
        x, y, z, w = self.orientation
        return math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z))


@dataclass(frozen=True)
class WorldState:
    """Every object on the table (or floor), the robot's joints or base, and what it holds."""

    embodiment: str
    objects: tuple[ObjectState, ...]
    held: str = ""
    robot: tuple[float, ...] = ()     # an arm's seven joint angles; a mobile base's (x, y, yaw)
    gripper: float | None = None
    workspace: dict[str, tuple[float, float]] = field(default_factory=dict)

    def get(self, name: str) -> ObjectState:
        """The object called ``name``; KeyError names the ones there are."""
        for o in self.objects:
            if o.name == name:
                return o
        raise KeyError(f"no object {name!r} in the world (it has: {', '.join(o.name for o in self.objects)})")

    def names(self) -> list[str]:
        """The objects' names, in the world's order."""
        return [o.name for o in self.objects]

    def renamed(self, names: dict[str, str]) -> "WorldState":
        """The same world with objects (and hosts, and what is held) renamed by ``names``."""
        objects = tuple(replace(o, name=names.get(o.name, o.name), host=names.get(o.host, o.host))
                        for o in self.objects)
        return replace(self, objects=objects, held=names.get(self.held, self.held))

    def shift(self, other: "WorldState") -> float:
        """The largest distance, in metres, that any object of this world lies from itself in ``other``
        (infinite when an object is missing from either)."""
        theirs = {o.name: o for o in other.objects}
        if set(theirs) != set(self.names()):
            return math.inf
        return max((math.dist(o.position, theirs[o.name].position) for o in self.objects), default=0.0)

    # -- JSON ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data, with the format's version."""
        data = asdict(self)
        data["version"] = VERSION
        data["workspace"] = {k: list(v) for k, v in self.workspace.items()}
        return data

    @classmethod
    def from_dict(cls, data: Any, source: str = "<world>") -> "WorldState":
        """Read a world back; raises WorldFileError naming the field that is wrong."""
        if not isinstance(data, dict):
            raise WorldFileError(f"{source}: a world is a JSON object with 'embodiment' and 'objects'")
        if data.get("version", VERSION) != VERSION:
            raise WorldFileError(f"{source}: version {data.get('version')!r} is not one this aspire reads ({VERSION})")
        try:
            objects = tuple(_object(o, k) for k, o in enumerate(data["objects"]))
            state = cls(embodiment=str(data["embodiment"]), objects=objects, held=str(data.get("held") or ""),
                        robot=tuple(float(q) for q in data.get("robot") or ()),
                        gripper=None if data.get("gripper") is None else float(data["gripper"]),
                        workspace={str(k): (float(v[0]), float(v[1])) for k, v in (data.get("workspace") or {}).items()})
        except KeyError as e:
            raise WorldFileError(f"{source}: missing field {e.args[0]!r}") from None
        except (TypeError, ValueError, IndexError) as e:
            raise WorldFileError(f"{source}: {e}") from None
        _check(state, source)
        return state

    def save(self, path: str | Path) -> Path:
        """Write the world as JSON (``--save-world FILE``)."""
        path = Path(path).expanduser()
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> "WorldState":
        """Read a world written by `save` (``--world FILE``); errors name the file."""
        path = Path(path).expanduser()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise WorldFileError(f"{path}: no such world file") from None
        except (OSError, UnicodeDecodeError) as e:
            raise WorldFileError(f"{path}: cannot read: {e}") from None
        except ValueError as e:
            raise WorldFileError(f"{path}: not JSON: {e}") from None
        return cls.from_dict(data, str(path))


def _object(o: Any, k: int) -> ObjectState:
    if not isinstance(o, dict):
        raise ValueError(f"objects[{k}] must be an object")
    vec = lambda key, n: tuple(float(v) for v in o[key]) if len(o[key]) == n else _bad(k, key, n)  # noqa: E731
    return ObjectState(name=str(o["name"]), kind=str(o["kind"]), color=str(o.get("color", "")),
                       size=vec("size", 3), position=vec("position", 3),
                       orientation=vec("orientation", 4) if "orientation" in o else (0.0, 0.0, 0.0, 1.0),
                       movable=bool(o.get("movable", True)),
                       mass=None if o.get("mass") is None else float(o["mass"]), rests=str(o.get("rests", "")),
                       host=str(o.get("host", "")), slot=str(o.get("slot", "")))


def _bad(k: int, key: str, n: int):
    raise ValueError(f"objects[{k}].{key} must be {n} numbers")


def _check(state: WorldState, source: str) -> None:
    """Kinds and colours the simulator makes, unique names that ids can be made of, a held object that is there."""
    from sim.objects import COLORS, KINDS

    names = state.names()
    for k, o in enumerate(state.objects):
        if o.kind not in KINDS:
            raise WorldFileError(f"{source}: objects[{k}].kind: {o.kind!r} is no kind ({', '.join(sorted(KINDS))})")
        if o.color not in COLORS:
            raise WorldFileError(f"{source}: objects[{k}].color: {o.color!r} is no colour")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", o.name) or names.count(o.name) > 1:
            raise WorldFileError(f"{source}: objects[{k}].name: {o.name!r} must be unique, lowercase letters, "
                                 "digits and underscores")
    if state.held and state.held not in names:
        raise WorldFileError(f"{source}: held: {state.held!r} is no object of the world")


# -- reading a running episode ---------------------------------------------
def capture(episode) -> WorldState:
    """The world an episode is in now: every object's exact pose, what rests in or on what, and the robot."""
    world, robot = episode.world, episode.embodiment
    objects = []
    for name, body in world.bodies.items():
        if body.kind in SCENERY:
            continue
        pos, orn = world.pose(name)
        objects.append(ObjectState(
            name=name, kind=body.kind, color=body.color, size=tuple(round(float(s), 5) for s in body.size),
            position=tuple(round(float(v), 5) for v in pos), orientation=tuple(round(float(v), 6) for v in orn),
            movable=body.movable, mass=_mass(world, body) if body.movable else None, slot=body.slot))
    objects = _with_rests(episode, objects)
    if robot.kind == "arm":
        joints, gripper = tuple(round(float(q), 6) for q in robot.joint_angles()), round(robot.gripper_width(), 5)
    else:
        (x, y, _), yaw = robot.base_pose()
        joints, gripper = (round(float(x), 5), round(float(y), 5), round(float(yaw), 5)), None
    return WorldState(embodiment=episode.task.embodiment, objects=tuple(objects), held=robot.held or "",
                      robot=joints, gripper=gripper,
                      workspace={k: (float(v[0]), float(v[1])) for k, v in episode.task.workspace.items()})


def _mass(world, body) -> float:
    return round(float(world.p.getDynamicsInfo(body.uid, -1)[0]), 4)


def _with_rests(episode, objects: list[ObjectState]) -> list[ObjectState]:
    """Each movable object's host: the support it is on, else the container it is in (the success
    vocabulary's own `in` and `on`, so "in the bowl" means here what it means to a success check)."""
    from sim.predicates import Context, in_, on
    from sim.taskspec import CONTAINER_KINDS, SUPPORT_KINDS

    ctx = Context(world=episode.world, bindings={}, initial={}, workspace=episode.task.workspace,
                  robot=episode.embodiment.name, held=episode.embodiment.held)
    out = []
    for o in objects:
        rests, host = "", ""
        if o.movable and o.name != ctx.held:
            others = [x for x in objects if x.name != o.name]
            # what it stands on first (a block on a block in a bowl is on the block), then what holds it
            host = next((x.name for x in others if x.kind in SUPPORT_KINDS and on(ctx, o.name, x.name)), "")
            rests = "on" if host else ""
            if not host:
                host = next((x.name for x in others if x.kind in CONTAINER_KINDS and in_(ctx, o.name, x.name)), "")
                rests = "in" if host else ""
        out.append(replace(o, rests=rests, host=host))
    return out


# -- back into a task file -------------------------------------------------
def task_text(state: WorldState, success: str, *, name: str = "world", category: str = "pick_place",
              instructions: list[str] | None = None, ids: dict[str, str] | None = None,
              groups: dict[str, list[str]] | None = None, order: list[str] | None = None, variant_of: str = "",
              jitter: float = 0.0, perturb: dict[str, tuple[float, float]] | None = None) -> str:
    """A task file whose scene is this world, exactly (with ``jitter``: moved by up to that much a seed).

    Args:
        success: the success condition, over the ids below.
        ids: world object name -> task id (default: the name itself).
        groups: task id -> the world objects that make one group (one ``[[objects]]`` entry, in order).
        order: task ids to write first, in this order (the rest follow in the world's order).
        variant_of: the built-in family these scenes are a variant of ("" for none).
        perturb: other perturbation ranges (friction, mass_scale, camera_jitter) for the perturbed copies.
    """
    ids = dict(ids or {})
    groups = {gid: list(members) for gid, members in (groups or {}).items()}
    grouped = {m for members in groups.values() for m in members}
    entries: dict[str, list[ObjectState]] = {}
    for gid, members in groups.items():
        entries[gid] = [state.get(m) for m in members]
    for o in state.objects:
        if o.name not in grouped:
            entries[ids.get(o.name, o.name)] = [o]
    first = [i for i in (order or []) if i in entries]
    ordered = first + [i for i in entries if i not in first]
    lines = ["[task]", f"name = {_toml(name)}", f"category = {_toml(category)}"]
    if state.embodiment != "panda":
        lines.append(f"embodiment = {_toml(state.embodiment)}")
    if variant_of:
        lines.append(f"variant_of = {_toml(variant_of)}")
    lines += [f"instructions = {_toml(instructions or ['continue from the saved world'])}",
              f"success = {_toml(success)}", ""]
    for oid in ordered:
        lines += _entry(oid, entries[oid], state.held)
    if state.workspace:
        lines += ["[workspace]"] + [f"{k} = {_toml(list(v))}" for k, v in state.workspace.items()] + [""]
    lines += _robot(state)
    ranges = dict(perturb or {})
    if jitter:
        ranges["place_jitter"] = (0.0, jitter)
    if ranges:
        lines += ["[perturb]"] + [f"{k} = {_toml(list(v))}" for k, v in ranges.items()] + [""]
    return "\n".join(lines)


def _entry(oid: str, members: list[ObjectState], held: str) -> list[str]:
    """One ``[[objects]]`` table: a single object, or a group whose members keep their order and poses."""
    o = members[0]
    colors = [m.color for m in members]
    poses = [[*m.position, *m.orientation] for m in members]
    lines = ["[[objects]]", f"id = {_toml(oid)}", f"kind = {_toml(o.kind)}",
             f"color = {_toml(colors if len(members) > 1 else o.color)}"]
    if len(members) > 1:
        lines.append(f"count = {len(members)}")
    lines += [f"size = {_toml(list(o.size))}", f"pose = {_toml(poses if len(members) > 1 else poses[0])}"]
    if o.mass is not None and len(members) == 1:
        lines.append(f"mass = {_toml(o.mass)}")
    default_movable = o.kind not in ("zone", "marker", "crate", "wall", "barrel", "cone")
    if o.movable != default_movable:
        lines.append(f"movable = {_toml(o.movable)}")
    if held and held in {m.name for m in members}:
        lines.append("held = true")
    return lines + [""]


def _robot(state: WorldState) -> list[str]:
    if not state.robot:
        return []
    if state.embodiment == "panda":
        lines = ["[robot]", f"joints = {_toml(list(state.robot))}"]
        if state.gripper is not None:
            lines.append(f"gripper = {_toml(state.gripper)}")
        return lines + [""]
    x, y, yaw = state.robot
    return ["[robot]", f"x = {_toml([x, x])}", f"y = {_toml([y, y])}", f"yaw = {_toml([yaw, yaw])}", ""]


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, float):
        return repr(round(value, 6))
    return repr(value)
