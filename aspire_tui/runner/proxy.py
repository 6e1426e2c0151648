"""The untrusted side: what runs inside the program process.

`child_main` is entered right after the zygote forks. It moves its socket to
fd 3, closes everything else, reads the program and the skill sources from
the worker, installs an in-memory importer for ``skills.*``, locks itself
down (`aspire_tui.runner.sandbox.lock_down`), and only then compiles and runs
the program with a `RobotProxy`. Every robot call becomes one JSON message to
the simulation worker; the reply is rebuilt into `sim.types` values or
re-raised as the `sim.errors` class it names. Nothing here is trusted by the
worker: it is the program's own process from the first line of program code.

Standard library, numpy and `sim.errors`/`sim.types` only (all imported by
the zygote before the fork, since nothing can be read from disk afterwards).
"""

from __future__ import annotations

import base64
import io
import linecache
import os
import signal
import sys
import time
import traceback
from importlib.machinery import BuiltinImporter, FrozenImporter, ModuleSpec
from typing import Any, NoReturn

import numpy as np

from aspire_tui.runner import protocol, sandbox
from sim.errors import RobotError
from sim.types import Detection, Pose

FD = 3
PROGRAM_FILE = "program.py"


class _Output(io.TextIOBase):
    """sys.stdout/sys.stderr of the program: kept in memory, capped, sent with each message."""

    def __init__(self, limit: int = protocol.MAX_OUT - 64) -> None:
        self.pending: list[str] = []
        self.left = limit

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        if not isinstance(s, str):
            raise TypeError("write() argument must be str")
        if self.left > 0:
            part = s[: self.left]
            self.pending.append(part)
            self.left -= len(part)
            if self.left <= 0:
                self.pending.append("\n[output truncated]\n")
        return len(s)

    def take(self) -> str:
        text = "".join(self.pending)
        self.pending.clear()
        return text


class _SkillLoader:
    """Imports ``skills`` and ``skills.<name>`` from sources held in memory."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if fullname == "skills":
            spec = ModuleSpec("skills", self, is_package=True)
            spec.submodule_search_locations = []
            return spec
        head, _, name = fullname.partition(".")
        if head == "skills" and name in self.sources:
            spec = ModuleSpec(fullname, self, origin=f"skills/{name}.py")
            spec.has_location = True
            return spec
        return None

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: Any) -> None:
        name = module.__name__.partition(".")[2]
        if not name:
            return
        filename = f"skills/{name}.py"
        module.__file__ = filename
        exec(compile(self.sources[name], filename, "exec", dont_inherit=True), module.__dict__)


def _plain(value: Any, depth: int = 0) -> Any:
    """Program values as JSON data for the wire (numpy scalars and arrays included)."""
    if depth > protocol.MAX_DEPTH:
        raise ValueError("argument nested too deeply")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        if value.size > protocol.MAX_ITEMS:
            raise ValueError(f"array argument with more than {protocol.MAX_ITEMS} items")
        return value.tolist()
    if isinstance(value, (list, tuple)):
        if len(value) > protocol.MAX_ITEMS:
            raise ValueError(f"list argument longer than {protocol.MAX_ITEMS} items")
        return [_plain(v, depth + 1) for v in value]
    raise TypeError(f"cannot send a {type(value).__name__} to the robot")


def decode(value: Any) -> Any:
    """Rebuild a value the worker encoded (see `aspire_tui.runner.protocol`)."""
    kind = value.get("kind")
    if kind == "value":
        return value.get("value")
    if kind == "list":
        return [decode(v) for v in value["items"]]
    if kind == "detection":
        return Detection.from_dict(value["value"])
    if kind == "pose":
        return Pose.from_dict(value["value"])
    if kind == "image":
        shape = tuple(int(n) for n in value["shape"])
        return np.frombuffer(base64.b64decode(value["data"]), dtype=np.uint8).reshape(shape).copy()
    raise RobotError(f"unreadable reply from the robot ({kind!r})")


class RobotProxy:
    """The robot a program holds: each call is sent to the simulation worker."""

    def __init__(self, calls: list[str], out: _Output, files: set[str]) -> None:
        self._calls = tuple(calls)
        self._out = out
        self._files = files

    def __dir__(self) -> list[str]:
        return list(self._calls)

    def __repr__(self) -> str:
        return "<robot>"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._calls:
            raise AttributeError(f"the robot has no call {name!r} (calls: {', '.join(self._calls)})")

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._call(name, args, kwargs)

        call.__name__ = call.__qualname__ = name
        return call

    def _where(self) -> str:
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename not in self._files:
            frame = frame.f_back
        return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame is not None else ""

    def _call(self, name: str, args: tuple, kwargs: dict) -> Any:
        message = {"op": "call", "name": name, "args": _plain(list(args)),
                   "kwargs": {str(k): _plain(v) for k, v in kwargs.items()},
                   "where": self._where(), "out": self._out.take()}
        try:
            protocol.send(FD, message)
        except ValueError as e:  # NaN or infinity in an argument
            self._out.pending.insert(0, message["out"])
            raise ValueError(f"robot.{name}: arguments must be finite numbers ({e})") from None
        try:
            reply = protocol.recv(FD, limit=protocol.MAX_TO_PROGRAM)
        except protocol.ProtocolError:
            os._exit(0)  # the worker is gone or ended the run; nothing left to do
        if reply.get("ok"):
            return decode(reply["value"])
        error = reply.get("error") or {}
        kind = reply.get("raise")
        if kind == "TypeError":
            raise TypeError(error.get("message", ""))
        if kind == "ValueError":
            raise ValueError(error.get("message", ""))
        raise RobotError.from_dict(error)


def _location(tb: Any, files: set[str]) -> str:
    where = ""
    for frame in traceback.extract_tb(tb):
        if frame.filename in files:
            where = f"{frame.filename}:{frame.lineno}"
    return where


def _report(exc: BaseException, out: _Output, files: set[str]) -> dict[str, Any]:
    try:
        message = str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not stop the report
        message = "<unprintable>"
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename in files]
        tb = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(exc), exc))
    except BaseException:  # noqa: BLE001
        tb = ""
    if isinstance(exc, SyntaxError) and exc.filename in files:
        where = f"{exc.filename}:{exc.lineno}"
    else:
        where = _location(exc.__traceback__, files)
    return {"op": "raised", "type": type(exc).__name__[:100], "message": message[: protocol.MAX_STR],
            "where": where, "traceback": tb[-8000:], "robot_error": isinstance(exc, RobotError),
            "out": out.take()}


def _run(start: dict[str, Any], out: _Output) -> dict[str, Any]:
    program = start["program"]
    skills = {str(k): str(v) for k, v in start.get("skills", {}).items()}
    files = {PROGRAM_FILE} | {f"skills/{name}.py" for name in skills}
    for filename, text in [(PROGRAM_FILE, program)] + [(f"skills/{n}.py", t) for n, t in skills.items()]:
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    robot = RobotProxy(list(start["calls"]), out, files)
    sys.meta_path[:] = [_SkillLoader(skills), BuiltinImporter, FrozenImporter]
    for name in [m for m in sys.modules if m == "skills" or m.startswith("skills.")]:
        del sys.modules[name]
    try:
        namespace: dict[str, Any] = {"__name__": "program", "__file__": PROGRAM_FILE}
        exec(compile(program, PROGRAM_FILE, "exec", dont_inherit=True), namespace)
        run = namespace.get("run")
        if not callable(run):
            raise NameError("the program defines no run(robot)")
        run(robot)
    except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
        return _report(exc, out, files)
    return {"op": "done", "out": out.take()}


def child_main(sock_fd: int, limits: sandbox.Limits, zygote_pid: int) -> NoReturn:
    """Become the program process; never returns."""
    code = 70
    try:
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        os.setsid()
        sandbox.isolate_fds(sock_fd)
        start = protocol.recv(FD, limit=protocol.MAX_TO_PROGRAM, deadline=time.monotonic() + 60)
        if start.get("op") != "start":
            os._exit(code)
        out = _Output()
        sys.stdout = sys.stderr = out
        sys.stdin = io.StringIO("")
        try:
            report = sandbox.lock_down(limits, zygote_pid)
        except sandbox.SandboxError as e:
            protocol.send(FD, {"op": "raised", "type": "SandboxError", "message": str(e)[:500],
                               "where": "", "traceback": "", "robot_error": False, "out": ""})
            os._exit(code)
        protocol.send(FD, {"op": "hello", "sandbox": report.active, "skipped": report.skipped})
        final = _run(start, out)
        try:
            protocol.send(FD, final)
        except (ValueError, TypeError):
            protocol.send(FD, {"op": final["op"], "out": ""})
        code = 0
    except BaseException:  # noqa: BLE001 - the process ends here whatever happened
        pass
    os._exit(code)
