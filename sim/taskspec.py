"""Tasks as data: a TOML file holds the instruction templates, the scene and
the success condition. Built-in families are files of the same kind.

    [task]
    name = "pick_place_bowl"
    category = "pick_place"
    instructions = ["put the {block} in the {bowl}"]
    success = "in(block, bowl)"

    [[objects]]
    id = "block"
    kind = "block"
    color = ["red", "blue", "yellow"]
    region = { x = [0.35, 0.6], y = [-0.25, 0.25] }

A `[choices]` table adds place words to the templates: each key is a slot, and
each of its options maps the words the instruction says to the value the
success condition gets (one option is drawn per seed):

    [choices]
    corner = { "front left corner" = "front_left", "middle" = "middle" }

An object may be placed exactly: `pose = [x, y, z]` or `[x, y, z, qx, qy, qz, qw]` (a
group gives one per member); a `[perturb] place_jitter` range then shifts each one that
rests on the table, with whatever rests in or on it, by up to that many metres a seed
(a saved world becomes a task file this way, see `sim.worldstate`). `held = true` says
the arm starts holding it, in the joint angles `[robot] joints` gives.

An object may start inside or on another (`inside = "bowl"`, `on = "plate"`;
chains of `on` make a stack), or be the one a rule picks among a group
(`chosen = { rule = "nearest", among = "others", anchor = "bowl" }`); the
builder then redraws until the scene makes that pick clear. `[distractors]`
may `avoid` colour-and-kind pairs ("red block") or whole kinds ("bowl").

Every field the loader reads is in `FIELDS`; any other is refused. Errors name
the field and the line (`TaskFileError`).
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim import vocabulary
from sim.errors import TaskFileError
from sim.objects import COLORS, DEFAULT_SIZES, KINDS, WALL, footprint_radius
from sim.predicates import COMBINATORS, PREDICATES

CATEGORIES = ("pick_place", "arrange", "stack", "sort", "push", "tool_use", "navigation")
DEFAULT_WORKSPACE = {"panda": {"x": (0.3, 0.7), "y": (-0.3, 0.3)}, "husky": {"x": (-3.0, 3.0), "y": (-3.0, 3.0)}}

# Every field the loader reads, by table; any other field is refused. The README documents each.
FIELDS: dict[str, tuple[str, ...]] = {
    "task": ("name", "category", "instructions", "success", "description", "embodiment", "variant_of"),
    "objects": ("id", "kind", "color", "count", "size", "region", "at", "position", "yaw", "mass", "movable",
                "match", "distinct_color", "inside", "on", "chosen", "pose", "held"),
    "chosen": ("rule", "among", "anchor", "rank"),
    "distractors": ("count", "kinds", "colors", "avoid", "region"),
    "perturb": ("friction", "mass_scale", "size_scale", "camera_jitter", "place_jitter"),
    "robot": ("x", "y", "yaw", "joints", "gripper"),
    "workspace": ("x", "y"),
    "region": ("x", "y"),
}
TABLES = ("task", "objects", "choices", "distractors", "perturb", "robot", "workspace")
RESERVED_IDS = ("robot", "distractors", "count")  # names a success check or template already gives a meaning
CONTAINER_KINDS = vocabulary.CONTAINERS + vocabulary.SURFACES + ("marker",)  # what `inside` may name
SUPPORT_KINDS = vocabulary.SUPPORTS + ("barrel", "wall")                       # what `on` may name
RULES = ("nearest", "farthest", "leftmost", "rightmost", "frontmost", "backmost", "largest", "smallest")
ANCHORED_RULES = ("nearest", "farthest")
SIZE_RULES = ("largest", "smallest")


@dataclass(frozen=True)
class Chosen:
    """The object is the one `rule` picks among itself and the `among` group (rank 2: the second)."""

    rule: str
    among: str
    anchor: str | None = None
    rank: int = 1


@dataclass
class ObjectSpec:
    """One object (or a group of `count` objects) in a scene."""

    id: str
    kind: str
    colors: list[str]
    size: tuple[float, float, float]
    count: tuple[int, int] = (1, 1)
    region: dict[str, tuple[float, float]] | None = None
    position: tuple[float, float] | None = None
    yaw: tuple[float, float] = (-0.4, 0.4)
    mass: float | None = None
    movable: bool = True
    match: str | None = None        # one per member of this group, same colours
    distinct: bool = True           # colour differs from objects placed before
    inside: str | None = None       # starts inside this container or zone (placed after it)
    on: str | None = None           # starts resting on this object (placed after it)
    chosen: Chosen | None = None    # the scene makes it the rule's clear pick among a group
    ordered: bool = False           # a group given its colours as a list of its size: members in that order
    poses: tuple[tuple[float, ...], ...] | None = None  # exact (x, y, z[, quaternion]) per member
    held: bool = False              # the arm starts holding it (`[robot] joints` says where the arm is)

    @property
    def host(self) -> str | None:
        """The object this one starts inside or on, if any."""
        return self.inside or self.on


@dataclass
class TaskSpec:
    """A task family: what to say, what to build, how to judge."""

    name: str
    category: str
    instructions: list[str]
    objects: list[ObjectSpec]
    success: "Expr"
    success_text: str
    description: str = ""
    embodiment: str = "panda"
    workspace: dict[str, tuple[float, float]] = field(default_factory=dict)
    distractors: dict[str, Any] = field(default_factory=dict)
    perturb: dict[str, Any] = field(default_factory=dict)
    robot_start: dict[str, Any] = field(default_factory=dict)
    choices: dict[str, dict[str, str]] = field(default_factory=dict)  # slot -> {words: value}
    source: str = ""
    variant_of: str = ""            # the family this task file varies (new words, wider ranges), if any
    avoid: list[tuple[str | None, str]] = field(default_factory=list)  # (colour or None, kind) no distractor takes

    @property
    def family(self) -> str:
        """The family whose scenes these are: the task itself, or the one it is a variant of."""
        return self.variant_of or self.name


# -- success expressions ---------------------------------------------------
@dataclass
class Expr:
    """A parsed success condition: a predicate applied to arguments."""

    name: str
    args: list[Any]

    def __str__(self) -> str:
        def show(a):
            if isinstance(a, list):  # a group listed object by object: "[red_block, green_ball]"
                return f"[{', '.join(show(m) for m in a)}]"
            return str(a) if not isinstance(a, str) or isinstance(a, Expr) else a
        return f"{self.name}({', '.join(show(a) for a in self.args)})"


_TOKEN = re.compile(r"\s*(?:(?P<num>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<str>\"[^\"]*\"|'[^']*')|(?P<p>[(),\[\]]))")


def parse_expr(text: str) -> Expr:
    """Parse ``all(in(block, bowl), not(unmoved(plate)))``; raises ValueError with the position."""
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unexpected {text[pos:pos + 10]!r} at character {pos + 1}")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    i = 0

    def value():
        nonlocal i
        if i >= len(tokens):
            raise ValueError("the condition ends too early")
        kind, tok, at = tokens[i]
        i += 1
        if kind == "num":
            return float(tok)
        if kind == "str":
            return tok[1:-1]
        if kind == "name":
            if i < len(tokens) and tokens[i][1] == "(":
                return call(tok, at)
            return tok
        if tok == "[":  # a group listed object by object, in order: in_line([red_block, green_ball])
            members = []
            while i < len(tokens) and tokens[i][1] != "]":
                if tokens[i][0] != "name":
                    raise ValueError(f"a list holds object ids, not {tokens[i][1]!r} (character {tokens[i][2] + 1})")
                members.append(tokens[i][1])
                i += 1
                if i < len(tokens) and tokens[i][1] == ",":
                    i += 1
            if i >= len(tokens) or not members:
                raise ValueError(f"an empty or unclosed list at character {at + 1}")
            i += 1
            return members
        raise ValueError(f"unexpected {tok!r} at character {at + 1}")

    def call(name: str, at: int) -> Expr:
        nonlocal i
        if name not in PREDICATES:
            raise ValueError(f"unknown predicate {name!r} at character {at + 1}; known: {', '.join(sorted(PREDICATES))}")
        i += 1  # "("
        args = []
        while i < len(tokens) and tokens[i][1] != ")":
            args.append(value())
            if i < len(tokens) and tokens[i][1] == ",":
                i += 1
        if i >= len(tokens):
            raise ValueError(f"missing ')' for {name}")
        i += 1
        lo, hi = PREDICATES[name].arity
        if not lo <= len(args) <= hi:
            raise ValueError(f"{name} takes {lo}..{hi} arguments, got {len(args)}")
        return Expr(name, args)

    expr = value()
    if not isinstance(expr, Expr) or i != len(tokens):
        raise ValueError("the condition must be one predicate call such as in(block, bowl)")
    return expr


# -- loading ---------------------------------------------------------------
def _line_of(text: str, path: tuple) -> int:
    """Best line number for a field path such as ("objects", 2, "kind")."""
    lines = text.splitlines()
    line = 0
    if path and path[0] in ("objects",) and len(path) > 1 and isinstance(path[1], int):
        seen = -1
        for n, l in enumerate(lines):
            if l.strip().startswith(f"[[{path[0]}]]"):
                seen += 1
                if seen == path[1]:
                    line = n
                    break
        key = path[2] if len(path) > 2 else None
    else:
        for n, l in enumerate(lines):
            if l.strip() == f"[{path[0]}]":
                line = n
                break
        key = path[1] if len(path) > 1 else path[0] if path else None
    if key is not None:
        for n in range(line, len(lines)):
            if re.match(rf"\s*{re.escape(str(key))}\s*=", lines[n]):
                return n + 1
    return line + 1


# Characters str.splitlines() breaks at: an error quoting a key or an id with one would not be one line.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    """``text`` with its line breaks written as escapes, so an error message stays one line."""
    return _LINE_BREAKS.sub(lambda m: repr(m.group())[1:-1], text)


class _Reader:
    """Reads fields out of a parsed TOML document, failing with the field's name and line."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source

    def fail(self, path: tuple, message: str):
        dotted = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")
        raise TaskFileError(_one_line(f"{self.source}:{_line_of(self.text, path)}: {dotted}: {message}"))

    def known(self, table: dict, path: tuple, fields: tuple[str, ...]) -> None:
        """Refuse a field the loader does not read (a typo would otherwise be ignored)."""
        if not isinstance(table, dict):
            self.fail(path, f"must be a table, not {type(table).__name__}")
        for key in table:
            if key not in fields:
                self.fail(path + (key,), f"is no field here{_did_you_mean(key, fields)} (fields: {', '.join(fields)})")

    def get(self, table: dict, path: tuple, key: str, kind, default: Any = ..., choices=None):
        if key not in table:
            if default is ...:
                self.fail(path + (key,), "is required")
            return default
        value = table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.fail(path + (key,), f"must be {names}, not {type(value).__name__}")
        if choices is not None and value not in choices:
            self.fail(path + (key,), f"{value!r} is not one of {', '.join(map(str, choices))}")
        return value

    def pair(self, table: dict, path: tuple, key: str, default=None) -> tuple[float, float] | None:
        value = table.get(key, default)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = [value, value]  # one number: a range of one, judged as a pair
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            self.fail(path + (key,), "must be a number or a [low, high] pair")
        try:
            lo, hi = float(value[0]), float(value[1])
        except OverflowError:  # an integer past float's range
            lo = hi = math.inf
        if not (math.isfinite(lo) and math.isfinite(hi)):
            self.fail(path + (key,), "must be finite numbers (not inf or nan)")
        if lo > hi:
            self.fail(path + (key,), f"low {lo} is above high {hi}")
        return (lo, hi)


def parse_task(text: str, source: str = "<task>") -> TaskSpec:
    """Parse a task file's text into a `TaskSpec`."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise TaskFileError(_one_line(f"{source}: not valid TOML: {e}")) from None
    r = _Reader(text, source)
    for key in doc:
        if key not in TABLES:
            r.fail((key,), f"is no table of a task file{_did_you_mean(key, TABLES)} (have: {', '.join(TABLES)})")
        if key != "objects" and not isinstance(doc[key], dict):
            r.fail((key,), f"must be a table ([{key}]), not {type(doc[key]).__name__}")
    task = doc.get("task")
    if not isinstance(task, dict):
        raise TaskFileError(_one_line(f"{source}:1: [task]: the file needs a [task] table"))
    t = ("task",)
    r.known(task, t, FIELDS["task"])
    name = r.get(task, t, "name", str)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        r.fail(t + ("name",), "use lowercase letters, digits and underscores")
    embodiment = r.get(task, t, "embodiment", str, "panda", choices=tuple(DEFAULT_WORKSPACE))
    category = r.get(task, t, "category", str, choices=CATEGORIES)
    instructions = r.get(task, t, "instructions", list)
    if not instructions or not all(isinstance(s, str) and s.strip() for s in instructions):
        r.fail(t + ("instructions",), "must be a non-empty list of sentences")
    success_text = r.get(task, t, "success", str)
    try:
        success = parse_expr(success_text)
    except ValueError as e:
        r.fail(t + ("success",), str(e))

    objects: list[ObjectSpec] = []
    raw_objects = doc.get("objects", [])
    if not isinstance(raw_objects, list) or not raw_objects:
        raise TaskFileError(_one_line(f"{source}: [[objects]]: the scene needs at least one object"))
    for k, o in enumerate(raw_objects):
        objects.append(_read_object(o, ("objects", k), objects, r))
    ids = [o.id for o in objects]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        r.fail(("objects", ids.index(dup), "id"), f"id {dup!r} is used twice")
    _check_starts(objects, r)
    _check_chosen(objects, r)
    try:
        placing_order(objects)
    except ValueError as e:
        first = next(o for o in objects if o.host or o.chosen)
        r.fail(_object_path(objects, first.id, "inside" if first.inside else "on" if first.on else "chosen"), str(e))
    choices = _read_choices(doc.get("choices", {}), set(ids), r)
    _check_names(success, set(ids) | {"robot", "distractors"}, r, t, choices)
    for template in instructions:
        for slot in re.findall(r"\{([a-z_0-9]+)", template):
            if slot not in ids and slot not in choices and slot != "count":
                r.fail(t + ("instructions",), f"template names {{{slot}}}, which is no object id or choice")

    workspace = dict(DEFAULT_WORKSPACE[embodiment])
    if "workspace" in doc:
        ws = doc["workspace"]
        r.known(ws, ("workspace",), FIELDS["workspace"])
        workspace = {axis: r.pair(ws, ("workspace",), axis) or workspace[axis] for axis in ("x", "y")}
    distractors = doc.get("distractors", {})
    avoid: list[tuple[str | None, str]] = []
    if distractors:
        d = ("distractors",)
        r.known(distractors, d, FIELDS["distractors"])
        r.pair(distractors, d, "count")
        kinds = distractors.get("kinds", ["block"])
        if not isinstance(kinds, list) or any(not isinstance(k, str) or k not in KINDS for k in kinds):
            r.fail(d + ("kinds",), f"kinds must be among {', '.join(sorted(KINDS))}")
        colors = distractors.get("colors", [])
        if not isinstance(colors, list) or any(not isinstance(c, str) or c not in COLORS for c in colors):
            r.fail(d + ("colors",), f"colours must be among {', '.join(sorted(COLORS))}")
        if "region" in distractors:
            _read_region(distractors["region"], d + ("region",), r)
        avoid = _read_avoid(distractors.get("avoid", []), d + ("avoid",), r)
    perturb = {}
    raw_perturb = doc.get("perturb", {})
    for key in raw_perturb:
        if key not in FIELDS["perturb"]:
            r.fail(("perturb", key), f"is not a perturbation ({', '.join(FIELDS['perturb'])})")
        perturb[key] = r.pair(raw_perturb, ("perturb",), key)
    robot_start = doc.get("robot", {})
    if robot_start:
        r.known(robot_start, ("robot",), FIELDS["robot"])
        for key in robot_start:
            if key != "joints":
                r.pair(robot_start, ("robot",), key)
    _check_arm_start(robot_start, objects, embodiment, r)
    return TaskSpec(
        name=name, category=category, instructions=instructions, objects=objects, success=success,
        success_text=success_text, description=r.get(task, t, "description", str, ""),
        embodiment=embodiment, workspace=workspace, distractors=distractors, perturb=perturb,
        robot_start=robot_start, choices=choices, source=source,
        variant_of=r.get(task, t, "variant_of", str, ""), avoid=avoid)


def _did_you_mean(word: str, known) -> str:
    near = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {near[0]!r}?" if near else ""


def _read_region(reg: Any, path: tuple, r: _Reader) -> dict[str, tuple[float, float]]:
    if not isinstance(reg, dict) or set(reg) - set(FIELDS["region"]):
        r.fail(path, "must be { x = [lo, hi], y = [lo, hi] }")
    region = {axis: r.pair(reg, path, axis) for axis in FIELDS["region"]}
    if None in region.values():
        r.fail(path, "needs both x and y ranges")
    return region


def _read_object(o: Any, path: tuple, earlier: list[ObjectSpec], r: _Reader) -> ObjectSpec:
    """One [[objects]] entry."""
    if not isinstance(o, dict):
        r.fail(path, "must be a table")
    r.known(o, path, FIELDS["objects"])
    oid = r.get(o, path, "id", str)
    if oid in RESERVED_IDS:
        r.fail(path + ("id",), f"{oid!r} is reserved (a success check or template gives it a meaning); "
                               "choose another id")
    kind = r.get(o, path, "kind", str, choices=sorted(KINDS))
    color = o.get("color", sorted(COLORS))
    colors = [color] if isinstance(color, str) else color
    if not isinstance(colors, list) or not colors or any(not isinstance(c, str) or c not in COLORS for c in colors):
        r.fail(path + ("color",), f"colours must be among {', '.join(sorted(COLORS))}")
    size = o.get("size", DEFAULT_SIZES[kind])
    if (not isinstance(size, list | tuple) or len(size) != 3
            or not all(isinstance(s, (int, float)) and 0.001 <= s <= 2.0 for s in size)):
        r.fail(path + ("size",), "must be three sizes in metres between 0.001 and 2")
    count = r.pair(o, path, "count", 1)
    region = _read_region(o["region"], path + ("region",), r) if "region" in o else None
    position = r.pair(o, path, "position")
    match = r.get(o, path, "match", str, None)
    if match is not None and match not in {x.id for x in earlier}:
        r.fail(path + ("match",), f"names no earlier object (have: {', '.join(x.id for x in earlier) or 'none'})")
    if "at" in o:
        at = o["at"]
        if not isinstance(at, list) or len(at) != 2 or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and abs(v) <= 100
                for v in at):
            r.fail(path + ("at",), "must be [x, y] in metres")
        position = (float(at[0]), float(at[1]))
    inside, on = r.get(o, path, "inside", str, None), r.get(o, path, "on", str, None)
    if inside is not None and on is not None:
        r.fail(path + ("on",), "an object starts either inside or on another, not both")
    if (inside or on) is not None:  # its host places it: a region is ignored, a fixed spot contradicts
        for key in ("at", "position"):
            if key in o:
                r.fail(path + (key,), f"an object that starts {'inside' if inside else 'on'} another "
                                      "is placed by it; drop this field")
    ordered = (isinstance(color, list) and int(count[0]) == int(count[1]) == len(colors) >= 2
               and match is None)
    poses = _read_pose(o, path, count, r)
    return ObjectSpec(
        id=oid, kind=kind, colors=list(colors), size=tuple(float(s) for s in size),
        count=(int(count[0]), int(count[1])), region=region, position=position,
        yaw=r.pair(o, path, "yaw", [-0.4, 0.4]), mass=r.get(o, path, "mass", float, None),
        movable=r.get(o, path, "movable", bool, kind not in ("zone", "marker", "crate", "wall", "barrel", "cone")),
        match=match, distinct=r.get(o, path, "distinct_color", bool, True), inside=inside, on=on,
        chosen=_read_chosen(o["chosen"], path + ("chosen",), r) if "chosen" in o else None, ordered=ordered,
        poses=poses, held=r.get(o, path, "held", bool, False))


POSE_EXCLUDES = ("region", "at", "position", "inside", "on", "chosen", "match")


def _read_pose(o: dict, path: tuple, count: tuple[float, float], r: _Reader) -> tuple[tuple[float, ...], ...] | None:
    """`pose`: one exact [x, y, z] or [x, y, z, qx, qy, qz, qw], or a list of them, one per member."""
    if "pose" not in o:
        return None
    raw = o["pose"]

    def one(v: Any) -> bool:
        return (isinstance(v, list) and len(v) in (3, 7)
                and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v))

    poses = [raw] if one(raw) else raw
    if not isinstance(poses, list) or not poses or not all(one(v) for v in poses):
        r.fail(path + ("pose",), "must be [x, y, z] or [x, y, z, qx, qy, qz, qw], or a list of them, one per member")
    if not int(count[0]) == int(count[1]) == len(poses):
        r.fail(path + ("pose",), f"gives {len(poses)} poses for a count of {int(count[0])}..{int(count[1])}; "
                                 "give one per member and a fixed count")
    for key in POSE_EXCLUDES:
        if key in o:
            r.fail(path + (key,), "an object with an exact pose is placed by it; drop this field")
    out = []
    for v in poses:
        if len(v) == 7 and abs(sum(float(x) ** 2 for x in v[3:]) - 1.0) > 0.01:
            r.fail(path + ("pose",), f"the quaternion {v[3:]} is not of length 1")
        out.append(tuple(float(x) for x in v))
    return tuple(out)


def _check_arm_start(start: dict, objects: list[ObjectSpec], embodiment: str, r: _Reader) -> None:
    """`[robot] joints` (seven angles) and `gripper` set an arm's start; `held` needs them and one object."""
    joints = (start or {}).get("joints")
    if joints is not None and (embodiment != "panda" or not isinstance(joints, list) or len(joints) != 7
                               or not all(isinstance(q, (int, float)) and not isinstance(q, bool) for q in joints)):
        r.fail(("robot", "joints"), "must be the arm's seven joint angles (radians), for the panda")
    held = [o for o in objects if o.held]
    if held and (joints is None or len(held) > 1 or held[0].poses is None or _is_group(held[0])):
        r.fail(_object_path(objects, held[0].id, "held"),
               "the arm holds one object with an exact pose, and [robot] joints says where the arm is")


def _read_chosen(raw: Any, path: tuple, r: _Reader) -> Chosen:
    if not isinstance(raw, dict):
        r.fail(path, 'must be { rule = "nearest", among = "ID", anchor = "ID", rank = 1 }')
    r.known(raw, path, FIELDS["chosen"])
    rule = r.get(raw, path, "rule", str, choices=RULES)
    among = r.get(raw, path, "among", str)
    anchor = r.get(raw, path, "anchor", str, None)
    rank = r.get(raw, path, "rank", int, 1)
    if rank < 1:
        r.fail(path + ("rank",), "must be 1 or more (2 is the second)")
    if rule in ANCHORED_RULES and anchor is None:
        r.fail(path + ("anchor",), f"{rule} needs an anchor: an object id or \"robot\"")
    if rule not in ANCHORED_RULES and anchor is not None:
        r.fail(path + ("anchor",), f"only nearest and farthest take an anchor, not {rule}")
    return Chosen(rule, among, anchor, rank)


def _object_path(objects: list[ObjectSpec], oid: str, key: str) -> tuple:
    return ("objects", next(k for k, o in enumerate(objects) if o.id == oid), key)


def _is_group(o: ObjectSpec) -> bool:
    return o.count[1] > 1 or o.match is not None


def _inner_radius(o: ObjectSpec) -> float:
    """How far from its centre a container's floor (or a zone's patch) reaches, in the plane."""
    wall = WALL if o.kind in vocabulary.CONTAINERS else 0.0
    if o.kind == "bowl":
        return o.size[0] / 2 * 0.8 - wall
    return min(o.size[0], o.size[1]) / 2 - wall


def _check_starts(objects: list[ObjectSpec], r: _Reader) -> None:
    """`inside` and `on` name one other object of a kind that holds things, that is big enough, with no cycle."""
    by_id = {o.id: o for o in objects}
    for o in objects:
        key = "inside" if o.inside else "on" if o.on else None
        if key is None:
            continue
        path = _object_path(objects, o.id, key)
        host = by_id.get(o.host)
        if host is None or host is o:
            others = ", ".join(x for x in by_id if x != o.id) or "none"
            r.fail(path, f"{o.host!r} names no other object (have: {others})")
        if _is_group(host):
            r.fail(path, f"{host.id!r} is a group; an object starts {key} one object")
        if key == "inside" and host.kind not in CONTAINER_KINDS:
            r.fail(path, f"{host.id!r} is a {host.kind}; things start inside a {', '.join(CONTAINER_KINDS)}"
                         + (' (use on = "...")' if host.kind in SUPPORT_KINDS else ""))
        if key == "on" and host.kind not in SUPPORT_KINDS:
            r.fail(path, f"{host.id!r} is a {host.kind}; things start on a {', '.join(SUPPORT_KINDS)}"
                         + (' (use inside = "...")' if host.kind in CONTAINER_KINDS else ""))
        if key == "inside" and footprint_radius(o.kind, o.size) > _inner_radius(host):
            r.fail(path, f"a {o.kind} of {max(o.size[:2]) * 100:.0f} cm does not fit inside the "
                         f"{host.kind} {host.id!r} ({min(host.size[:2]) * 100:.0f} cm across)")
    for o in objects:
        seen, cur = [o.id], o
        while cur.host is not None and cur.host in by_id:
            cur = by_id[cur.host]
            if cur.id == o.id:
                key = "inside" if o.inside else "on"
                r.fail(_object_path(objects, o.id, key), "a cycle: " + " in/on ".join(seen + [o.id]))
            if cur.id in seen:
                break
            seen.append(cur.id)


def placing_order(objects: list[ObjectSpec]) -> list[ObjectSpec]:
    """The order a scene places objects in: the file's, except that an object comes after the one it
    starts inside or on, the group it matches, and the group it is picked among by size.

    Raises:
        ValueError: objects wait on each other.
    """
    pending, done, order = list(objects), set(), []
    while pending:
        for o in pending:
            needs = {o.host, o.match} | ({o.chosen.among} if o.chosen and o.chosen.rule in SIZE_RULES else set())
            if needs - {None} <= done:
                break
        else:
            raise ValueError(f"{', '.join(o.id for o in pending)} wait on each other "
                             "(inside, on, match and a largest/smallest chosen's among)")
        pending.remove(o)
        done.add(o.id)
        order.append(o)
    return order


def _check_chosen(objects: list[ObjectSpec], r: _Reader) -> None:
    """`chosen` names a group of the same kind, an anchor that is one object or the robot, a rank it has."""
    by_id = {o.id: o for o in objects}
    for o in objects:
        c = o.chosen
        if c is None:
            continue
        path = _object_path(objects, o.id, "chosen")
        if _is_group(o):
            r.fail(path, "only a single object (count 1) can be the chosen one")
        among = by_id.get(c.among)
        if among is None or among is o:
            r.fail(path, f"among = {c.among!r} names no other object (have: "
                         f"{', '.join(x for x in by_id if x != o.id) or 'none'})")
        if among.kind != o.kind:
            r.fail(path, f"among = {c.among!r} is a group of {among.kind}s; the chosen {o.kind} is picked among "
                         f"{o.kind}s")
        if c.anchor is not None and c.anchor != "robot":
            anchor = by_id.get(c.anchor)
            if anchor is None or anchor is o or anchor is among:
                r.fail(path, f"anchor = {c.anchor!r} names no other object (use \"robot\" or one of: "
                             f"{', '.join(x for x in by_id if x not in (o.id, among.id)) or 'none'})")
            if _is_group(anchor):
                r.fail(path, f"anchor = {c.anchor!r} is a group; the anchor is one object or \"robot\"")
        if among.match is None and c.rank > among.count[1] + 1:
            r.fail(path, f"rank {c.rank} is more than the {among.count[1] + 1} objects it is picked among")


def _read_avoid(raw: Any, path: tuple, r: _Reader) -> list[tuple[str | None, str]]:
    """["red block", "bowl"] -> [("red", "block"), (None, "bowl")]: words through the vocabulary."""
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        r.fail(path, 'must be a list such as ["red block", "bowl"]')
    pairs = []
    for words in raw:
        text = " ".join(words.lower().split())
        kind = vocabulary.kind_of(text)
        color = None
        if kind is None and " " in text:
            first, rest = text.split(" ", 1)
            color, kind = vocabulary.color_of(first), vocabulary.kind_of(rest)
            if color is None:
                kind = None
        if kind is None:
            r.fail(path, f"{words!r} is not a colour and a kind (\"red block\") or a kind (\"bowl\"); colours: "
                         f"{', '.join(vocabulary.COLORS)}; kinds: {', '.join(vocabulary.KINDS)}")
        pairs.append((color, kind))
    return pairs


def _read_choices(raw: Any, ids: set[str], r: _Reader) -> dict[str, dict[str, str]]:
    """The `[choices]` table: slot -> {instruction words: success value}."""
    if not isinstance(raw, dict):
        r.fail(("choices",), "must be a table of slots")
    choices: dict[str, dict[str, str]] = {}
    for slot, options in raw.items():
        path = ("choices", slot)
        if slot in ids or slot == "count" or not re.fullmatch(r"[a-z][a-z0-9_]*", slot):
            r.fail(path, "must be a new lowercase name (not an object id or 'count')")
        if isinstance(options, list):
            options = {str(w): str(w) for w in options}
        if (not isinstance(options, dict) or not options
                or not all(isinstance(w, str) and w.strip() and isinstance(v, str) for w, v in options.items())):
            r.fail(path, 'must map the words to say to a value, e.g. { "front left corner" = "front_left" }')
        choices[slot] = dict(options)
    return choices


def _check_names(expr: Expr, known: set[str], r: _Reader, path: tuple,
                 choices: dict[str, dict[str, str]] | None = None) -> None:
    choices = choices or {}
    if expr.name in COMBINATORS:
        _check_combinator(expr, r, path)
    for arg in expr.args:
        if isinstance(arg, Expr):
            _check_names(arg, known, r, path, choices)
    pred = PREDICATES[expr.name]
    words = pred.words
    for k, allowed in words.items():  # arguments that are place words, literally or through a choice
        if k >= len(expr.args) or isinstance(expr.args[k], (Expr, list)):
            continue
        if k in pred.numbers and isinstance(expr.args[k], float):
            continue
        arg = expr.args[k]
        values = choices[arg].values() if arg in choices else [arg]
        bad = [v for v in values if v not in allowed]
        if bad:
            r.fail(path + ("success",), f"{expr.name}(...) cannot use {bad[0]!r}; use one of {', '.join(allowed)}")
    for k, arg in enumerate(expr.args):
        if isinstance(arg, list):  # a group listed object by object: each one an object id
            arg = next((m for m in arg if m not in known), None)
            if arg is None:
                continue
        if k in words or not isinstance(arg, str):
            continue
        if arg not in known and not (expr.name == "at" and k > 0):
            r.fail(path + ("success",), f"{expr.name}(...) names {arg!r}, which is no object id "
                                        f"(have: {', '.join(sorted(known))})")


def _check_combinator(expr: Expr, r: _Reader, path: tuple) -> None:
    """all/any/not/then take conditions; at_least takes a count and a condition over a group."""
    if expr.name == "at_least":
        n, cond = expr.args
        if not isinstance(n, float) or n < 0 or n != int(n):
            r.fail(path + ("success",), f"at_least(n, ...) needs a whole number n, not {n!r}")
        if (not isinstance(cond, Expr) or cond.name in COMBINATORS or not cond.args
                or not isinstance(cond.args[0], str)):
            r.fail(path + ("success",), "at_least(n, COND) needs a condition whose first argument is a group, "
                                        "e.g. at_least(2, in(blocks, bowl))")
        return
    for arg in expr.args:
        if not isinstance(arg, Expr):
            r.fail(path + ("success",), f"{expr.name}(...) combines conditions; {arg!r} is not one")


def load_task_file(path: str | Path) -> TaskSpec:
    """Read and parse a task file; errors name the file, line and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaskFileError(_one_line(f"{path}: no such task file")) from None
    except (OSError, UnicodeDecodeError) as e:
        raise TaskFileError(_one_line(f"{path}: cannot read: {e}")) from None
    return parse_task(text, str(path))
