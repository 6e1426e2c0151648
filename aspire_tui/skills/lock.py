"""One writer at a time for a library: a lock that survives crashes.

``WriterLock`` is an ``flock`` on ``<library>/.aspire/write.lock``: the kernel
drops it when its holder dies (even by SIGKILL), so a crash never wedges the
library. The file also holds who took it (pid, host, purpose, time); the holder
blanks it on release, so the next writer that finds it non-blank knows the
last one died mid-write and runs recovery (``stale`` is then true). Threads
of one process share the lock re-entrantly (the CLI, the TUI and the watcher
may live in one process).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockTimeout(Exception):
    """Another writer held the library for longer than we were willing to wait."""


_process_locks: dict[str, threading.RLock] = {}
_process_state: dict[str, dict[str, Any]] = {}
_guard = threading.Lock()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WriterLock:
    """Context manager: ``with WriterLock(lib_dir / ".aspire" / "write.lock", "commit"):``."""

    def __init__(self, path: str | Path, purpose: str = "write", timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.purpose = purpose
        self.timeout = timeout
        self.stale: dict[str, Any] | None = None
        key = str(self.path.resolve())
        with _guard:
            self._rlock = _process_locks.setdefault(key, threading.RLock())
            self._state = _process_state.setdefault(key, {"depth": 0, "fd": None, "stale": None})

    def __enter__(self) -> "WriterLock":
        if not self._rlock.acquire(timeout=self.timeout):
            raise LockTimeout(f"the library is busy in this process ({self.purpose}); gave up after "
                              f"{self.timeout:.0f}s")
        try:
            if self._state["depth"] == 0:
                self._state["fd"] = self._acquire_file()
            self._state["depth"] += 1
            self.stale = self._state["stale"]
        except BaseException:
            self._rlock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._state["depth"] -= 1
            if self._state["depth"] == 0:
                fd = self._state["fd"]
                self._state["fd"] = None
                self._state["stale"] = None
                if fd is not None:
                    os.ftruncate(fd, 0)
                    if fcntl is not None:
                        fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
                if fcntl is None:
                    self.path.unlink(missing_ok=True)
        finally:
            self._rlock.release()

    def _acquire_file(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            fd = self._try_once()
            if fd is not None:
                break
            if time.monotonic() >= deadline:
                raise LockTimeout(f"the library is locked by {describe_holder(self.path)}; "
                                  f"gave up after {self.timeout:.0f}s")
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        previous = _read_holder_fd(fd)
        self._state["stale"] = previous or None
        info = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": self.purpose,
                "since": time.strftime("%Y-%m-%dT%H:%M:%S")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        os.fsync(fd)
        return fd

    def _try_once(self) -> int | None:
        if fcntl is not None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return None
            return fd
        # Fallback without flock: O_EXCL file, broken when its pid is gone.
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(self.path)
            if holder and holder.get("host") == socket.gethostname() and not _pid_alive(int(holder["pid"])):
                self.path.unlink(missing_ok=True)
            return None


def _read_holder_fd(fd: int) -> dict[str, Any]:
    data = os.pread(fd, 4096, 0)
    if not data.strip():
        return {}
    try:
        return json.loads(data.decode("utf-8", "replace"))
    except ValueError:
        return {"pid": 0, "purpose": "unknown"}


def read_holder(path: str | Path) -> dict[str, Any]:
    """Who holds (or last held, if it died) the lock; {} when free."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    if not data.strip():
        return {}
    try:
        return json.loads(data.decode("utf-8", "replace"))
    except ValueError:
        return {}


def describe_holder(path: str | Path) -> str:
    holder = read_holder(path)
    if not holder:
        return "another process"
    alive = holder.get("host") != socket.gethostname() or _pid_alive(int(holder.get("pid", 0)))
    state = "" if alive else " (not running any more)"
    return f"pid {holder.get('pid')} ({holder.get('purpose')}, since {holder.get('since')}){state}"
