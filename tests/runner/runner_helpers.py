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
    """Pids of live processes under a sandbox uid (left-overs would be escapes)."""
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
        if uid >= SANDBOX_UID_BASE and alive(int(entry)):
            found.append(int(entry))
    return found


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
