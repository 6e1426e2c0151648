"""How much of ``runs/`` is kept: the runs something refers to, and the newest others up to a size.

A run is one folder, ``runs/<run_id>/`` (``trace.json`` and keyframes). Pruning keeps:

- every run named in ``keep`` (the caller knows which: a skill commit's ``Aspire-Run`` trailer or a saved
  conversation names it), and every run still being written (no ``trace.json`` yet, touched within the
  last hour);
- then the newest other runs while all kept runs together stay under the limit.

The rest go, oldest first. Each pruned id is appended to ``runs/.pruned`` first, so that `find_run` can say
that a run was pruned rather than that it never was. Other entries of ``runs/`` (``evolve/``, files) are
neither counted nor touched. Nothing is read beyond the folder sizes unless the runs are over the limit.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from aspire_tui.runner.paths import PRUNED_LOG
from aspire_tui.runner.trace import TRACE_FILE

DEFAULT_KEEP_MB = 500.0
ENV_KEEP_MB = "ASPIRE_RUNS_KEEP_MB"
RUN_ID_RE = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}")  # `new_run_id`; a folder with a trace.json counts too
IN_PROGRESS_S = 3600.0  # a run folder without its trace.json, younger than this, is still being written
MB = 1_000_000


class RetentionError(ValueError):
    """A limit that cannot be used, or references that cannot be read; one line."""


@dataclass(frozen=True)
class RunFolder:
    run_id: str
    path: Path
    size: int          # bytes, every file in the folder
    mtime: float       # of its trace.json, else of the folder
    finished: bool     # it has its trace.json


@dataclass
class PruneReport:
    """What a prune did (or, with ``dry_run``, would do)."""

    limit_bytes: int
    before_bytes: int = 0
    after_bytes: int = 0
    kept: int = 0
    referenced: int = 0            # runs kept because something refers to them
    pruned: list[str] = field(default_factory=list)
    freed_bytes: int = 0
    dry_run: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        if self.before_bytes <= self.limit_bytes:
            return (f"runs/ holds {self.before_bytes / MB:.1f} MB in {self.kept} runs, under its limit of "
                    f"{self.limit_bytes / MB:g} MB: nothing to prune")
        verb = "would prune" if self.dry_run else "pruned"
        line = (f"{verb} {len(self.pruned)} run{'s' * (len(self.pruned) != 1)} ({self.freed_bytes / MB:.1f} MB); "
                f"runs/ {'would hold' if self.dry_run else 'holds'} {self.after_bytes / MB:.1f} MB of "
                f"{self.limit_bytes / MB:g} MB in {self.kept} runs, {self.referenced} of them kept because a "
                "commit or a saved conversation refers to them")
        if self.after_bytes > self.limit_bytes:
            line += " (those alone are over the limit)"
        return line


def keep_limit_mb(value: float | None = None) -> float:
    """The limit in MB: ``value``, else ``$ASPIRE_RUNS_KEEP_MB``, else 500."""
    if value is None:
        raw = os.environ.get(ENV_KEEP_MB, "").strip()
        if not raw:
            return DEFAULT_KEEP_MB
        try:
            value = float(raw)
        except ValueError:
            raise RetentionError(f"{ENV_KEEP_MB}={raw!r} is not a number of megabytes") from None
    if not value >= 0:  # also NaN
        raise RetentionError(f"the runs/ limit must be 0 MB or more, not {value}")
    return float(value)


def folder_size(path: Path) -> tuple[int, float]:
    """Bytes in every file under ``path`` (files that vanish meanwhile count 0), and the newest mtime there
    (a run being written adds keyframes to ``frames/``, not to its own folder)."""
    total, newest = 0, 0.0
    stack = [path]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    try:
                        st = entry.stat(follow_symlinks=False)
                        newest = max(newest, st.st_mtime)
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(Path(entry.path))
                        else:
                            total += st.st_size
                    except OSError:
                        pass
        except OSError:
            pass
    return total, newest


def scan_runs(runs_dir: Path, sizes_cache: Path | None = None) -> list[RunFolder]:
    """The run folders in ``runs_dir``, newest first.

    Args:
        sizes_cache: a JSON file (outside ``runs/``) that keeps each finished run's size under its trace's
            mtime, so that the check after a task costs one ``stat`` per run rather than a walk of every
            keyframe (13,000 runs: 0.15 s instead of 0.8 s here).
    """
    runs = []
    try:
        entries = list(os.scandir(runs_dir))
    except OSError:
        return []
    cache: dict = {}
    if sizes_cache is not None:
        with contextlib.suppress(OSError, ValueError):
            cache = json.loads(Path(sizes_cache).read_text(encoding="utf-8"))
        if not isinstance(cache, dict):
            cache = {}
    fresh: dict[str, list[float]] = {}
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        try:
            mtime = (path / TRACE_FILE).stat().st_mtime
            finished = True
        except OSError:
            if not RUN_ID_RE.match(entry.name):
                continue  # not a run: evolve/, search-runs/, ...
            try:
                mtime, finished = entry.stat().st_mtime, False
            except OSError:
                continue
        known = cache.get(entry.name)
        if finished and isinstance(known, list) and len(known) == 2 and known[0] == mtime:
            size = int(known[1])
        else:
            size, newest = folder_size(path)
            if not finished:
                mtime = max(mtime, newest)
        if finished:
            fresh[entry.name] = [mtime, size]
        runs.append(RunFolder(entry.name, path, size, mtime, finished))
    if sizes_cache is not None and fresh != cache:
        with contextlib.suppress(OSError):  # a cache that cannot be written costs the next check a walk
            sizes_cache = Path(sizes_cache)
            tmp = sizes_cache.with_name(f"{sizes_cache.name}.{os.getpid()}.tmp")
            sizes_cache.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(fresh), encoding="utf-8")
            os.replace(tmp, sizes_cache)
    runs.sort(key=lambda r: (r.mtime, r.run_id), reverse=True)
    return runs


def prune_runs(runs_dir: str | Path, limit_mb: float | None = None,
               keep: Iterable[str] | Callable[[], Iterable[str]] = (), *, dry_run: bool = False,
               sizes_cache: Path | None = None, now: float | None = None) -> PruneReport:
    """Delete the runs that fall outside the policy above.

    Args:
        limit_mb: the size kept (default: `keep_limit_mb()`).
        keep: run ids that must stay, or a function that gives them: it is called only when the runs are
            over the limit (reading them may cost a ``git log``).
        dry_run: say what would go; delete nothing.
        sizes_cache: see `scan_runs`. Nothing is written into ``runs/`` unless a run is pruned.

    Raises:
        RetentionError: the limit is not usable, or ``keep`` raised it (nothing is deleted then).
    """
    runs_dir = Path(runs_dir)
    limit = int(keep_limit_mb(limit_mb) * MB)
    now = time.time() if now is None else now
    runs = scan_runs(runs_dir, sizes_cache)
    report = PruneReport(limit_bytes=limit, dry_run=dry_run)
    report.before_bytes = report.after_bytes = sum(r.size for r in runs)
    report.kept = len(runs)
    if report.before_bytes <= limit:
        return report
    wanted = set(keep() if callable(keep) else keep)
    pinned = {r.run_id for r in runs if r.run_id in wanted or (not r.finished and now - r.mtime < IN_PROGRESS_S)}
    report.referenced = sum(r.run_id in wanted for r in runs)
    used = sum(r.size for r in runs if r.run_id in pinned)
    doomed: list[RunFolder] = []
    for run in runs:  # newest first; once one does not fit, no older one is kept ahead of it
        if run.run_id in pinned:
            continue
        if not doomed and used + run.size <= limit:
            used += run.size
        else:
            doomed.append(run)
    report.pruned = [r.run_id for r in reversed(doomed)]
    report.freed_bytes = sum(r.size for r in doomed)
    report.after_bytes = report.before_bytes - report.freed_bytes
    report.kept = len(runs) - len(doomed)
    if dry_run or not doomed:
        return report
    _clear_leftovers(runs_dir)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
    with (runs_dir / PRUNED_LOG).open("a", encoding="utf-8") as log:
        log.writelines(f"{r.run_id}\t{stamp}\t{report.limit_bytes / MB:g}\n" for r in reversed(doomed))
    for run in reversed(doomed):
        _remove(run.path)
    return report


def _remove(path: Path) -> None:
    """Take the folder out of sight in one step (a rename), then delete it; a crash between leaves a
    ``.pruning-*`` folder that the next prune deletes."""
    gone = path.with_name(f".pruning-{path.name}")
    try:
        os.replace(path, gone)
    except OSError:
        return  # another prune took it
    shutil.rmtree(gone, ignore_errors=True)


def _clear_leftovers(runs_dir: Path) -> None:
    for leftover in runs_dir.glob(".pruning-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def pruned_note(runs_dir: Path, run: str | Path) -> str | None:
    """One line saying that ``run`` (an id, a prefix of one, or its folder) was pruned, or None."""
    name = Path(run).name
    if name == TRACE_FILE:
        name = Path(run).parent.name
    if not name:
        return None
    try:
        lines = (Path(runs_dir) / PRUNED_LOG).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    when: dict[str, list[str]] = {}
    for line in lines:
        run_id, *rest = line.split("\t")
        if run_id.startswith(name):
            when[run_id] = rest
    if len(when) != 1:
        return None
    run_id, rest = next(iter(when.items()))
    stamp, limit = (rest + ["", ""])[:2]
    return (f"run {run_id} was pruned{' on ' + stamp[:10] if stamp else ''}: {runs_dir} keeps the runs that "
            f"commits and saved conversations name, and the newest others up to {limit or '?'} MB; "
            "its trace is gone")
