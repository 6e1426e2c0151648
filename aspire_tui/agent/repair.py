"""Repairs for a planned program, chosen from what failed: the part of the goal the camera saw not hold
(with its numbers), the error and where in the program it came from.

``repairs(plan, diagnosis, program, skills)`` lists candidate edits of the `Plan`, the likeliest first,
and ``by_history`` puts first those that repaired the same failure before (the lessons' strategies);
each has a ``key`` that names the edit exactly, so a coder never makes the same one twice on a task.
Edits change numbers where the numbers are wrong ("the red block is 0.11 m right of the bowl; asked at
least 0.2" sets it farther; "0.09 m from the corner; there means within 0.08" aims nearer) and structure
where they are not (try each step again, go home and look again before each step, another skill for the
failing step, take off first what the camera saw resting on an object to move, no step for a part that
held before the run moved anything). The camera's evidence comes from the diagnosis (`Diagnosis.parts`,
``evidence["resting_at_start"]``, ``evidence["held_at_start"]``); a diagnosis from the error line alone
has none, and gets only the edits its error type calls for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from aspire_tui.agent.goal import Ref
from aspire_tui.agent.plan import (ALIASES, Plan, PlanError, Step, clear_step, numeric_defaults, plan_goal,
                                   touched)

SIDE_PARTS = ("left_of", "right_of", "in_front_of", "behind")
# a skill's keyword parameters by what they do: a repair raises, widens, narrows or slows them
TUNING = {"raise": (("approach", "clear", "height", "lift", "standoff"), 1.5),
          "widen": (("margin", "lane", "room", "radius"), 1.5),
          "slower": (("speed",), 0.6),
          # a route the planner finds no way through is blocked by its own safety circles
          "narrow": (("margin", "radius"), 0.75)}
BY_ERROR = {
    "CollisionError": ("unstack", "gap", "raise", "widen", "retry", "swap"),
    "MotionTimeout": ("slower", "retry", "swap", "raise"),
    "IKError": ("swap", "retry"),
    "NavigationError": ("narrow", "widen", "swap", "retry"),
    "GraspFailed": ("unstack", "slower", "retry", "swap"),
    "ObjectDropped": ("unstack", "slower", "retry", "swap"),
    "ObjectNotFound": ("look", "retry"),
    "LookupError": ("look", "retry", "swap"),
    "NotDone": ("leave", "measured", "unstack", "retry", "look", "swap"),
}


@dataclass(frozen=True)
class Edit:
    """One edit of the plan: ``key`` names it exactly (never made twice), ``what`` says it in words."""

    key: str
    what: str
    plan: Plan


def kinds_for(error_type: str) -> list[str]:
    """The kinds of plan edit a failure of ``error_type`` calls for, the likeliest first."""
    return list(BY_ERROR.get(error_type, ("retry", "look", "swap")))


def repairs(plan: Plan, diagnosis, program: str, skills: list, tree=None) -> list[Edit]:
    """Candidate edits of ``plan`` for ``diagnosis``, the likeliest first."""
    index = failing_step(plan, diagnosis, program)
    out: dict[str, Edit] = {}
    for kind in kinds_for(diagnosis.error_type):
        for r in _edits(kind, plan, index, diagnosis, skills, tree):
            out.setdefault(r.key, r)
    return list(out.values())


def by_history(edits: list[Edit], lessons: list[str]) -> list[Edit]:
    """``edits`` with those that repaired this failure before (a step of a lesson's repair strategy, said
    the same way but for its numbers and its part of a goal) first, the most often first."""
    done = [_signature(m.group(1)) for text in lessons
            for m in re.finditer(r"^\d+\. (.*?)(?: \(worked on [^)]*\))?$", text, flags=re.M)]
    return sorted(edits, key=lambda e: -done.count(_signature(e.what)))


def _signature(what: str) -> str:
    """An edit said without its numbers or the part of the goal it was for."""
    s = re.sub(r"-?\d+(?:\.\d+)?", "#", what)
    s = re.sub(r" for .*$", "", s)
    return re.sub(r"^\w+\(.*?\): ", "", s).strip()


def failing_step(plan: Plan, diagnosis, program: str) -> int:
    """The step the failure belongs to: the part the camera saw not hold, else the step whose block holds
    the program line the error came from, else the last step."""
    if diagnosis.failed_part:
        for i, step in enumerate(plan.steps):
            if _as_planned(diagnosis.failed_part) in (str(step.part), *_parts(step)):
                return i
    m = re.match(r"program\.py:(\d+)", diagnosis.where or "")
    if m:
        lines = program.splitlines()
        body = next((i for i, text in enumerate(lines, 1) if text.startswith("def run(")), 0)
        # each step's block opens with a comment line of its own
        starts = [i for i, text in enumerate(lines, 1) if i > body and text.startswith("    # ")]
        before = [k for k, i in enumerate(starts) if i < int(m.group(1))]
        if before and len(starts) == len(plan.steps):
            return before[-1]
    return len(plan.steps) - 1


def _as_planned(part: str) -> str:
    """A part of the goal as its step says it: ``in_corner(blue block, front_left)`` is planned as
    ``at_place(blue block, front_left)``."""
    name, paren, rest = part.partition("(")
    return ALIASES.get(name, name) + paren + rest


def _parts(step: Step) -> list[str]:
    return [str(c) for c in step.part.conjuncts()] if hasattr(step.part, "conjuncts") else [str(step.part)]


def _with_step(plan: Plan, index: int, step: Step) -> Plan:
    steps = list(plan.steps)
    steps[index] = step
    return replace(plan, steps=tuple(steps))


def _edits(kind: str, plan: Plan, index: int, d, skills: list, tree) -> list[Edit]:
    step = plan.steps[index]
    numbers = _numbers(d)
    if kind == "measured":
        return _from_numbers(plan, index, step, numbers, skills)
    if kind == "gap":  # the fingers or the object brushed what it was set beside
        if not any(s.form == "beside" for s in plan.steps):
            return []
        gap = round(plan.gap + 0.02, 3)
        return [Edit(f"gap={gap}", f"GAP {plan.gap:g} -> {gap:g}: set it down farther from what it goes beside",
                       replace(plan, gap=gap))]
    if kind in TUNING:
        return _tuned(kind, plan, index, step, skills)
    if kind == "retry":
        if plan.retries >= 2:
            return []
        return [Edit(f"retries={plan.retries + 1}", f"RETRIES {plan.retries} -> {plan.retries + 1}: try a failed "
                       "step again after letting go and going home", replace(plan, retries=plan.retries + 1))]
    if kind == "look":
        return [] if plan.retries else [Edit("retries=1", "RETRIES 0 -> 1: go home, look again and retry the step",
                                               replace(plan, retries=1))]
    if kind == "swap" and tree is not None:
        return _swapped(plan, index, step, skills, tree)
    if kind == "unstack":
        return _unstacked(plan, d, skills)
    if kind == "leave":
        return _left_alone(plan, d)
    return []


def _numbers(d) -> dict[str, float]:
    for part in d.parts or []:
        if part.get("part") == d.failed_part and isinstance(part.get("numbers"), dict):
            return part["numbers"]
    return {}


def _from_numbers(plan: Plan, index: int, step: Step, n: dict[str, float], skills: list) -> list[Edit]:
    """What the measured numbers say to change: too close, too far, not far enough."""
    out = []
    if step.form == "beside" and n.get("along", 0.0) > 0:  # the right side, not far enough (the wrong side
        shortfall = max(n.get("least", 0.0), 0.03) - n["along"]    # is no matter of distance)
        if shortfall > -0.01:
            want = round(max(step.distance, n.get("least", 0.0)) + max(shortfall, 0.0) + 0.03, 3)
            out.append(Edit(f"step{index}.least={want}", f"{step.part}: it ended {n['along']:.2f} m that way; "
                              f"aim at least {want:g} m off", _with_step(plan, index, replace(step, distance=want))))
    if step.form == "beside" and "within" in n and n["gap"] >= n["within"]:
        gap = round(max(0.02, plan.gap - (n["gap"] - n["within"]) - 0.01), 3)  # the fingers need some room
        out.append(Edit(f"gap={gap}", f"GAP {plan.gap:g} -> {gap:g}: its edge ended {n['gap']:.2f} m away",
                          replace(plan, gap=gap)))
    if "limit" in n and n.get("off", 0.0) >= n["limit"]:  # set down too far from the place it names
        edit = _closer(plan, index, step, skills, n["off"] - n["limit"])
        out += [edit] if edit is not None else []
    if step.form == "shift" and "went" in n:
        short = n["asked"] - n["went"]
        want = round(step.distance + short, 3)
        if abs(short) > 0.005 and want > 0:
            out.append(Edit(f"step{index}.distance={want}", f"{step.part}: it went {n['went']:.2f} m of "
                              f"{n['asked']:g}; aim {want:g} m", _with_step(plan, index, replace(step, distance=want))))
    return out


def _left_alone(plan: Plan, d) -> list[Edit]:
    """Without the step for the failed part, when the camera saw that part already hold at the start: the
    step undid what it was to make (it picked the top block off a tower to stack it again); its objects are
    left alone."""
    held = (getattr(d, "evidence", None) or {}).get("held_at_start") or ()
    if not d.failed_part or d.failed_part not in held:
        return []
    steps = [s for s in plan.steps if _as_planned(d.failed_part) not in _parts(s)]
    if not steps or len(steps) == len(plan.steps):
        return []
    gone = [s for s in plan.steps if s not in steps]
    keep = plan.keep + tuple(a for s in gone for a in s.part.args if isinstance(a, Ref) and a not in plan.keep)
    return [Edit(f"leave:{d.failed_part}", f"{d.failed_part} held before the run moved anything: leave it as it "
                   "is (no step for it)", replace(plan, steps=tuple(steps), keep=keep))]


def _unstacked(plan: Plan, d, skills: list) -> list[Edit]:
    """Clear steps for the objects the camera saw something resting on at the start (a stack the words never
    mentioned), each before the first step that picks up or builds on that object."""
    under_top = {under: top for top, under in (getattr(d, "evidence", None) or {}).get("resting_at_start") or ()}
    steps, seen = list(plan.steps), []
    for step in plan.steps:
        for ref in touched(step.part):
            said = str(ref)
            if said not in under_top or any(s.form == "clear" and s.group == ref for s in steps):
                continue
            *color, kind = under_top[said].split()
            try:
                steps.insert(steps.index(step), clear_step(step.part, ref, Ref(kind, " ".join(color)), skills))
            except PlanError:
                return []
            seen.append(f"the {under_top[said]} on the {ref.phrase}")
    if not seen:
        return []
    return [Edit("clear:" + ",".join(sorted(seen)), f"the camera saw {' and '.join(seen)} at the start: "
                   "take it off first", replace(plan, steps=tuple(steps)))]


def nearer(now: dict[str, float], over: float) -> dict[str, float]:
    """A place skill's settings changed to land nearer the place it aims at, having ended ``over`` metres past
    what the place allows: its ``margin`` in from the edges smaller by that along the diagonal (and 1 cm more),
    its ``slack`` (the room it may move the point by) halved or less. Only the settings that changed."""
    new = {}
    if "slack" in now:
        new["slack"] = round(max(0.003, min(now["slack"] / 2, now["slack"] - over - 0.005)), 4)
    if "margin" in now:  # a block's half width in from the edges at the least
        new["margin"] = round(max(0.025, now["margin"] - (over + 0.01) / 2 ** 0.5), 4)
    return {k: v for k, v in new.items() if v < now[k]}


def _closer(plan: Plan, index: int, step: Step, skills: list, over: float) -> Edit | None:
    """The step's skill aiming nearer the place (`nearer`)."""
    skill = next((s for s in skills if s.name == step.skill), None)
    defaults = numeric_defaults(skill) if skill is not None else {}
    now = {**{k: defaults[k] for k in ("margin", "slack") if defaults.get(k)}, **dict(step.keywords)}
    changed = nearer(now, over)
    if not changed:
        return None
    said = ", ".join(f"{k}={v:g}" for k, v in changed.items())
    return Edit(f"step{index}.{said}", f"{step.skill}({said}) for {step.part}: it ended {over:.2f} m too far from "
                "the place", _with_step(plan, index, replace(step, keywords=tuple({**dict(step.keywords),
                                                                                  **changed}.items()))))


def _tuned(kind: str, plan: Plan, index: int, step: Step, skills: list) -> list[Edit]:
    """The failing step's skill called with a higher approach, a wider margin or a slower speed."""
    skill = next((s for s in skills if s.name == step.skill), None)
    if skill is None:
        return []
    words, factor = TUNING[kind]
    now = dict(step.keywords)
    out = []
    for name, default in numeric_defaults(skill).items():
        if isinstance(default, int) or not any(w in name for w in words) or not default:
            continue
        if abs(now.get(name, default) / default - 1) > abs(factor * factor - 1) - 1e-6:
            continue  # twice is enough: past that the number is not what is wrong
        value = float(f"{now.get(name, default) * factor:.4g}")
        keywords = tuple({**now, name: value}.items())
        out.append(Edit(f"step{index}.{name}={value}", f"{step.skill}({name}={value:g}) for {step.part}",
                        _with_step(plan, index, replace(step, keywords=keywords))))
    return out


def _swapped(plan: Plan, index: int, step: Step, skills: list, tree) -> list[Edit]:
    """The plan made again without the failing step's skill: the next skill that achieves the same part."""
    others = [s for s in skills if s.name != step.skill]
    try:
        again = plan_goal(tree, others)
    except PlanError:
        return []
    if len(again.steps) != len(plan.steps):
        return []
    new = again.steps[index]
    if new.skill == step.skill:
        return []
    return [Edit(f"step{index}.skill={new.skill}", f"{step.part}: use {new.skill} instead of {step.skill}",
                   replace(plan, steps=tuple(again.steps[i] if i == index else s for i, s in enumerate(plan.steps))))]
