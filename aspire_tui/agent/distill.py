"""Where a validated task's program goes in the library, and the lesson its repair leaves.

- `goal_record` / `same_goal`: the goal a skill validated, as its metadata
  records it (``"goal": "in(block, bowl)"``, or else what it declares it
  ``achieves``, and its validation task), and whether a program's goal is it.
- `destination`: a skill is refined only by a program that validated the same
  goal; a program for another goal becomes a new skill, never a refinement
  of another. `same_job` finds the library's skill for the same job (same
  goal, family and parameters), so a new skill refines it instead of adding
  a near-twin. `still_passes` re-runs a refinement on the seeds its skill
  was validated on before it may replace the skill, and `keeping_seeds`
  keeps those seeds in the refinement's record.
- `learn_lesson`: the repair that led to the validated program becomes a
  lesson (failure signature -> repair strategy), or strengthens the lesson the
  diagnosis used: a new evidence line, its version bumped, the strategy added.
"""

from __future__ import annotations

import ast
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from aspire_tui import pyast
from aspire_tui.agent.goal import Cond, NotationError, Ref, canonical, read_condition
from aspire_tui.agent.program import module_literal

# conditions a goal keeps rather than achieves: they never make it another job
SIDE_CONDITIONS = ("unmoved", "not")
# one job whichever side it is done on: the side is the skill's argument (the place_beside and
# place_front_back families take it as a choice)
ONE_JOB = {"right_of": "left_of", "behind": "in_front_of"}


def _general(a: Any) -> Any:
    """A reference without its colours and counts (they become a skill's arguments); other arguments as they are."""
    if isinstance(a, Ref):
        anchor = _general(a.anchor) if a.anchor is not None else None
        return replace(a, color="", quantity="all" if a.is_group else "one", count=0, members=(), anchor=anchor,
                       excluded=tuple(_general(x) for x in a.excluded))  # less some of it: another job
    if isinstance(a, Cond):
        return Cond(a.name, tuple(_general(x) for x in a.args))
    return a


def _parts(cond: Cond) -> list[Cond]:
    """The parts of a goal to achieve, in general words: side conditions, place words and amounts left out
    (places and amounts are a skill's arguments), each part once."""
    parts: dict[str, Cond] = {}
    whole = canonical(cond).conjuncts()
    # "take the red block out of the bowl": a goal made only of what must not hold has that as its job
    todo = ("not",) if all(c.name in SIDE_CONDITIONS for c in whole) else ()
    for c in whole:
        if c.name not in SIDE_CONDITIONS or c.name in todo:
            part = Cond(c.name, tuple(_general(a) for a in c.args if isinstance(a, (Ref, Cond))))
            parts.setdefault(str(part), part)
    return [parts[k] for k in sorted(parts)]


def job(cond: Cond) -> frozenset[str]:
    """What a goal asks to achieve, as comparable words: ``in(red block, green bowl)`` -> ``{"in(block, bowl)"}``.

    Either side of a thing is one job (`ONE_JOB`), and "near" two things on the table is "next to" them
    (as the scene reads it).
    """
    out = set()
    for part in _parts(cond):
        name = ONE_JOB.get(part.name, part.name)
        if name == "near" and not any(isinstance(a, Ref) and a.kind == "robot" for a in part.args):
            name = "next_to"
        out.add(str(Cond(name, part.args)))
    return frozenset(out)


def goal_record(goal) -> str:
    """The goal a distilled skill records in its metadata (``"goal"``): ``in(block, bowl)``."""
    parts = [str(p) for p in _parts(goal.tree.condition)]
    return parts[0] if len(parts) == 1 else f"all({', '.join(parts)})"


def _declared(achieves: Any) -> set[str]:
    """The predicates a skill's ``achieves`` names: ``"in(obj, container)"`` -> ``{"in"}``."""
    said = [achieves] if isinstance(achieves, str) else achieves if isinstance(achieves, list) else []
    names = {m.group(1) for a in said if (m := re.match(r"\s*(\w+)\(", str(a)))}
    return {ONE_JOB.get(n, "in" if n == "in_zone" else n) for n in names}


def same_goal(metadata: dict[str, Any], goal) -> bool:
    """Did a skill validate what ``goal`` asks, as far as its metadata says?

    Its validation task must be the goal's family (or the family the goal's task file varies); its
    recorded ``goal`` must be the goal's `job`, or else every part of the job must be something it
    declares it ``achieves``. A skill that records neither is judged by its task alone, and a goal
    without a goal tree (read for a named family) by the family alone.
    """
    validation = metadata.get("validation")
    if isinstance(validation, dict) and validation.get("task") and not goal.is_task(validation["task"]):
        return False
    if goal.tree is None:
        return True
    asked = job(goal.tree.condition)
    recorded = metadata.get("goal")
    if isinstance(recorded, str):
        try:
            return job(read_condition(recorded)) == asked
        except NotationError:
            return False  # a record no one can read cannot say it is this goal
    if metadata.get("achieves"):
        return {part.split("(")[0] for part in asked} <= _declared(metadata["achieves"])
    return True


def _params(source: str, name: str) -> list[str] | None:
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return None
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name), None)
    return None if fn is None else [a.arg for a in fn.args.args]


def same_job(library, name: str, source: str, goal, family: str) -> str | None:
    """The name of a library skill validated on ``family`` for the same goal, with the same parameters as
    ``name``, if any."""
    from aspire_tui.skills.library import LibraryError

    params = _params(source, name)
    if params is None:
        return None
    try:
        hits = library.search(goal.text, k=8, kind="program")
    except LibraryError:
        return None
    for hit in hits:
        if hit.name == name:
            continue
        try:
            skill = library.get(hit.name)
        except LibraryError:
            continue
        validation = skill.metadata.get("validation") if isinstance(skill.metadata, dict) else None
        if isinstance(validation, dict) and validation.get("task") == family and \
                [p.name for p in skill.params] == params and same_goal(skill.metadata, goal):
            return hit.name
    return None


def _program_skill(library, name: str):
    """The library's program skill ``name`` (None when there is none that parses)."""
    from aspire_tui.skills.library import LibraryError

    try:
        skill = library.get(name)
    except LibraryError:
        return None
    return skill if skill.kind == "program" and isinstance(skill.metadata, dict) else None


def free_name(library, name: str) -> str:
    """``name``, or ``name_2``, ``name_3``, ... : the first that no skill or lesson has."""
    taken = {p.stem for folder in (library.skills_dir, library.lessons_dir) if folder.is_dir()
             for p in folder.iterdir()}
    n, candidate = 1, name
    while candidate in taken:
        n += 1
        candidate = f"{name[:56]}_{n}"
    return candidate


def destination(library, distilled, goal):
    """Where a distilled skill goes, so that it never takes over a skill that validated another goal.

    A ``refine`` stays one only when the skill it refines validated ``goal``. A ``new`` skill refines the
    library's skill for the same job (`same_job`), or the skill already named so when that one validated
    ``goal``; otherwise it is added as a new skill, under a name no skill has.

    Returns:
        (the `Distilled` to save, "") or (None, why it is not kept: one line).
    """
    if distilled.change == "refine":
        skill = _program_skill(library, distilled.name)
        if skill is None:
            return distilled, ""
        if not same_goal(skill.metadata, goal):
            return None, f"{distilled.name} was validated on another goal than {goal.describe()}"
        return replace(distilled, source=keeping_seeds(distilled.source, skill.metadata)), ""
    existing = same_job(library, distilled.name, distilled.source, goal, goal.family)
    if existing is not None:  # the library has a skill for this job: refine it rather than add a near-twin
        source = keeping_seeds(renamed(distilled.source, distilled.name, existing), library.get(existing).metadata)
        return replace(distilled, name=existing, source=source, change="refine",
                       summary=f"Refine skill {existing} (the same job: {goal.family}, same parameters)"), ""
    skill = _program_skill(library, distilled.name)
    if skill is None:
        return distilled, ""
    if same_goal(skill.metadata, goal):
        return replace(distilled, source=keeping_seeds(distilled.source, skill.metadata), change="refine",
                       summary=f"Refine skill {distilled.name}"), ""
    fresh = free_name(library, distilled.name)
    return replace(distilled, name=fresh, source=renamed(distilled.source, distilled.name, fresh),
                   summary=f"Add skill {fresh} ({distilled.name} was validated on another goal)"), ""


def keeping_seeds(source: str, earlier: dict[str, Any]) -> str:
    """A refinement's ``source`` with the seeds its skill was validated on before (``earlier`` is that
    skill's metadata) kept in its own validation record, when both validate the same task: so the next
    refinement is held to them too. ``source`` as it is when there is nothing to add."""
    before = earlier.get("validation") if isinstance(earlier.get("validation"), dict) else {}
    found = module_literal(source, "ASPIRE")
    if found is None:
        return source
    metadata, first, last = found
    now = metadata.get("validation") if isinstance(metadata, dict) else None
    if not isinstance(now, dict) or not before.get("task") or now.get("task") != before.get("task"):
        return source
    seeds = list(dict.fromkeys([*before.get("seeds", []), *now.get("seeds", [])]))
    if seeds == list(now.get("seeds", [])):
        return source
    metadata["validation"] = {**now, "seeds": seeds}
    lines = source.splitlines()
    lines[first - 1:last] = ["ASPIRE = {", *[f"    {k!r}: {v!r}," for k, v in metadata.items()], "}"]
    return "\n".join(lines) + "\n"


def still_passes(library, name: str, source: str, run: Callable[..., Any], spec=None) -> tuple[bool, str]:
    """Does ``source``, a refinement of skill ``name``, pass every seed the skill was validated on?

    The refinement runs from a copy of the library's skills, so the library is untouched until it passes.

    Args:
        run: ``run(program, task, seed, skills_dir)`` runs one episode and returns its trace.
        spec: the task spec the refinement was validated on: a validation task of its name is this
            spec (a task file is known by its name only here).

    Returns:
        (True, what ran) when it passes them or the skill records no validation, else (False, why not).
    """
    from aspire_tui.skills.regress import validation_of
    from sim.errors import TaskError

    skill = _program_skill(library, name)
    earlier = validation_of(skill) if skill is not None else None
    if earlier is None or source == library.source(name):  # nothing validated, or nothing would change
        return True, ""
    task, seeds, args = earlier
    scene = spec if spec is not None and task == spec.name else task
    with tempfile.TemporaryDirectory() as tmp:
        skills_dir = Path(tmp) / "skills"
        shutil.copytree(library.skills_dir, skills_dir)
        (skills_dir / f"{name}.py").write_text(source, encoding="utf-8")
        for seed in seeds:
            try:
                program = validation_program(name, args, scene, seed)
            except (TaskError, KeyError, ValueError) as e:
                return False, f"its validation scene {task} seed {seed} cannot be set up ({e})"
            trace = run(program, scene, seed, skills_dir)
            if trace.outcome != "succeeded":
                return False, f"it would fail {task} seed {seed}, which {name} was validated on ({trace.headline()})"
    return True, f"{task} seeds {seeds}, {len(seeds)}/{len(seeds)}"


def validation_program(name: str, args: dict[str, Any], task, seed: int) -> str:
    """The program that calls skill ``name`` as its recorded validation does (``args`` are templates such as
    ``{"obj": "{block}"}``), with the words of scene (``task``, ``seed``) filled in.

    Raises:
        KeyError: a template names a slot the scene does not have.
        sim.errors.TaskError: the scene cannot be built.
    """
    from aspire_tui.runner.program_args import slot_args
    from aspire_tui.skills.regress import program_for
    from sim.episode import make_episode

    episode = make_episode(task, seed)
    try:
        said = slot_args(episode)
    finally:
        episode.close()
    words = {k: str(v) for k, v in said.items()}

    def fill(value: Any) -> Any:
        if isinstance(value, list):
            return [fill(v) for v in value]
        if not isinstance(value, str):
            return value
        whole = re.fullmatch(r"\{(\w+)\}", value.strip())
        return said[whole.group(1)] if whole else value.format_map(words)  # a whole slot keeps its list

    return program_for(name, {k: fill(v) for k, v in args.items()})


def renamed(source: str, old: str, new: str) -> str:
    """``source`` with its public function ``old`` renamed ``new`` (the refined file keeps its name)."""
    return re.sub(rf"^def {re.escape(old)}\(", f"def {new}(", source, count=1, flags=re.M)


def lesson_name(error_type: str, call: str) -> str:
    """``CollisionError``, ``move_to`` -> ``repair_collision_error_at_move_to``."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", error_type or "failure").lower()
    return re.sub(r"[^a-z0-9_]", "_", f"repair_{snake}" + (f"_at_{call}" if call else ""))[:60]


def _evidence_pattern(evidence: dict[str, Any]) -> str:
    keys = ", ".join(f"{k}={str(v)[:40]}" for k, v in list(evidence.items())[:4])
    return keys or "(none)"


def new_lesson(repair: dict[str, Any], goal, family: str, validated: str, run: str, skills: list[str]) -> str:
    """A lesson in the seed lessons' form for one repair that worked."""
    error, call = repair["error_type"], repair["call"] or "run"
    action = repair["action"]
    return "\n".join([
        "---", f"category: {goal.category}", "embodiment: panda", f"applies_to: [{', '.join(skills)}]",
        "version: 1", "---",
        f"# {error} at {call}: {action[:80]}", "",
        f"What repaired a {family} program that failed with {error}.", "",
        "## Failure signature", f"- error: {error}", f"- call: {call}",
        f"- evidence: {_evidence_pattern(repair.get('evidence') or {})}", "",
        "## When it applies",
        f"`{call}` failed with {error} ({repair['message'][:160].strip() or 'no message'}) in a {family} task.", "",
        "## Repair strategy", f"1. {action}", "",
        "## Evidence", f"- {family} run {run}: \"{goal.text[:80]}\" repaired so, then validated {validated}.", ""])


def strengthened(source: str, repair: dict[str, Any], goal, family: str, validated: str, run: str) -> str:
    """The lesson ``source`` with one more piece of evidence, its version bumped, and the action added."""
    out = re.sub(r"^(version:\s*)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), source, count=1,
                 flags=re.M)
    action = repair["action"]
    if action not in out:
        strategy = re.search(r"^## Repair strategy\n(.*?)(?=^## |\Z)", out, flags=re.M | re.S)
        if strategy:
            steps = re.findall(r"^\d+\.", strategy.group(1), flags=re.M)
            line = f"{len(steps) + 1}. {action} (worked on {family})\n"
            out = out[:strategy.end(1)].rstrip("\n") + "\n" + line + "\n" + out[strategy.end(1):]
    line = f"- {family} run {run}: \"{goal.text[:80]}\" repaired by this lesson's advice, then validated {validated}."
    if "## Evidence" in out:
        out = out.rstrip("\n") + "\n" + line + "\n"
    else:
        out = out.rstrip("\n") + "\n\n## Evidence\n" + line + "\n"
    return out


def learn_lesson(library, repair: dict[str, Any], goal, family: str, validated: str, run: str,
                 skills: list[str], trailers: dict[str, Any]):
    """Write or strengthen the lesson for ``repair``; the `ChangeResult`, or None when nothing was committed."""
    from aspire_tui.skills.library import LibraryError

    used = [n for n in repair.get("lessons", []) if n]
    target = used[0] if used else lesson_name(repair["error_type"], repair["call"])
    try:
        source = library.source(target)
    except LibraryError:
        source = None
    why = (f"Task: {goal.text}\n{repair['error_type']} at {repair['call'] or 'run'} was repaired by: "
           f"{repair['action']}; the program then validated {validated}.")
    try:
        if source is None:
            return library.save(target, new_lesson(repair, goal, family, validated, run, skills), change="new",
                                kind="lesson", summary=f"Add lesson {target}", why=why, **trailers)
        return library.save(target, strengthened(source, repair, goal, family, validated, run), change="refine",
                            kind="lesson", summary=f"Strengthen lesson {target} ({family})", why=why, **trailers)
    except LibraryError:
        return None
