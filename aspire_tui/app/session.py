"""Conversations kept as JSON lines in the library's state folder (``<library>/.aspire/sessions/``, ignored by
its git), so ``aspire -c`` and ``--resume`` restore the conversations held about that library.

One file per conversation, one entry a line, appended as things happen (a crash
loses nothing before it): ``{"kind": "settings", ...}`` when model, scene or
seed change, ``{"kind": "task", "text": ...}`` for each task typed,
``{"kind": "event", "event": {...}}`` for each loop event (the same dicts
``aspire run --json`` prints; live frames are left out) and ``{"kind": "note",
"text": ..., "severity": ...}`` for what commands and errors said. Runs
themselves stay in the library's ``runs/``; events name them by id and path.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aspire_tui.runner.paths import new_run_id
from aspire_tui.skills.layout import STATE_DIR

SESSIONS_DIR = "sessions"


def state_dir(library: str | None) -> Path:
    """Where the app keeps its state (sessions, input history) for a library (None: the default library).

    Inside the library's own state folder: nothing is written outside it (an empty
    folder left elsewhere would stop a library being created there later), and its
    git ignores it.
    """
    from aspire_tui.skills.layout import default_library_path

    return (Path(library).expanduser() if library else default_library_path()) / STATE_DIR


@dataclass
class SessionInfo:
    """What the resume list shows of a saved session."""

    path: Path
    title: str      # the first task typed
    tasks: int
    entries: int

    @property
    def id(self) -> str:
        return self.path.stem


class Session:
    """One conversation's file; `add` is safe from the loop's thread and the UI's alike."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def new(cls, state: Path) -> "Session":
        """A fresh session in the state folder ``state``; its file is created with its first entry."""
        return cls(Path(state) / SESSIONS_DIR / f"{new_run_id()}.jsonl")

    @property
    def id(self) -> str:
        return self.path.stem

    def add(self, kind: str, **data: Any) -> None:
        """Append one entry; a session that cannot be written never stops the app."""
        line = json.dumps({"kind": kind, **data}, default=str)
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(line + "\n")
            except OSError:
                pass

    def entries(self) -> list[dict[str, Any]]:
        """Every entry, oldest first; a torn last line (the app was killed mid-write) is skipped."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        out = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and "kind" in entry:
                out.append(entry)
        return out

    def info(self) -> SessionInfo:
        entries = self.entries()
        tasks = [e.get("text", "") for e in entries if e["kind"] == "task"]
        return SessionInfo(self.path, tasks[0] if tasks else "(no task)", len(tasks), len(entries))


def list_sessions(state: Path) -> list[Session]:
    """The sessions saved in the state folder ``state``, newest first (ids sort by time)."""
    folder = Path(state) / SESSIONS_DIR
    if not folder.is_dir():
        return []
    return [Session(p) for p in sorted(folder.glob("*.jsonl"), reverse=True)]
