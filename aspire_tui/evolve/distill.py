"""Keep a search's winner in the library: the loop's distill path, plus a merge with people's edits.

The coder's ``generalize`` decides what to keep (a refined skill, a new
skill, or nothing), exactly as at the end of the agent loop. What the search
adds: its figures go into the commit's trailers (``Aspire-Search:``), and a
skill that a person changed while the search ran is merged three ways
(the version the search started from, the winner's, the person's) with
``git merge-file``; their edit is kept, and on a conflict nothing is
overwritten and the winner is left beside the trace for them to look at.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class DistillOutcome:
    """What happened to the winner: committed (``change``), or why not (``message``)."""

    message: str
    change: dict[str, Any] | None = None
    merged: bool = False


def merge3(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Three-way merge of text (``git merge-file``): (merged text, had conflicts)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(tmp) / name
            path.write_text(text)
            paths.append(str(path))
        done = subprocess.run(["git", "merge-file", "-p", *paths], capture_output=True, text=True)
    if done.returncode < 0 or done.returncode > 127:
        return ours, True
    return done.stdout, done.returncode != 0


def distill_winner(library, coder, goal, *, program: str, sources: dict[str, str], start_sha: str,
                   evidence: dict[str, Any], figures: str, model: str, keep_dir: Path) -> DistillOutcome:
    """Generalize ``program`` and commit it with the search's figures; never overwrite a person's edit,
    and never refine a skill that validated another goal or that the winner would break (as the loop).

    Args:
        sources: the text of the skills the search wrote from, by name (what the coder may refine).
        start_sha: the library commit the search evaluated against (the merge base).
        evidence: ``seeds``, ``success`` (``"4/4"``) and ``run`` for the coder and the trailers.
        figures: the ``Aspire-Search:`` trailer's value.
        keep_dir: where the winner is written when it cannot be committed.
    """
    from aspire_tui.agent.coder import CoderError
    from aspire_tui.agent.distill import destination, still_passes
    from aspire_tui.skills.library import LibraryError, SkillConflict

    try:
        distilled = coder.generalize(program, goal, evidence, sources)
    except CoderError as e:
        return DistillOutcome(f"not distilled: {e}")
    if distilled is None:
        return DistillOutcome("the library's skills already do this; nothing to commit")
    distilled, why_not = destination(library, distilled, goal)
    if distilled is None:
        return DistillOutcome(f"not kept: {why_not}")
    rel = f"skills/{distilled.name}.py"
    keep = Path(keep_dir) / f"{distilled.name}.py"

    def kept(why: str) -> DistillOutcome:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(distilled.source)
        return DistillOutcome(f"{why}; the winner is in {keep}")

    if library.repo.dirty_paths((rel,)):
        return kept(f"kept the uncommitted edits to {rel} (a person is editing it)")
    base = _text(library.repo.show(rel, start_sha))
    now = _text(library.repo.show(rel))
    source, change, merged = distilled.source, distilled.change, False
    if now != base:  # someone committed this skill while the search ran: merge, never overwrite
        source, conflict = merge3(base or "", distilled.source, now or "")
        if conflict:
            return kept(f"kept the person's edit of {rel}: the winner's change conflicts with it")
        change, merged = ("refine" if now is not None else change), True
    elif now is not None and change == "new":
        change = "refine"
    summary = distilled.summary + (" (merged with an edit made during the search)" if merged else "")
    why = f"Task: {goal.text}\nFound by evolutionary search: {figures}.\n{distilled.why}"
    if change == "refine":
        passes, earlier = still_passes(library, distilled.name, source, _run(library))
        if not passes:
            return kept(f"{distilled.name} was not refined: {earlier}")
        why += f"\nStill passes its earlier validation: {earlier}." if earlier else ""
    try:
        try:
            result = library.save(distilled.name, source, change=change, summary=summary, why=why,
                                  task=goal.family, run=evidence.get("run"), success=evidence.get("success"),
                                  model=model, trailers={"Aspire-Search": figures, "Aspire-Goal": goal.describe()})
        except SkillConflict:
            return kept(f"{rel} changed while committing; left as it is")
    except LibraryError as e:
        return kept(f"not committed: {e}")
    return DistillOutcome(f"{result.change} skill {result.name} ({result.sha[:8]})", result.to_dict(), merged)


def _run(library):
    """One episode on this machine's workers, for re-running a refinement on its skill's earlier seeds."""
    from aspire_tui.runner import run_program

    def run(program: str, scene, seed: int, skills_dir: Path):
        return run_program(program, scene, seed, skills_dir=skills_dir, runs_dir=library.runs_dir, keyframes=False)

    return run


def _text(data: bytes | None) -> str | None:
    return data.decode("utf-8", "replace") if data is not None else None
