"""Recalling a run instead of repeating it: the same program, skills, scene and simulator give the same episode.

An episode is deterministic (`aspire_tui.runner.trace`: the same program, task
and seed give the same trace but for its ids and times), so a scene that this
exact program, with these exact skills, already passed or failed need not be
simulated again: its verdict is recalled, as a build tool reports a test
"(cached)". The key covers everything an episode depends on: the program, the
source of every skill it imports, the task (a family's name, a task file's
text, or a spec's every field), the seed, whether the worker fills ``ARGS``,
the call and time limits, and the simulator itself (every file of the `sim`
package, and pybullet's version). Only ``succeeded`` and ``failed`` runs are
kept: an error or a timeout may be the machine's. The keys live in
``runs/.recall.sqlite``; a run whose folder retention has deleted is run again,
and a broken key file is set aside and started afresh.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from aspire_tui.runner.trace import TRACE_FILE, Trace

RECALL_FILE = ".recall.sqlite"  # beside `.pruned`: a file of runs/, not a run
KEPT = ("succeeded", "failed")


@functools.cache
def simulator_fingerprint() -> str:
    """A hash of the simulator's own files and pybullet's version: a change to either forgets every verdict."""
    import sim
    from sim.bullet import p as pybullet  # imported quietly: pybullet prints its build time on fd 1

    # pybullet's build, named by its API version and its library's size (asking the package metadata for its
    # version scans site-packages: a tenth of a known task's wait before its first call)
    digest = hashlib.sha256(f"{pybullet.getAPIVersion()} {Path(pybullet.__file__).stat().st_size}".encode())
    root = Path(sim.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _task_identity(task: Any) -> str | None:
    """What the task is, in full: a task file's text, a spec's every field, a family's name; None if unknown."""
    from sim.taskspec import TaskSpec

    if isinstance(task, TaskSpec):
        return repr(task)
    path = Path(str(task))
    if isinstance(task, Path) or str(task).endswith(".toml"):
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None
    return f"family:{task}" if isinstance(task, str) else None


def run_key(source: str, skills: dict[str, str], task: Any, seed: int, limits: dict[str, Any]) -> str | None:
    """The key of one episode: every input it depends on, hashed; None when the task cannot be named exactly."""
    identity = _task_identity(task)
    if identity is None:
        return None
    parts = [simulator_fingerprint(), source, sorted(skills.items()), identity, int(seed), sorted(limits.items())]
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8", "surrogatepass")).hexdigest()


class Recall:
    """The verdicts of earlier runs in one ``runs/`` folder, by `run_key`."""

    def __init__(self, runs_dir: Path) -> None:
        self.runs_dir = Path(runs_dir)
        self.path = self.runs_dir / RECALL_FILE

    def _connect(self) -> sqlite3.Connection:
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, run_id TEXT NOT NULL)")
        return db

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        try:
            with contextlib.closing(self._connect()) as db, db:
                return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # busy past the timeout, or read-only: run afresh, remember nothing
            return []
        except sqlite3.DatabaseError:  # a broken file: set it aside; the runs themselves are untouched
            self.path.replace(self.path.with_suffix(".broken"))
            return []

    def find(self, key: str) -> Trace | None:
        """The trace of an earlier run with this key, or None (never run, or its folder is gone)."""
        rows = self._query("SELECT run_id FROM runs WHERE key = ?", (key,)) if self.path.exists() else []
        if not rows:
            return None
        path = self.runs_dir / rows[0][0] / TRACE_FILE
        try:
            trace = Trace.load(path)
        except (OSError, ValueError, TypeError):
            return None
        trace.recalled = True
        return trace if trace.outcome in KEPT else None

    def keep(self, key: str, trace: Trace) -> None:
        """Remember a finished run's verdict under its key (only a success or a failure)."""
        if trace.outcome in KEPT:
            self._query("INSERT OR REPLACE INTO runs (key, run_id) VALUES (?, ?)", (key, trace.run_id))
