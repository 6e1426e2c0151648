"""The zygote: a small, clean process that forks one program process per run.

Started by each simulation worker *before* the worker imports pybullet, as
``python -I -S zygote.py FD PATHS_JSON`` with a minimal environment, so a
program process inherits numpy, math, the proxy and `sim.errors`/`sim.types`
already imported (fork costs about a millisecond) and nothing else: no
simulator, no world, no trace, no secrets from the caller's environment.

Control messages on the SOCK_SEQPACKET socket FD (JSON; the worker is the
only peer):

- ``{"op": "spawn", "limits": {...}}`` with one fd attached (SCM_RIGHTS): fork
  a program process on that socket; reply ``{"op": "spawned", "pid": N}``.
- ``{"op": "kill", "pid": N}``: SIGKILL its process group, unless it was
  already reaped (so a recycled pid is never hit).
- the zygote sends ``{"op": "exit", "pid": N, "code": C}`` for each child it
  reaps (C as `os.waitstatus_to_exitcode`: negative for a signal).

The zygote dies with its worker (parent-death signal) and kills its children
when the worker closes the socket.
"""

from __future__ import annotations

import json
import os
import sys


def _prepare(paths: dict) -> None:
    sys.path[:0] = [p for p in paths.get("sys_path", []) if p not in sys.path]
    import math  # noqa: F401 - programs may import these; they must be loaded now
    import numpy
    import numpy.fft  # noqa: F401
    import numpy.linalg  # noqa: F401
    import numpy.polynomial  # noqa: F401
    import numpy.random  # noqa: F401

    numpy.random.default_rng(0).random(3)  # warm the bit generators
    import sim.errors  # noqa: F401
    import sim.types  # noqa: F401
    from aspire_tui.runner import protocol, proxy, sandbox  # noqa: F401


def main() -> None:
    import select
    import signal
    import socket

    fd = int(sys.argv[1])
    paths = json.loads(sys.argv[2])
    _prepare(paths)
    from aspire_tui.runner import proxy, sandbox

    sandbox.set_parent_death_signal()
    ctl = socket.socket(fileno=fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    me = os.getpid()
    children: set[int] = set()

    def tell(message: dict) -> None:
        try:
            ctl.send(json.dumps(message).encode())
        except OSError:
            _shutdown(children)

    def reap() -> None:
        while children:
            try:  # peek first: while the zombie holds its pid, its group id cannot be reused
                info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:
                return
            if info is None:
                return
            _kill_group(info.si_pid)  # anything it left in its group goes too
            pid, status = os.waitpid(info.si_pid, 0)
            children.discard(pid)
            tell({"op": "exit", "pid": pid, "code": os.waitstatus_to_exitcode(status)})

    tell({"op": "ready", "pid": me})
    while True:
        ready, _, _ = select.select([ctl, wake_r], [], [])
        if wake_r in ready:
            try:
                os.read(wake_r, 512)
            except BlockingIOError:
                pass
            reap()
        if ctl not in ready:
            continue
        try:
            data, fds, _, _ = socket.recv_fds(ctl, 65536, 4)
        except OSError:
            data, fds = b"", []
        if not data:
            _shutdown(children)
        try:
            message = json.loads(data)
        except ValueError:
            message = {}
        op = message.get("op")
        if op == "spawn" and len(fds) == 1:
            limits = sandbox.Limits.from_dict(message.get("limits") or {})
            pid = os.fork()
            if pid == 0:
                proxy.child_main(fds[0], limits, me)
            os.close(fds[0])
            children.add(pid)
            tell({"op": "spawned", "pid": pid})
        else:
            for extra in fds:
                os.close(extra)
            if op == "kill" and message.get("pid") in children:
                _kill_group(int(message["pid"]))


def _kill_group(pid: int) -> None:
    import signal

    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _shutdown(children: set[int]) -> None:
    for pid in children:
        _kill_group(pid)
    os._exit(0)


if __name__ == "__main__":
    main()
