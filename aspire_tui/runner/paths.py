"""Where runs are kept, and run ids."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

PRUNED_LOG = ".pruned"  # in runs/: the ids `retention.prune_runs` deleted, one a line


def default_home() -> Path:
    """``$ASPIRE_HOME``, else the user data directory (platformdirs) ``aspire``."""
    home = os.environ.get("ASPIRE_HOME")
    if home:
        return Path(home).expanduser().absolute()  # a relative one means from where aspire started
    import platformdirs

    return Path(platformdirs.user_data_dir("aspire", appauthor=False))


def default_runs_dir() -> Path:
    """``$ASPIRE_HOME/runs``, else ``<user data dir>/aspire/runs``."""
    return default_home() / "runs"


def new_run_id() -> str:
    """A sortable, unique id: ``20250101-120000-3fa9c2``."""
    return time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + "-" + secrets.token_hex(3)


class RunPruned(FileNotFoundError):
    """The run was there once and was pruned (see ``retention.py``); the message says so in one line."""


def find_run(run: str | Path, runs_dir: Path | None = None) -> Path:
    """The run folder for a run id, a run folder or a trace.json path.

    Raises:
        RunPruned: the run was pruned to keep ``runs/`` under its size limit (one line).
        FileNotFoundError: no such run (message is one line).
    """
    candidate = Path(run).expanduser()
    if candidate.is_file():
        return candidate.parent
    if (candidate / "trace.json").is_file():
        return candidate
    base = Path(runs_dir) if runs_dir is not None else default_runs_dir()
    if (base / str(run) / "trace.json").is_file():
        return base / str(run)
    prefix = str(run) and len(Path(str(run)).parts) == 1  # a path that is not there is no prefix of an id
    matches = sorted(p.parent for p in base.glob(f"{run}*/trace.json")) if prefix and base.is_dir() else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise FileNotFoundError(f"run {str(run)!r} is ambiguous: {len(matches)} runs in {base} start with it")
    from aspire_tui.runner.retention import pruned_note

    for folder in (candidate.parent, candidate.parent.parent, base):  # ``runs/<id>`` or ``runs/<id>/trace.json``
        if (folder / PRUNED_LOG).is_file():
            note = pruned_note(folder, run)
            if note:
                raise RunPruned(note)
    raise FileNotFoundError(f"no run {str(run)!r} (looked in {base})")
