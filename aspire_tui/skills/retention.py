"""Retention of a library's ``runs/``: which runs something refers to, and pruning the rest to a size.

The policy itself (sizes, order, the ``.pruned`` log that `aspire replay` reads) is
``aspire_tui.runner.retention``; this module adds what only the library knows: the runs that its
commits name (``Aspire-Run`` trailers, on every branch) and the runs that its saved conversations
(``.aspire/sessions/*.jsonl``, written by the app) name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aspire_tui.runner.retention import PruneReport, RetentionError, prune_runs
from aspire_tui.skills.layout import STATE_DIR

SESSIONS_DIR = "sessions"  # under STATE_DIR; the app's ``session.py`` writes one JSON-lines file per conversation
RUN_TRAILER = "Aspire-Run"
SIZES_CACHE = "run_sizes.json"  # under STATE_DIR: each finished run's size, so the check after a task is cheap
_TOKEN = re.compile(r"[\w.-]+")  # a run id is one; a path or JSON around it is not


def referenced_runs(root: str | Path) -> set[str]:
    """Every word of the library's ``Aspire-Run`` trailers and saved conversations: a superset of the run ids
    they name (run ids are looked up in it, never listed from it).

    Raises:
        RetentionError: the library's git history cannot be read (then nothing may be pruned).
    """
    root = Path(root)
    words: set[str] = set()
    if (root / ".git").exists():
        from aspire_tui.skills.repo import RepoError, SkillRepo

        try:
            for value in SkillRepo(root).trailer_values(RUN_TRAILER):
                words.update(_TOKEN.findall(value))
        except RepoError as e:
            raise RetentionError(f"{e}: no run was pruned") from e
    for path in sorted((root / STATE_DIR / SESSIONS_DIR).glob("*.jsonl")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise RetentionError(f"cannot read the saved conversation {path.name} ({e.strerror}): "
                                 "no run was pruned") from e
        words.update(_TOKEN.findall(text))
    return words


def prune_library_runs(root: str | Path, keep_mb: float | None = None, *, dry_run: bool = False) -> PruneReport:
    """Prune ``<root>/runs`` to ``keep_mb`` (default ``$ASPIRE_RUNS_KEEP_MB`` or 500), keeping every run a
    commit or a saved conversation of the library refers to.

    Raises:
        RetentionError: a bad limit, or unreadable references (nothing is deleted then).
    """
    root = Path(root)
    return prune_runs(root / "runs", keep_mb, lambda: referenced_runs(root), dry_run=dry_run,
                      sizes_cache=root / STATE_DIR / SIZES_CACHE)


def prune_after_task(library: Any) -> PruneReport | None:
    """The automatic prune at the end of a task: only a size check unless the runs are over the limit, and
    never an error (a task's result does not depend on it)."""
    root = getattr(library, "root", None)
    if root is None:
        return None
    try:
        return prune_library_runs(root)
    except Exception:  # noqa: BLE001 - a bad $ASPIRE_RUNS_KEEP_MB, a busy git: the next task tries again
        return None
