"""Helpers for the runner tests: is a process alive, what did a program leave behind."""

from __future__ import annotations

import os

SECRET = "hunter2-not-for-programs"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def sandbox_processes() -> list[int]:
    """Pids of live processes under a sandbox uid (left-overs would be escapes).

    A program process still served by a live worker of another caller (a benchmark or
    another test session on the same machine) is that caller's run in progress, not a
    left-over of ours, and is not counted; any other one is.
    """
    from aspire_tui.runner.sandbox import SANDBOX_UID_BASE

    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                uid = next(int(line.split()[1]) for line in f if line.startswith("Uid:"))
        except (OSError, StopIteration, ValueError):
            continue
        if uid >= SANDBOX_UID_BASE and alive(int(entry)) and not _another_callers_run(int(entry)):
            found.append(int(entry))
    return found


def _parent(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(") ", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _another_callers_run(pid: int) -> bool:
    """``pid``'s parent is a zygote whose parent is a live simulation worker of a caller outside this process tree."""
    zygote = _parent(pid)
    worker = _parent(zygote)
    try:
        with open(f"/proc/{worker}/cmdline", "rb") as f:
            if b"aspire_tui.runner.worker" not in f.read():
                return False
    except OSError:
        return False
    caller = _parent(worker)
    while caller > 1:
        if caller == os.getpid():
            return False
        caller = _parent(caller)
    return True


def session_members(sid: int) -> list[int]:
    """Live pids whose session id is ``sid`` (what a program left behind)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return found
