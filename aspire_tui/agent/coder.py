"""Coders write, diagnose, repair and generalize robot programs (DESIGN.md, "The loop").

A coder sees only the instruction (a `Goal`), the library's skills and
lessons, and traces (calls, errors with evidence, perception results). It
never sees ground truth or a task's success check.

- `OfflineCoder`: no key, no network. With a goal tree it plans each part of
  the goal as a step (`aspire_tui.agent.plan`: a skill chosen by what it
  declares it achieves) and writes a program of loops and helpers
  (`aspire_tui.agent.program`); a one-part goal that a skill validated on
  the family fits exactly, or a goal without a tree, gets one skill called
  with an ``ARGS`` literal. It diagnoses by rules over the trace's error
  types, evidence and the retrieved lessons, plus each part of the goal
  checked against the run's detections (`aspire_tui.agent.perceive`), and
  repairs by concrete edits.
- `LLMCoder` (``aspire_tui.agent.llm_coder``): any model ``llm`` reaches.
"""

from __future__ import annotations

import ast
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from aspire_tui import pyast
from aspire_tui.agent.distill import goal_record, same_goal
from aspire_tui.agent.instruction import Goal
from aspire_tui.agent.plan import numeric_defaults
from aspire_tui.agent.program import module_literal
from sim.vocabulary import CONTAINERS


class CoderError(Exception):
    """The coder cannot go on (no skill fits, the model failed); one line."""


@dataclass
class Diagnosis:
    """Why a run failed and what to try next."""

    outcome: str
    error_type: str = ""
    call: str = ""
    message: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    where: str = ""
    summary: str = ""            # the trace's compact summary (what a model is shown)
    analysis: str = ""           # the coder's own words
    actions: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    lesson_text: str = ""
    parts: list[dict[str, Any]] = field(default_factory=list)  # each part of the goal as the camera saw it
    failed_part: str = ""        # the first part the camera saw not hold

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def headline(self) -> str:
        if self.error_type:
            return f"{self.error_type} at {self.call or '?'}: {self.message}"[:200]
        return f"{self.outcome}: {self.message}"[:200]


@dataclass
class Distilled:
    """A skill to commit: its name, its source, ``new`` or ``refine``, and why."""

    name: str
    source: str
    change: str
    summary: str
    why: str


@dataclass(frozen=True)
class Repair:
    """What a repair made: the new program, and each edit in a line (what the repair diff is labelled with)."""

    program: str
    actions: tuple[str, ...]


@dataclass
class Usage:
    """A coder's model use so far (shown in the ``usage`` event and checked against the budget)."""

    model: str
    prompts: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    failures: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Coder(Protocol):
    """What the loop needs from a coder; `coder_for` picks one.

    Each method returns what it made and leaves its arguments as they were; what a coder keeps between
    calls (its plan, the repairs it tried) is its own, and nothing outside writes into it.
    """

    name: str                # who writes, for people: "offline", "llm:gpt-4o"
    model_id: str            # what commits name as their ``Aspire-Model``
    usage: Usage | None      # the model's prompts and tokens so far; None for a coder that calls no model

    def write(self, goal: Goal, skills: list, lessons: list) -> str: ...

    def diagnose(self, trace, lessons: list) -> Diagnosis: ...

    def repair(self, program: str, diagnosis: Diagnosis) -> Repair: ...

    def generalize(self, program: str, goal: Goal, evidence: dict[str, Any] | None = None,
                   sources: dict[str, str] | None = None) -> Distilled | None: ...

    def propose(self, goal: Goal, parents: list["Parent"], n: int) -> list[tuple[str, str]]: ...


# ---------------------------------------------------------------- code helpers

FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.S)


def extract_code(reply: str, require: str = "run") -> str | None:
    """The Python program in a model's reply: the fenced block that defines ``run``, else the reply itself.

    Returns None when no candidate parses and defines ``def <require>(...)``.
    """
    if not reply or not reply.strip():
        return None
    blocks = [body for lang, body in FENCE.findall(reply) if lang.lower() in ("", "python", "py", "python3")]
    candidates = [b for b in blocks if f"def {require}" in b] + blocks
    stripped = reply.strip()
    if f"def {require}" in stripped:
        start = min((m.start() for m in re.finditer(r"^(?:from |import |ARGS|\"\"\"|def |[A-Z_]+ =)", stripped, re.M)),
                    default=0)
        candidates.append(stripped[start:])
        candidates.append(stripped)
    for text in candidates:
        text = text.strip("\n") + "\n"
        try:
            tree = pyast.parse(text)
        except SyntaxError:
            continue
        if any(isinstance(n, ast.FunctionDef) and n.name == require for n in tree.body):
            return text
    return None


def set_literal(source: str, name: str, value: Any) -> str:
    """``source`` with the module-level ``NAME = ...`` replaced (or added after ARGS)."""
    found = module_literal(source, name)
    lines = source.splitlines()
    if found is None:
        anchor = module_literal(source, "ARGS")
        at = anchor[2] if anchor else 0
        lines[at:at] = [f"{name} = {value!r}"]
    else:
        _, first, last = found
        lines[first - 1:last] = [f"{name} = {value!r}"]
    return "\n".join(lines) + "\n"


def numeric_constants(source: str) -> dict[str, float]:
    """Module-level ``NAME = number`` constants (the numbers a search may mutate)."""
    out: dict[str, float] = {}
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return out
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, (int, float)) \
                and not isinstance(node.value.value, bool) and node.targets[0].id.isupper():
            out[node.targets[0].id] = node.value.value
    return out


def _nudge(old: float | int, rng: random.Random, scale: float) -> float | int:
    """``old`` changed by up to ``scale`` (relative), to 4 significant digits, never equal to ``old``.

    Rounding to fixed decimals could give back the same small number (0.006 * 1.03 -> 0.006), which
    would look like a repair that changes nothing.
    """
    if isinstance(old, int):  # counts (pushes, retries, legs) stay whole numbers, one step either way
        return max(1, old + rng.choice((-1, 1))) if old > 1 else old + 1
    if not old:
        return round(rng.uniform(0.005, 0.03), 4)
    factor = rng.uniform(-scale, scale)
    factor = factor if abs(factor) >= 0.02 else 0.02 * (1 if factor >= 0 else -1)
    return float(f"{old * (1 + factor):.4g}")


def mutate_constants(source: str, rng: random.Random, scale: float = 0.3) -> tuple[str, str]:
    """Perturb one numeric module constant by up to ``scale`` (relative); returns (source, what changed)."""
    consts = {k: v for k, v in numeric_constants(source).items() if k not in ("RETRIES",)}
    params = module_literal(source, "PARAMS")
    if params and isinstance(params[0], dict):
        consts.update({f"PARAMS[{k!r}]": v for k, v in params[0].items()
                       if isinstance(v, (int, float)) and not isinstance(v, bool)})
    if not consts:
        return source, ""
    key = rng.choice(sorted(consts))
    old = consts[key]
    new = _nudge(old, rng, scale)
    if key.startswith("PARAMS["):
        pname = pyast.literal_eval(key[len("PARAMS["):-1])
        value = dict(params[0])
        value[pname] = new
        return set_literal(source, "PARAMS", value), f"{pname} {old:g} -> {new:g}"
    return re.sub(rf"^{key}\s*=.*$", f"{key} = {new!r}", source, count=1, flags=re.M), f"{key} {old:g} -> {new:g}"


# ---------------------------------------------------------------- the offline coder

HEIGHT_WORDS = ("approach", "clear", "height", "lift", "drop", "gap", "standoff", "behind", "beyond")
# parameters for the room a skill keeps from (or clears around) objects it does not work on
CLEARANCE_WORDS = ("margin", "lane", "room", "radius")
ROLE_KINDS = {
    "container": set(CONTAINERS), "bowl": {"bowl"}, "tray": {"tray"}, "zone": {"zone"},
    "tool": {"hook"}, "base": {"block", "plate"}, "support": {"block", "plate"}, "surface": {"plate", "block"},
    "plate": {"plate"}, "anchor": {"block"},
}
PRIMARY = ("obj", "object", "item", "query", "target", "thing", "block", "ball")


@dataclass
class Plan:
    """What an offline program is: one skill called with bound arguments, plus the repair knobs."""

    skill: str
    call: dict[str, str]                    # parameter -> Python expression over ARGS
    args: dict[str, Any]                    # the ARGS literal (slot id -> phrase)
    params: dict[str, Any] = field(default_factory=dict)
    retries: int = 0
    home_first: bool = False
    text: str = ""


def _slot_kind(value: Any) -> str:
    first = value[0] if isinstance(value, list) and value else value
    return str(first).split()[-1] if first else ""


def _expr(template: Any, slots: dict[str, Any]) -> str | None:
    """``"{block}"`` -> ``ARGS["block"]``; lists element-wise; None when a slot is missing."""
    if isinstance(template, list):
        parts = [_expr(t, slots) for t in template]
        return None if any(p is None for p in parts) else "[" + ", ".join(parts) + "]"
    if isinstance(template, str):
        m = re.fullmatch(r"\{(\w+)\}", template.strip())
        if m:
            return f"ARGS[{m.group(1)!r}]" if m.group(1) in slots else None
        return repr(template)
    return repr(template)


def bind(skill, goal: Goal) -> dict[str, str] | None:
    """How to call ``skill`` for ``goal``: parameter -> expression, or None when it does not fit.

    The call must use every object the instruction names (a skill that only
    picks does not put anything in a bowl).
    """
    params = skill.params[1:] if skill.params and skill.params[0].name == "robot" else None
    if params is None:
        return None
    objects = {k: v for k, v in goal.slots.items() if k not in ("side", "place", "edge", "count")}
    validation = skill.metadata.get("validation") if isinstance(skill.metadata, dict) else None
    if isinstance(validation, dict) and goal.is_task(validation.get("task")):
        call = {}
        for pname, template in (validation.get("args") or {}).items():
            expr = _expr(template, goal.slots)
            if expr is None:
                return None
            call[pname] = expr
        if all(p.default is not None or p.name in call or p.kind != "positional" for p in params):
            return call
        return None
    call: dict[str, str] = {}
    used: set[str] = set()
    for p in params:
        if p.kind != "positional" or p.default is not None:
            continue
        slot = None
        if p.name in goal.slots and p.name not in used:
            slot = p.name
        elif p.name in ROLE_KINDS:
            slot = next((s for s, v in objects.items() if s not in used and _slot_kind(v) in ROLE_KINDS[p.name]
                         and s != _primary(objects)), None)
        elif p.name in PRIMARY:
            slot = _primary(objects) if _primary(objects) not in used else None
        if slot is None or isinstance(objects.get(slot), list) and not p.name.endswith("s"):
            return None  # a group is never handed to a parameter for one object
        used.add(slot)
        call[p.name] = f"ARGS[{slot!r}]"
    if set(objects) - used:
        return None
    return call


def _primary(objects: dict[str, Any]) -> str | None:
    """The object that moves: the first block or ball named, else the first object."""
    for slot, value in objects.items():
        if _slot_kind(value) in ("block", "ball", "marker", "barrel", "cone"):
            return slot
    return next(iter(objects), None)


def _pushes_unasked(skill, goal: Goal) -> bool:
    """A skill that never lifts what it moves, for a goal that does not ask that: its family's words said
    "push", these do not, and lifting is the surer way (an occupied zone is hard to push into)."""
    achieves = skill.metadata.get("achieves") if isinstance(skill.metadata, dict) else None
    says = " ".join(achieves) if isinstance(achieves, list) else str(achieves or "")
    tree = getattr(goal, "tree", None)
    return "never_lifted" in says and tree is not None and "never_lifted" not in str(tree.condition)


def render(plan: Plan, goal_text: str) -> str:
    """The program for a plan."""
    args = ", ".join(f"{k}={v}" for k, v in plan.call.items())
    call = f"{plan.skill}(robot{', ' + args if args else ''}, **PARAMS)"
    lines = [f'"""{_docline(goal_text)}: composed from skills.{plan.skill} by the offline coder."""', "",
             f"from skills.{plan.skill} import {plan.skill}", "",
             f"ARGS = {plan.args!r}", f"PARAMS = {plan.params!r}", f"RETRIES = {plan.retries!r}",
             f"HOME_FIRST = {plan.home_first!r}", "", "",
             "def run(robot):", *_body(call), ""]
    return "\n".join(lines)


def _body(call: str, indent: str = "    ") -> list[str]:
    # before a retry: let go and go home; a mobile base has no gripper, so its release() raises; after the
    # call, a last look, so the coder's check of the goal sees how the run left the table
    return [f"{indent}if HOME_FIRST:", f"{indent}    robot.home()",
            f"{indent}for attempt in range(RETRIES + 1):",
            f"{indent}    try:", f"{indent}        result = {call}", f"{indent}        break",
            f"{indent}    except Exception:",
            f"{indent}        if attempt >= RETRIES:", f"{indent}            raise",
            f"{indent}        try:", f"{indent}            robot.release()", f"{indent}            robot.home()",
            f"{indent}        except Exception:", f"{indent}            pass",
            f"{indent}robot.scan()  # a last look: the coder checks the goal against it",
            f"{indent}return result"]


def _docline(text: str) -> str:
    return re.sub(r"[\"\\\n]", " ", text).strip()[:100] or "robot program"


def read_plan(source: str) -> Plan | None:
    """The plan behind a program this coder wrote (None for any other program)."""
    m = re.search(r"^from skills\.(\w+) import (\w+)$", source, re.M)
    found = {n: module_literal(source, n) for n in ("ARGS", "PARAMS", "RETRIES", "HOME_FIRST")}
    if not m or any(v is None for v in found.values()):
        return None
    call: dict[str, str] | None = None
    for node in ast.walk(pyast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == m.group(2) \
                and any(kw.arg is None for kw in node.keywords):  # the plan's own call: skill(..., **PARAMS)
            call = {kw.arg: ast.get_source_segment(source, kw.value) or "" for kw in node.keywords if kw.arg}
            break
    if call is None:
        return None
    return Plan(m.group(2), call, found["ARGS"][0], found["PARAMS"][0], found["RETRIES"][0],
                found["HOME_FIRST"][0])


# Which skill categories can do a relation's job when the skill was not validated on the family.
# Placing relative to something (left of, next to, a corner, a line) needs a skill made for it:
# a skill that puts things *in* or *on* an object would bind its arguments and do the wrong thing.
COMPATIBLE = {
    "in": {"pick_place"}, "on": {"pick_place", "stack"}, "stack": {"stack"}, "pull": {"tool_use"},
    "push": {"push"}, "go_to": {"navigation"}, "sort": {"sort"},
}


SPATIAL = {"left_of", "right_of", "in_front_of", "behind", "next_to"}  # compose.relative_placement's


def _one_plain_part(tree) -> bool:
    """Is the goal one part over objects the words name (no referent, no ``then``/``all``)?

    Only such a goal may go to the old path, one validated skill with its ARGS: a referent there
    would be a phrase taken from the scene instead of code that finds it. Nor may a group of one colour
    ("the red blocks"): its members' phrases are all the same, and only detections tell them apart.
    """
    return len(tree.condition.conjuncts()) == 1 and not any(
        r.select or r.is_group and r.color and not r.members for r in tree.refs())


def compatible(category: str, goal: Goal) -> bool:
    """May a skill of ``category``, validated elsewhere, be tried for ``goal``?"""
    return category in COMPATIBLE.get(goal.relation, set())


ACTIONS_BY_ERROR = {
    "ObjectNotFound": ["rephrase", "home_first", "retry", "switch_skill"],
    "GraspError": ["retry", "slower", "mutate", "switch_skill"],
    "CollisionError": ["widen_clearance", "raise_height", "retry", "mutate", "switch_skill"],
    "IKError": ["mutate", "lower_reach", "switch_skill"],
    "MotionTimeout": ["slower", "retry", "switch_skill"],
    "NavigationError": ["retry", "mutate", "switch_skill"],
    "StaticCheck": ["switch_skill"],
    "NotDone": ["mutate", "raise_height", "switch_skill", "mutate"],
    "ProgramError": ["retry", "switch_skill"],
    "Timeout": ["switch_skill", "mutate"],
}


def coder_for(model: str | None = None) -> "Coder":
    """The one place a coder is chosen: the offline coder without a model (or "offline"), else an
    `LLMCoder` for any model llm reaches.

    Raises:
        CoderError: an unknown model, or one that needs a key it lacks (one line).
    """
    if model and model != "offline":
        from aspire_tui.agent.llm_coder import LLMCoder

        return LLMCoder(model)
    return OfflineCoder()


class OfflineCoder:
    """The embedded coder: plans over the library's skills, rules for diagnosis, edits for repair."""

    name = "offline"
    model_id = "offline"
    usage = None  # it calls no model

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.candidates: list[tuple[Any, dict[str, str]]] = []
        self.tried: dict[str, int] = {}
        self.goal: Goal | None = None
        self.plan = None  # the steps planned from the goal tree (`aspire_tui.agent.plan.Plan`), if any
        self.skills: dict[str, Any] = {}  # the skills the last program was written from, by name
        self.made: set[str] = set()       # the plan edits already made on this task ("gap=0.06"), never again
        self.lessons: list[str] = []      # the texts of the lessons that fit the last failure

    # -- write ------------------------------------------------------------
    def write(self, goal: Goal, skills: list, lessons: list) -> str:
        """A program that calls the best-fitting skill; raises CoderError when none fits."""
        self.goal = goal
        self.skills = {s.name: s for s in skills if getattr(s, "kind", "") == "program"}
        ranked = []
        for rank, skill in enumerate(skills):
            if getattr(skill, "kind", "") != "program":
                continue
            call = bind(skill, goal)
            if call is None:
                continue
            validation = skill.metadata.get("validation") if isinstance(skill.metadata, dict) else None
            same_task = isinstance(validation, dict) and goal.is_task(validation.get("task")) \
                and not _pushes_unasked(skill, goal)
            same_category = skill.category == goal.category
            if not same_task and not compatible(skill.category, goal):
                continue
            ranked.append(((0 if same_task else 1, 0 if same_category else 1, rank), skill, call))
        ranked.sort(key=lambda r: r[0])
        self.candidates = [(s, c) for _, s, c in ranked]
        tree = getattr(goal, "tree", None)
        if tree is not None and not (ranked and ranked[0][0][0] == 0 and _one_plain_part(tree)):
            composed, why = self._from_tree(goal, skills)
            if composed is not None:
                return composed
            if any(r.select for r in tree.refs()) or not self.candidates and goal.relation not in SPATIAL:
                raise CoderError(why)  # the old path would bake a referent in, or has nothing either
        if not self.candidates:
            from aspire_tui.agent.compose import relative_placement

            composed = relative_placement(goal, skills)
            if composed is not None:
                return composed
            raise CoderError(f"no skill in the library fits {goal.family} ({goal.describe()}); the offline "
                             "coder composes existing skills only: use -m MODEL to write a new program")
        skill, call = self.candidates[0]
        return render(Plan(skill.name, call, dict(goal.slots)), goal.text)

    def _from_tree(self, goal: Goal, skills: list) -> tuple[str | None, str]:
        """The program planned from ``goal.tree`` (each part a step), or None and why not (one line)."""
        from aspire_tui.agent.plan import PlanError, plan_goal
        from aspire_tui.agent.program import ProgramError, write_program

        try:
            self.plan = plan_goal(goal.tree, skills)
            return write_program(goal, self.plan, skills), ""
        except (PlanError, ProgramError) as e:
            self.plan = None
            return None, str(e)

    # -- diagnose -----------------------------------------------------------
    def diagnose(self, trace, lessons: list) -> Diagnosis:
        """Rules over the trace, and each part of the goal checked against what the camera saw."""
        d = rule_diagnosis(trace, lessons)
        self.lessons = [getattr(lesson, "sections", {}).get("repair_strategy", "") for lesson in lessons]
        if self.goal is None or getattr(self.goal, "tree", None) is None:
            return d
        if self.plan is not None and read_plan(getattr(trace, "program", "") or "") is None:
            from aspire_tui.agent.repair import kinds_for

            d.actions = kinds_for(d.error_type)  # a planned program is repaired by plan edits, not rules
            d.analysis = f"{d.headline()}; try: {', '.join(d.actions)}"
        from aspire_tui.agent.perceive import check_parts, held_at_start, resting_at_start

        stacks, held = resting_at_start(self.goal, trace), held_at_start(self.goal, trace)
        if stacks:
            d.evidence = {**d.evidence, "resting_at_start": [list(pair) for pair in stacks]}
        if held:
            d.evidence = {**d.evidence, "held_at_start": held}
        checks = check_parts(self.goal, trace)
        d.parts = [c.to_dict() for c in checks]
        failed = next((c for c in checks if c.held is False), None)
        if failed is not None:
            d.failed_part = failed.part
            d.evidence = {**d.evidence, "failed_part": failed.part, "measured": failed.detail}
            if failed.numbers and self.plan is None and "measured" not in d.actions:
                d.actions = ["measured", *d.actions]  # a number the camera measured says what to change
            if d.error_type == "NotDone":
                d.message = f"{failed.part} does not hold: {failed.detail}"
                d.analysis = f"{d.headline()}; try: {', '.join(d.actions)}"
        return d

    # -- repair -------------------------------------------------------------
    def repair(self, program: str, diagnosis: Diagnosis) -> Repair:
        """One concrete edit for the diagnosis; the same failure twice moves on to the next action."""
        plan = read_plan(program)
        if plan is None and self.plan is not None:
            return self._repair_steps(program, diagnosis)
        actions = list(diagnosis.actions) + ["mutate"]
        for action in actions:
            key = f"{diagnosis.error_type}:{action}"
            count = self.tried.get(key, 0)
            if action != "mutate" and count >= 2:
                continue
            if plan is None:
                retries = module_literal(program, "RETRIES")
                if action in ("retry", "slower", "home_first") and retries and isinstance(retries[0], int) \
                        and retries[0] < 2:  # a composed program: each step tried once more
                    self.tried[key] = count + 1
                    return Repair(set_literal(program, "RETRIES", retries[0] + 1),
                                  (f"retry each step: RETRIES {retries[0]} -> {retries[0] + 1}",))
                if action != "mutate":
                    continue
                new, what = mutate_constants(program, self.rng)
                if new != program:
                    self.tried[key] = count + 1
                    return Repair(new, (f"mutate: {what}",))
                raise CoderError("cannot repair this program offline (no constants to change)")
            new_plan, what = self._apply(plan, action, diagnosis)
            if new_plan is None:
                continue
            self.tried[key] = count + 1
            return Repair(render(new_plan, self.goal.text if self.goal else ""), (what,))
        raise CoderError(f"no repair left for {diagnosis.headline()}")

    def _measured(self, p: Plan, defaults: dict[str, float], d: Diagnosis) -> tuple[Plan | None, str]:
        """The failed part's numbers, as the camera measured them, applied to the skill's own settings: set
        down too far from a table place, it aims nearer (`aspire_tui.agent.repair.nearer`)."""
        from aspire_tui.agent.repair import nearer

        n = next((c.get("numbers") or {} for c in d.parts if c.get("part") == d.failed_part), {})
        if "limit" not in n or n.get("off", 0.0) < n["limit"]:
            return None, ""
        over = n["off"] - n["limit"]
        changed = nearer({k: p.params.get(k, defaults[k]) for k in ("margin", "slack") if defaults.get(k)}, over)
        if not changed:
            return None, ""
        p.params.update(changed)
        return p, (f"{d.failed_part} ended {over:.2f} m too far from the place: "
                   + ", ".join(f"{k} -> {v:g}" for k, v in changed.items()))

    def _repair_steps(self, program: str, d: Diagnosis) -> Repair:
        """A planned program's repair: the first edit of its plan that the failure calls for and that was not
        made on this task before (`aspire_tui.agent.repair`), the program written again from the new plan."""
        from aspire_tui.agent.program import write_program
        from aspire_tui.agent.repair import by_history, repairs

        skills = list(self.skills.values())
        for edit in by_history(repairs(self.plan, d, program, skills, self.goal.tree), self.lessons):
            if edit.key in self.made:
                continue
            self.made.add(edit.key)
            self.plan = edit.plan
            return Repair(write_program(self.goal, edit.plan, skills), (edit.what,))
        raise CoderError(f"no repair left for {d.headline()}: every edit it calls for was tried on this task")

    def _apply(self, plan: Plan, action: str, d: Diagnosis) -> tuple[Plan | None, str]:
        p = Plan(plan.skill, dict(plan.call), dict(plan.args), dict(plan.params), plan.retries, plan.home_first)
        skill = next((s for s, _ in self.candidates if s.name == plan.skill), None)
        defaults = numeric_defaults(skill) if skill is not None else {}
        if action == "home_first":
            if p.home_first:
                return None, ""
            p.home_first = True
            return p, "home() before the first detect, so the arm does not hide the object"
        if action == "retry":
            if p.retries >= 2:
                return None, ""
            p.retries += 1
            return p, f"retry the skill after release() and home() (re-detects), up to {p.retries + 1} tries"
        if action == "slower":
            name = next((n for n in defaults if "speed" in n), None)
            if name is None:
                return None, ""
            p.params[name] = round(p.params.get(name, defaults[name]) * 0.6, 4)
            return p, f"{name} -> {p.params[name]:g} (move more slowly)"
        if action == "raise_height":
            names = [n for n in defaults if any(w in n for w in HEIGHT_WORDS)]
            if not names:
                return None, ""
            for n in names:
                v = p.params.get(n, defaults[n])
                p.params[n] = round(v + max(0.02, abs(v) * 0.5), 4)
            return p, "raise " + ", ".join(f"{n} -> {p.params[n]:g}" for n in names)
        if action == "widen_clearance":
            # rule_diagnosis offers this only when the body hit is a neighbour, not one the program asked for
            hit = [str(b) for b in (d.evidence.get("bodies") or [])[1:]]
            names = [n for n in defaults if any(w in n for w in CLEARANCE_WORDS)]
            if not names:
                return None, ""
            for n in names:
                p.params[n] = round(p.params.get(n, defaults[n]) * 1.5, 4)
            return p, f"keep clear of {', '.join(hit)}: " + ", ".join(f"{n} -> {p.params[n]:g}" for n in names)
        if action == "lower_reach":
            names = [n for n in defaults if n in ("pull", "beyond", "reach", "standoff")]
            if not names:
                return None, ""
            for n in names:
                p.params[n] = round(p.params.get(n, defaults[n]) * 0.7, 4)
            return p, "shorten " + ", ".join(f"{n} -> {p.params[n]:g}" for n in names)
        if action == "measured":
            return self._measured(p, defaults, d)
        if action == "rephrase":
            return self._rephrase(p, d)
        if action == "switch_skill":
            names = [s.name for s, _ in self.candidates]
            if plan.skill not in names or names.index(plan.skill) + 1 >= len(names):
                return None, ""
            skill, call = self.candidates[names.index(plan.skill) + 1]
            return Plan(skill.name, call, dict(plan.args)), f"use skill {skill.name} instead of {plan.skill}"
        if action == "mutate":
            if not defaults:
                return None, ""
            name = self.rng.choice(sorted(defaults))
            v = p.params.get(name, defaults[name])
            p.params[name] = _nudge(v, self.rng, 0.3)
            return p, f"mutate {name} {v:g} -> {p.params[name]:g}"
        return None, ""

    def _rephrase(self, p: Plan, d: Diagnosis) -> tuple[Plan | None, str]:
        """ObjectNotFound: use the words of a visible object with the asked colour (from the trace's evidence)."""
        query = str(d.evidence.get("query") or "")
        visible = d.evidence.get("visible") or []
        names = [v.get("name", "") if isinstance(v, dict) else str(v) for v in visible]
        color = query.split()[0] if query else ""
        for slot, value in p.args.items():
            if value != query:
                continue
            for name in names:
                words = name.replace("_", " ").split()
                if color and words and words[0] == color:
                    phrase = " ".join(w for w in words if not w.isdigit())
                    if phrase != query:
                        p.args[slot] = phrase
                        return p, f"ARGS[{slot!r}] {query!r} -> {phrase!r} (the scene's words)"
        return None, ""

    # -- generalize ----------------------------------------------------------
    def generalize(self, program: str, goal: Goal, evidence: dict[str, Any] | None = None,
                   sources: dict[str, str] | None = None) -> Distilled | None:
        """What to keep: None when an existing skill already does this job unchanged.

        Args:
            evidence: ``seeds``, ``success`` (``"5/5"``) and ``run`` of the validation.
            sources: the text of the skills the program was written from, by name: a one-skill
                program refines its skill's defaults when that skill validated the same goal.
        """
        evidence = evidence or {}
        plan = read_plan(program)
        if plan is None and self.plan is not None and _one_call(self.plan, sources or {}):
            return None  # one library skill called as it is: it already does this job
        if plan is None:  # a composed program: it becomes a skill of its own
            from aspire_tui.agent.compose import skill_from_program

            tree = getattr(goal, "tree", None)
            name = skill_name(goal)
            if tree is not None:
                from aspire_tui.agent.program import goal_name

                name = goal_name(tree.condition) or name
            note = (f"Validated {evidence.get('success', '')} on {goal.family} seeds {evidence.get('seeds', [])} "
                    f"(run {evidence.get('run', '')}).")
            source = skill_from_program(program, name, goal, evidence.get("seeds", []), note)
            if source is None:
                return None
            return Distilled(name, source, "new", f"Add skill {name} (composed)", note)
        return distill_plan(plan, goal, sources or {}, evidence)

    # -- propose (evolutionary search) ------------------------------------------
    def propose(self, goal: Goal, parents: list[Parent], n: int) -> list[tuple[str, str]]:
        """``n`` new variants of the fittest programs: (source, what changed), each unlike the others.

        Parents earlier in the list (the fitter) are picked more often. A plan's
        child gets one structural edit its parent's diagnosis calls for (retry,
        home first, raise a height, slow down, another skill, rephrase) or a
        numeric mutation of one parameter; any other program gets a mutated constant.
        """
        self.goal = self.goal or goal
        seen = {p.source for p in parents}
        out: list[tuple[str, str]] = []
        for _ in range(max(n, 1) * 6):  # edits can repeat; a few extra draws find new ones
            if len(out) >= n or not parents:
                break
            parent = parents[min(int(self.rng.expovariate(1.2)), len(parents) - 1)]
            child, what = self._vary(parent)
            if child and child not in seen:
                seen.add(child)
                out.append((child, what))
        return out

    def _vary(self, parent: Parent) -> tuple[str | None, str]:
        plan = read_plan(parent.source)
        if plan is None:
            child, what = mutate_constants(parent.source, self.rng)
            return (child, what) if what else (None, "")
        d = parent.diagnosis or Diagnosis(outcome="succeeded", actions=[])
        structural = [a for a in d.actions if a != "mutate"]
        action = self.rng.choice(structural) if structural and self.rng.random() < 0.5 else "mutate"
        new_plan, what = self._apply(plan, action, d)
        if new_plan is None and action != "mutate":
            new_plan, what = self._apply(plan, "mutate", d)
        if new_plan is None:
            return None, ""
        return render(new_plan, self.goal.text if self.goal else ""), what


def _one_call(plan, sources: dict[str, str]) -> bool:
    """A planned program that is one call of a library skill, untuned: nothing in it is new."""
    if len(plan.steps) != 1 or plan.retries:
        return False
    step = plan.steps[0]
    return step.form == "call" and not step.keywords and step.skill in sources


@dataclass
class Parent:
    """A program the search breeds from: its source, its fitness, and its diagnosed failure (None: none seen)."""

    source: str
    fitness: str = ""
    diagnosis: Diagnosis | None = None


def rule_diagnosis(trace, lessons: list) -> Diagnosis:
    """Diagnose by rules over the trace's outcome, failing call, error type and evidence, and the lessons."""
    d = Diagnosis(outcome=trace.outcome, summary=trace.summary())
    record = trace.failure
    if trace.outcome == "rejected":
        d.error_type, d.message = "StaticCheck", trace.failure_reason
    elif record is not None and record.error:
        d.error_type = str(record.error.get("type") or "RobotError")
        d.call = record.call
        d.message = str(record.error.get("message") or "")
        d.evidence = dict(record.error.get("evidence") or {})
        d.where = record.where
    elif trace.outcome == "timeout":
        d.error_type, d.message = "Timeout", trace.failure_reason
    elif trace.outcome == "error":
        d.error_type, d.message = "ProgramError", trace.failure_reason
    else:
        # only the verdict, never which part of the success check failed: the coder must not learn
        # the task's predicate (the trace's checks stay for people and the benchmark)
        d.error_type = "NotDone"
        d.message = trace.failure_reason or "the program returned but the task is not done"
    d.actions = list(ACTIONS_BY_ERROR.get(d.error_type, ["retry", "mutate", "switch_skill"]))
    if d.error_type == "CollisionError" and not _hit_a_neighbour(trace, d.evidence):
        d.actions.remove("widen_clearance")
    if d.error_type == "IKError" and float(d.evidence.get("reach") or 0) > float(d.evidence.get("max_reach") or 9):
        d.actions = ["lower_reach"] + [a for a in d.actions if a != "lower_reach"]
    texts = []
    for lesson in lessons:
        d.lessons.append(lesson.name)
        strategy = lesson.sections.get("repair_strategy", "") if hasattr(lesson, "sections") else ""
        texts.append(f"{lesson.name}: {lesson.description}\n{strategy}")
        hints = []
        if "home()" in strategy:
            hints.append("home_first")
        if re.search(r"\bretry|again\b", strategy):
            hints.append("retry")
        if "speed" in strategy or "slowly" in strategy:
            hints.append("slower")
        if re.search(r"higher|approach height|raise", strategy):
            hints.append("raise_height")
        if re.search(r"clearance|margin|out of the way", strategy):
            hints.append("widen_clearance")
        if lesson.failure.get("error", "").strip() == d.error_type:  # a lesson reorders, never adds
            d.actions = [a for a in hints if a in d.actions] + [a for a in d.actions if a not in hints]
    d.lesson_text = "\n\n".join(texts)
    d.analysis = f"{d.headline()}; try: {', '.join(d.actions)}"
    return d


def _hit_a_neighbour(trace, evidence: dict[str, Any]) -> bool:
    """Did the collision's other body go unasked? Objects the program detect()ed by name are its own
    (the pushed block, the tool, the target): touching them is no matter of keeping clear."""
    hit = {str(b) for b in (evidence.get("bodies") or [])[1:]}
    asked = {o.get("name") for r in trace.records if r.call == "detect" and isinstance(r.result, list)
             for o in r.result if isinstance(o, dict)}
    return bool(hit) and not hit & asked


# ---------------------------------------------------------------- distilling

NAMES = {
    "in": "put_{0}_in_{1}", "on": "put_{0}_on_{1}", "stack": "stack_{0}_on_{1}", "pull": "pull_{0}_with_{1}",
    "go_to": "go_to_{0}", "push": "push_{0}_into_{1}", "sort": "sort_{0}s_by_color",
    "left_of": "put_{0}_beside_{1}", "right_of": "put_{0}_beside_{1}", "next_to": "put_{0}_next_to_{1}",
    "in_front_of": "put_{0}_by_{1}", "behind": "put_{0}_by_{1}",
}


def skill_name(goal: Goal) -> str:
    kinds = [_slot_kind(v) for k, v in goal.slots.items() if k not in ("side", "place", "edge")]
    kinds = sorted(kinds, key=lambda k: k not in ("block", "ball"))  # the thing that moves comes first
    template = NAMES.get(goal.relation, "")
    try:
        name = template.format(*kinds) if template else ""
    except IndexError:
        name = ""
    name = re.sub(r"[^a-z0-9_]", "_", name or goal.family)
    return name[:60]


def distill_plan(plan: Plan, goal: Goal, sources: dict[str, str], evidence: dict[str, Any]) -> Distilled | None:
    """Refine the base skill's defaults, or wrap it as a skill for this job, or nothing."""
    base_src = sources.get(plan.skill, "")
    meta = module_literal(base_src, "ASPIRE")
    meta = meta[0] if meta and isinstance(meta[0], dict) else {}
    validation = meta.get("validation") if isinstance(meta.get("validation"), dict) else None
    fits = same_goal(meta, goal)  # only a skill that validated this goal is refined; another goal gets a wrapper
    same_job = validation is not None and fits
    changed = bool(plan.params) or plan.retries or plan.home_first
    seeds = evidence.get("seeds", [])
    rate = evidence.get("success", "")
    run = evidence.get("run", "")
    note = f"Validated {rate} on {goal.family} seeds {seeds} (run {run}): \"{_docline(goal.text)}\"."
    if same_job and not changed:
        return None
    if base_src and not plan.retries and not plan.home_first and fits:
        new = refine_defaults(base_src, plan.skill, plan.params, note,
                              None if same_job else {"task": goal.family, "seeds": seeds,
                                                     "args": _template_args(plan)})
        if new and new != base_src:
            what = ", ".join(f"{k}={v!r}" for k, v in plan.params.items()) or "validation on " + goal.family
            return Distilled(plan.skill, new, "refine", f"Refine {plan.skill}: {what}",
                             f"{note}\nChanged: {what}.")
    name = skill_name(goal)
    return Distilled(name, wrapper_source(name, plan, goal, meta, seeds, note), "new",
                     f"Add skill {name} (from {plan.skill})", note)


def _template_args(plan: Plan) -> dict[str, Any]:
    def tpl(expr: str) -> Any:
        if expr.startswith("["):
            return [tpl(e.strip()) for e in expr[1:-1].split(",") if e.strip()]
        m = re.fullmatch(r"ARGS\['(\w+)'\]", expr)
        return "{" + m.group(1) + "}" if m else pyast.literal_eval(expr)
    return {k: tpl(v) for k, v in plan.call.items()}


def refine_defaults(source: str, func: str, params: dict[str, Any], note: str,
                    validation: dict[str, Any] | None) -> str | None:
    """The skill's source with new parameter defaults, its version bumped and the evidence noted."""
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines()
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == func), None)
    if fn is None:
        return None
    names = [a.arg for a in fn.args.args]
    defaults = dict(zip(names[len(names) - len(fn.args.defaults):], fn.args.defaults))
    edits = []
    for pname, value in params.items():
        node = defaults.get(pname)
        if node is None or node.lineno != node.end_lineno:
            return None
        edits.append((node.lineno - 1, node.col_offset, node.end_col_offset, repr(value)))
    for row, start, end, text in sorted(edits, reverse=True):
        line = lines[row]
        b = line.encode()
        lines[row] = (b[:start].decode() + text + b[end:].decode())
    out = "\n".join(lines) + "\n"
    out = re.sub(r'("version":\s*)(\d+)', lambda m: m.group(1) + str(int(m.group(2)) + 1), out, count=1)
    if validation is not None and '"validation"' not in out:
        out = re.sub(r'(ASPIRE = \{\n(?:.*\n)*?)(\})', lambda m: m.group(1) + f'    "validation": {validation!r},\n'
                     + m.group(2), out, count=1)
    doc_end = out.find('"""', out.find('"""') + 3)
    if doc_end > 0:
        out = out[:doc_end].rstrip() + f"\n    Refined by aspire: {note}\n" + out[doc_end:]
    return out


def wrapper_source(name: str, plan: Plan, goal: Goal, base_meta: dict[str, Any], seeds: list[int], note: str) -> str:
    """A new program skill for this job that calls the base skill with what the repairs found."""
    params = list(plan.args)
    unargs = re.compile(r"ARGS\[(.*?)\]")
    call_args = ", ".join(k + "=" + unargs.sub(lambda m: pyast.literal_eval(m.group(1)), v)
                          for k, v in plan.call.items())
    call = f"{plan.skill}(robot{', ' + call_args if call_args else ''}, **PARAMS)"
    general = re.sub(r"\b(" + "|".join(["red", "blue", "yellow", "orange", "purple", "green", "white", "cyan",
                                         "pink", "gray", "brown", "black"]) + r")\b ?", "", goal.text)
    metadata = {
        "task_type": goal.category or base_meta.get("task_type", ""),
        "embodiment": base_meta.get("embodiment", "panda"),
        "depends_on": [plan.skill],
        "version": 1,
        "tags": sorted({goal.relation, *[_slot_kind(v) for v in plan.args.values()]} - {""}),
        "validation": {"task": goal.family, "seeds": list(seeds), "args": {p: "{" + p + "}" for p in params}},
        **({"goal": goal_record(goal)} if goal.tree is not None else {}),
    }
    meta_lines = ["ASPIRE = {"] + [f"    {k!r}: {v!r}," for k, v in metadata.items()] + ["}"]
    signature = ", ".join(["robot", *params])
    return "\n".join([
        f'"""{_docline(general).capitalize()}: {plan.skill} with the settings that worked on {goal.family}.',
        "", "When to use:", f'    "{_docline(goal.text)}" and instructions like it (task family {goal.family}).',
        "", "Preconditions:", "    - the objects named are visible to robot.detect", "",
        "Postconditions:", f"    - the {goal.family} task is done (validated on perturbed seeds)", "",
        "Evidence:", f"    {note}", '"""', "",
        f"from skills.{plan.skill} import {plan.skill}", "",
        *meta_lines, "",
        f"PARAMS = {plan.params!r}", f"RETRIES = {plan.retries!r}", f"HOME_FIRST = {plan.home_first!r}", "", "",
        f"def {name}({signature}):",
        f'    """Do the {goal.family} job with {plan.skill}; retries and settings from validation."""',
        *_body(call), ""])
