"""What the MCP server does, as plain functions over the library, the agent and the sandbox.

Each function is what one CLI command does, minus the printing: it calls the
same library functions (``aspire exec``'s `run_in_sandbox`, ``aspire tasks``'s
`task_rows`, ``aspire replay``'s `load_trace`, the loop's `understand` and
`run_task`) and fails with `ActionError`, whose message is the line the CLI
prints after ``Error:``. Nothing here knows MCP; ``server.py`` wires these to it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Callable, Iterator

MAX_IMAGES = 24  # keyframes one replay may return; a long run has hundreds


class ActionError(Exception):
    """An action cannot be done; the message is one line (the CLI's own, where the CLI has one)."""


@contextlib.contextmanager
def one_line() -> Iterator[None]:
    """Turn the errors the CLI turns into ``Error: ...`` into `ActionError` with the same words."""
    import click

    from aspire_tui.agent.budget import BudgetError
    from aspire_tui.agent.coder import CoderError
    from aspire_tui.agent.loop import AgentError
    from aspire_tui.skills.embeddings import EmbeddingError
    from aspire_tui.skills.errors import LibraryError
    from aspire_tui.skills.index import IndexProblem
    from aspire_tui.skills.lock import LockTimeout
    from aspire_tui.skills.repo import RepoError
    from sim.errors import TaskError

    try:
        yield
    except click.ClickException as e:
        raise ActionError(e.format_message()) from e
    except (LibraryError, RepoError, IndexProblem, EmbeddingError, LockTimeout, AgentError, CoderError,
            BudgetError, TaskError) as e:
        raise ActionError(str(e)) from e


@contextlib.contextmanager
def opened(library: str | None) -> Iterator[Any]:
    """The library (seeded on first use, as every command does), closed afterwards."""
    from aspire_tui.skills.library import Library

    with one_line():
        lib = Library.open(library)
    try:
        yield lib
    finally:
        lib.close()


def _scene(scene: str | None) -> str | None:
    from aspire_tui.cli import task_path  # a task file's path is made absolute as the CLI does

    return task_path(scene) or None


# ---------------------------------------------------------------- reading

def list_tasks(category: str | None = None, examples: int = 1) -> list[dict[str, Any]]:
    """The task families (as ``aspire tasks --json``)."""
    from aspire_tui.commands.tasks import task_rows

    with one_line():
        return task_rows(category, examples)


def search_skills(library: str | None, query: str, limit: int = 5, kind: str | None = None,
                  category: str | None = None, embodiment: str | None = None) -> dict[str, Any]:
    """Skills and lessons for words (as ``aspire skills search --json``)."""
    if not query.strip():
        raise ActionError("give words to search for")
    with opened(library) as lib, one_line():
        _refresh(lib)
        hits = lib.search(query, limit, kind=kind, category=category, embodiment=embodiment)
        return {"query": query, "results": [h.to_dict() for h in hits]}


def show_skill(library: str | None, name: str, log_limit: int = 10) -> dict[str, Any]:
    """A skill's or lesson's source, index row and history (``aspire skills show`` and ``log``)."""
    with opened(library) as lib, one_line():
        _refresh(lib, embed=False)
        rel = lib.path_of(name)
        return {"name": name, "path": rel, "row": lib.index.get(name) or {}, "source": lib.source(name),
                "log": [c.to_dict() for c in lib.log(name, log_limit)]}


def read_skill(library: str | None, folder: str, name: str) -> str:
    """The text of ``skills/NAME.py`` or ``lessons/NAME.md`` (a resource)."""
    with opened(library) as lib, one_line():
        rel = lib.path_of(name)
        if not rel.startswith(f"{folder}/"):
            raise ActionError(f"{name!r} is in {rel}, not in {folder}/")
        return lib.source(name)


def skill_files(library: str | None) -> list[dict[str, str]]:
    """Every program skill and lesson: name, kind, folder, description (the resources' list)."""
    with opened(library) as lib, one_line():
        _refresh(lib, embed=False)
        return [{"name": r["name"], "kind": r["kind"], "folder": r["path"].split("/")[0],
                 "description": r.get("description") or ""} for r in lib.index.all(None)]


def _refresh(lib, embed: bool = True) -> None:
    """Bring the index up to date unless another writer holds the library (then read it as it is)."""
    from aspire_tui.skills.lock import LockTimeout

    with contextlib.suppress(LockTimeout):
        lib.reindex(embed=embed, timeout=3)


# ---------------------------------------------------------------- the agent

def understand(instruction: str, scene: str | None = None, model: str | None = None) -> dict[str, Any]:
    """What the words are read as, and the scene they run on (``aspire run --dry-run``, nothing written)."""
    from aspire_tui.agent.events import goal_line
    from aspire_tui.agent.loop import understand as read

    with one_line():
        goal, spec = read(instruction, _scene(scene), model)
    text = goal.task_file
    if not text:  # a family or a task file of one's own: its file is the scene
        with contextlib.suppress(OSError, TypeError, ValueError):
            text = Path(spec.source).read_text(encoding="utf-8")
    data = goal.to_dict()
    return {"goal": data, "line": goal_line(data), "scene": spec.name, "task_file": text or ""}


def run_task(library: str | None, instruction: str, *, scene: str | None = None, seed: int | None = None,
             model: str | None = None, max_iterations: int = 10, validate: int = 5, timeout: float = 60.0,
             budget: str | None = None, emit: Callable[[Any], None] | None = None,
             stop: Any = None) -> dict[str, Any]:
    """Teach a task as ``aspire run`` does: write, run, repair, validate and keep a skill.

    Args:
        emit: called with each of the loop's events (progress).
        stop: a `threading.Event`; once set the loop ends its run and raises `aspire_tui.runner.Cancelled`.

    Returns:
        The outcome (``succeeded`` or ``failed``), its message, the program, the last run's id, and the
        commit when a skill was kept.
    """
    from aspire_tui.agent import events as ev
    from aspire_tui.agent.budget import Budget
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.agent.loop import run_task as loop_run_task, understand as read

    scene = _scene(scene)
    with one_line():
        limits = Budget.parse(budget, None)
        read(instruction, scene, model)  # bad words fail before anything heavy starts
        coder = coder_for(model)
    with opened(library) as lib, one_line():
        result = loop_run_task(instruction, coder=coder, library=lib, emit=emit or ev.ignore, scene=scene,
                               seed=seed, max_iterations=max_iterations, validate=validate, budget=limits,
                               timeout=timeout, model=model, stop=stop)
    data = result.to_dict()
    runs = data.get("runs") or []
    keep = ("success", "message", "program", "family", "seed", "iterations", "validated", "skill", "seconds")
    return {"outcome": "succeeded" if result.success else "failed", "run_id": runs[-1] if runs else None,
            "runs": runs, **{k: data.get(k) for k in keep}}


# ---------------------------------------------------------------- the sandbox

def execute_program(library: str | None, program: str, task: str, seed: int, timeout: float = 60.0,
                    on_record: Callable[[Any], None] | None = None, stop: Any = None) -> dict[str, Any]:
    """Run a program's text on (task, seed) in the sandbox, exactly as ``aspire exec`` does.

    Returns:
        The outcome, the run id, the compact trace summary a model is shown, the failing call (or None),
        the failed checks and static-check violations, and how ``ARGS`` were bound.
    """
    from aspire_tui.commands.exec_ import run_in_sandbox

    notes: list[str] = []
    with one_line():
        trace = run_in_sandbox(program, _scene(task), seed, timeout=timeout, library=library,
                               on_record=on_record, note=notes.append, stop=stop)
    failure = trace.failure
    return {"outcome": trace.outcome, "run_id": trace.run_id, "task": trace.task, "seed": trace.seed,
            "instruction": trace.instruction, "headline": trace.headline(), "summary": trace.summary(),
            "failing_call": failure.to_dict() if failure is not None else None,
            "failure_reason": trace.failure_reason,
            "failed_checks": [k for k, ok in trace.checks.items() if not ok], "violations": trace.violations,
            "notes": notes, "trace": str(trace.path) if trace.path else None}


def replay(library: str | None, run: str, max_images: int = 8) -> tuple[dict[str, Any], list[bytes]]:
    """A past run's records and up to ``max_images`` of its keyframes (PNG bytes), the failing call's first.

    Returns:
        (the run: outcome, headline, records, and which record each image shows; the images).
    """
    from aspire_tui.commands.replay import load_trace
    from aspire_tui.runner.trace import brief, clean_text

    with one_line():
        trace = load_trace(run, library)
    records = [{"index": r.index, "call": clean_text(r.signature(80)), "status": r.status,
                "result": None if r.error else clean_text(brief(r.result, 120)), "error": r.error,
                "where": r.where, "t_sim": r.t_sim, "held": r.held_object, "keyframe": r.keyframe}
               for r in trace.records]
    shown, images = [], []
    for r in _keyframe_order(trace, max(0, min(max_images, MAX_IMAGES))):
        data = _keyframe(trace, r.keyframe)
        if data is not None:
            shown.append(r.index)
            images.append(data)
    return ({"run_id": trace.run_id, "task": trace.task, "seed": trace.seed, "instruction": trace.instruction,
             "outcome": trace.outcome, "headline": trace.headline(), "failure_index": trace.failure_index,
             "checks": trace.checks, "records": records, "images_show_records": shown}, images)


def _keyframe_order(trace, n: int) -> list:
    """``n`` records with keyframes: the failing one first, then evenly spread over the run."""
    framed = [r for r in trace.records if r.keyframe]
    if n == 0 or not framed:
        return []
    first = [r for r in framed if r.index == trace.failure_index]
    rest = [r for r in framed if r not in first]
    step = max(1, len(rest) / max(1, n - len(first)))
    spread = [rest[int(i * step)] for i in range(min(len(rest), n - len(first)))]
    return first + sorted(spread, key=lambda r: r.index)


def _keyframe(trace, rel: str) -> bytes | None:
    """A keyframe's PNG bytes; only from inside the run's own folder (a trace file is not trusted)."""
    folder = trace.run_dir
    if folder is None:
        return None
    path = (folder / rel).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        return None
    data = path.read_bytes()
    return data if data.startswith(b"\x89PNG") else None


def to_text(data: Any) -> str:
    """JSON for a tool's answer (dates and paths as strings)."""
    return json.dumps(data, indent=1, ensure_ascii=False, default=str)
