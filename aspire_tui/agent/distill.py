"""What a validated task leaves in the library besides its program skill.

- `same_job`: the existing program skill that already does this job (found by
  retrieval, same validated family and the same parameters), so that a new
  skill refines that file instead of adding a near-duplicate.
- `learn_lesson`: the repair that led to the validated program becomes a
  lesson (failure signature -> repair strategy), or strengthens the lesson the
  diagnosis used: a new evidence line, its version bumped, the strategy added.
"""

from __future__ import annotations

import ast
import re
from typing import Any


def _params(source: str, name: str) -> list[str] | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name), None)
    return None if fn is None else [a.arg for a in fn.args.args]


def same_job(library, name: str, source: str, goal, family: str) -> str | None:
    """The name of a library skill validated on ``family`` with the same parameters as ``name``, if any."""
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
                [p.name for p in skill.params] == params:
            return hit.name
    return None


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
