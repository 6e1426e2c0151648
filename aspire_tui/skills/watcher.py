"""Watch a library for skills people save in their editors; check, commit and reindex them.

Editors save in many ways: in place, through a temp file renamed over the
original (atomic rename), by renaming the original to a backup first (vim),
several times a second. The watcher ignores temp and backup names, settles
each path until it has been quiet for ``debounce`` seconds, then hands the
batch to ``Library.commit_edits``: a valid edit is committed as the person
(``git config user.*``) and reindexed; an invalid one is reported and left
uncommitted, and its last committed version stays searchable.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR, is_skill_file
from aspire_tui.skills.library import Library, LibraryError

IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".part", ".aspire-tmp", "~")


@dataclass
class WatchEvent:
    """What the watcher did about one saved file."""

    kind: str  # committed | invalid | unchanged | error
    name: str
    path: str
    sha: str = ""
    message: str = ""
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.kind == "committed":
            return f"committed {self.path} ({self.sha[:8]})"
        if self.kind == "invalid":
            return f"not committed {self.path}: " + "; ".join(self.problems)
        return f"{self.kind} {self.path}: {self.message}".rstrip(": ")


def relevant(rel: str) -> bool:
    """Is this library-relative path a skill file (not an editor's temp or backup file)?"""
    name = rel.rsplit("/", 1)[-1]
    if name.endswith(IGNORED_SUFFIXES) or name == "4913" or name.startswith((".#", "#")):
        return False
    return is_skill_file(rel)


class SkillWatcher:
    """A watchdog observer plus a settling thread; ``start()``/``stop()`` or use as a context manager."""

    def __init__(self, root: str | Path, on_event: Callable[[WatchEvent], None] | None = None, *,
                 debounce: float = 0.4, embedding_model: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.on_event = on_event or (lambda event: None)
        self.debounce = debounce
        self.embedding_model = embedding_model
        self._pending: dict[str, float] = {}
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._observer = None
        self._thread: threading.Thread | None = None
        self._busy = False

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> "SkillWatcher":
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:  # noqa: D401 - watchdog callback
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                for raw in (getattr(event, "src_path", ""), getattr(event, "dest_path", "")):
                    if raw:
                        watcher.notice(raw)

        for folder in (SKILLS_DIR, LESSONS_DIR):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        self._observer = Observer()
        for folder in (SKILLS_DIR, LESSONS_DIR):
            self._observer.schedule(Handler(), str(self.root / folder), recursive=False)
        self._observer.start()
        self._thread = threading.Thread(target=self._run, name="aspire-skill-watcher", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=30)

    def __enter__(self) -> "SkillWatcher":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---------------------------------------------------------------- events

    def notice(self, path: str | Path) -> None:
        """Note that ``path`` changed (called from watchdog's thread, or by hand)."""
        try:
            rel = Path(path).resolve().relative_to(self.root).as_posix() if Path(path).is_absolute() \
                else Path(path).as_posix()
        except ValueError:
            return
        if not relevant(rel):
            return
        with self._cond:
            self._pending[rel] = time.monotonic()
            self._cond.notify_all()

    def idle(self) -> bool:
        """No change waiting and none being processed (for tests and clean shutdowns)."""
        with self._cond:
            return not self._pending and not self._busy

    def wait_idle(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.idle():
                return True
            time.sleep(0.05)
        return self.idle()

    def _run(self) -> None:
        library: Library | None = None
        try:
            while not self._stop.is_set():
                with self._cond:
                    now = time.monotonic()
                    ready = [p for p, t in self._pending.items() if now - t >= self.debounce]
                    if not ready:
                        waits = [self.debounce - (now - t) for t in self._pending.values()]
                        self._cond.wait(timeout=min(waits) if waits else 0.5)
                        continue
                    for p in ready:
                        del self._pending[p]
                    self._busy = True
                try:
                    if library is None:
                        library = Library.open(self.root, embedding_model=self.embedding_model, create=False)
                    self._process(library, sorted(ready))
                except Exception as e:  # noqa: BLE001 - the watcher must keep watching
                    for rel in ready:
                        self.on_event(WatchEvent("error", Path(rel).stem, rel, message=str(e)))
                finally:
                    with self._cond:
                        self._busy = False
        finally:
            if library is not None:
                library.close()

    def _process(self, library: Library, paths: list[str]) -> None:
        try:
            results = library.commit_edits(paths)
        except LibraryError as e:
            for rel in paths:
                self.on_event(WatchEvent("error", Path(rel).stem, rel, message=str(e)))
            return
        seen = set()
        for result in results:
            seen.add(result.path)
            if result.committed:
                self.on_event(WatchEvent("committed", result.name, result.path, sha=result.sha))
            else:
                self.on_event(WatchEvent("invalid", result.name, result.path,
                                         problems=[str(p) for p in result.problems]))
        for rel in paths:
            if rel not in seen:
                self.on_event(WatchEvent("unchanged", Path(rel).stem, rel, message="same as the last commit"))
