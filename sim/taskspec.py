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

Errors name the field and the line (`TaskFileError`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.errors import TaskFileError
from sim.objects import COLORS, DEFAULT_SIZES, KINDS
from sim.predicates import PREDICATES

CATEGORIES = ("pick_place", "arrange", "stack", "sort", "push", "tool_use", "navigation")
DEFAULT_WORKSPACE = {"panda": {"x": (0.3, 0.7), "y": (-0.3, 0.3)}, "husky": {"x": (-3.0, 3.0), "y": (-3.0, 3.0)}}


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
            return str(a) if not isinstance(a, str) or isinstance(a, Expr) else a
        return f"{self.name}({', '.join(show(a) for a in self.args)})"


_TOKEN = re.compile(r"\s*(?:(?P<num>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<str>\"[^\"]*\"|'[^']*')|(?P<p>[(),]))")


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


class _Reader:
    """Reads fields out of a parsed TOML document, failing with the field's name and line."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source

    def fail(self, path: tuple, message: str):
        dotted = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")
        raise TaskFileError(f"{self.source}:{_line_of(self.text, path)}: {dotted}: {message}")

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
            return (float(value), float(value))
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            self.fail(path + (key,), "must be a number or a [low, high] pair")
        lo, hi = float(value[0]), float(value[1])
        if lo > hi:
            self.fail(path + (key,), f"low {lo} is above high {hi}")
        return (lo, hi)


def parse_task(text: str, source: str = "<task>") -> TaskSpec:
    """Parse a task file's text into a `TaskSpec`."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise TaskFileError(f"{source}: not valid TOML: {e}") from None
    r = _Reader(text, source)
    task = doc.get("task")
    if not isinstance(task, dict):
        raise TaskFileError(f"{source}:1: [task]: the file needs a [task] table")
    t = ("task",)
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
        raise TaskFileError(f"{source}: [[objects]]: the scene needs at least one object")
    for k, o in enumerate(raw_objects):
        path = ("objects", k)
        oid = r.get(o, path, "id", str)
        kind = r.get(o, path, "kind", str, choices=sorted(KINDS))
        color = o.get("color", sorted(COLORS))
        colors = [color] if isinstance(color, str) else color
        if not isinstance(colors, list) or not colors or any(c not in COLORS for c in colors):
            r.fail(path + ("color",), f"colours must be among {', '.join(sorted(COLORS))}")
        size = o.get("size", DEFAULT_SIZES[kind])
        if (not isinstance(size, list | tuple) or len(size) != 3
                or not all(isinstance(s, (int, float)) and 0.001 <= s <= 2.0 for s in size)):
            r.fail(path + ("size",), "must be three sizes in metres between 0.001 and 2")
        count = r.pair(o, path, "count", 1)
        region = None
        if "region" in o:
            reg = o["region"]
            if not isinstance(reg, dict) or set(reg) - {"x", "y"}:
                r.fail(path + ("region",), "must be { x = [lo, hi], y = [lo, hi] }")
            region = {axis: r.pair(reg, path + ("region",), axis) for axis in ("x", "y")}
            if None in region.values():
                r.fail(path + ("region",), "needs both x and y ranges")
        position = r.pair(o, path, "position")
        match = r.get(o, path, "match", str, None)
        if match is not None and match not in {x.id for x in objects}:
            r.fail(path + ("match",), f"names no earlier object (have: {', '.join(x.id for x in objects) or 'none'})")
        if region is None and position is None and match is None and "at" not in o:
            region = None  # the scene's workspace is used
        if "at" in o:
            at = o["at"]
            if not isinstance(at, list) or len(at) != 2:
                r.fail(path + ("at",), "must be [x, y]")
            position = (float(at[0]), float(at[1]))
        objects.append(ObjectSpec(
            id=oid, kind=kind, colors=list(colors), size=tuple(float(s) for s in size),
            count=(int(count[0]), int(count[1])), region=region, position=position,
            yaw=r.pair(o, path, "yaw", [-0.4, 0.4]), mass=r.get(o, path, "mass", float, None),
            movable=r.get(o, path, "movable", bool, kind not in ("zone", "marker", "crate", "wall", "barrel", "cone")),
            match=match, distinct=r.get(o, path, "distinct_color", bool, True)))
    ids = [o.id for o in objects]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        r.fail(("objects", ids.index(dup), "id"), f"id {dup!r} is used twice")
    choices = _read_choices(doc.get("choices", {}), set(ids), r)
    _check_names(success, set(ids) | {"robot"}, r, t, choices)
    for template in instructions:
        for slot in re.findall(r"\{([a-z_0-9]+)", template):
            if slot not in ids and slot not in choices and slot != "count":
                r.fail(t + ("instructions",), f"template names {{{slot}}}, which is no object id or choice")

    workspace = dict(DEFAULT_WORKSPACE[embodiment])
    if "workspace" in doc:
        ws = doc["workspace"]
        workspace = {axis: r.pair(ws, ("workspace",), axis) or workspace[axis] for axis in ("x", "y")}
    distractors = doc.get("distractors", {})
    if distractors:
        d = ("distractors",)
        r.pair(distractors, d, "count")
        kinds = distractors.get("kinds", ["block"])
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            r.fail(d + ("kinds",), f"kinds must be among {', '.join(sorted(KINDS))}")
    perturb = {}
    for key in doc.get("perturb", {}):
        if key not in ("friction", "mass_scale", "size_scale", "camera_jitter"):
            r.fail(("perturb", key), "is not a perturbation (friction, mass_scale, size_scale, camera_jitter)")
        perturb[key] = r.pair(doc["perturb"], ("perturb",), key)
    return TaskSpec(
        name=name, category=category, instructions=instructions, objects=objects, success=success,
        success_text=success_text, description=r.get(task, t, "description", str, ""),
        embodiment=embodiment, workspace=workspace, distractors=distractors, perturb=perturb,
        robot_start=doc.get("robot", {}), choices=choices, source=source,
        variant_of=r.get(task, t, "variant_of", str, ""))


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
    for arg in expr.args:
        if isinstance(arg, Expr):
            _check_names(arg, known, r, path, choices)
    words = PREDICATES[expr.name].words
    for k, allowed in words.items():  # arguments that are place words, literally or through a choice
        if k >= len(expr.args) or isinstance(expr.args[k], Expr):
            continue
        arg = expr.args[k]
        values = choices[arg].values() if arg in choices else [arg]
        bad = [v for v in values if v not in allowed]
        if bad:
            r.fail(path + ("success",), f"{expr.name}(...) cannot use {bad[0]!r}; use one of {', '.join(allowed)}")
    for k, arg in enumerate(expr.args):
        if k in words or not isinstance(arg, str):
            continue
        if arg not in known and not (expr.name == "at" and k > 0):
            r.fail(path + ("success",), f"{expr.name}(...) names {arg!r}, which is no object id "
                                        f"(have: {', '.join(sorted(known))})")


def load_task_file(path: str | Path) -> TaskSpec:
    """Read and parse a task file; errors name the file, line and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaskFileError(f"{path}: no such task file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise TaskFileError(f"{path}: cannot read: {e}") from None
    return parse_task(text, str(path))
