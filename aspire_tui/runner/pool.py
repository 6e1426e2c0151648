"""The caller's side: a pool of warm simulation workers and `run_program`.

Three processes take part in a run (DESIGN.md, "Safety of generated code"):
this caller; a trusted simulation worker (`aspire_tui.runner.worker`, kept
warm here: pybullet imported, a world created); and a fresh, locked-down
program process per run, forked by the worker's zygote. The caller enforces a
hard deadline on the worker too: if the worker does not finish within the
wall-clock limit plus `HARD_GRACE` seconds it is killed and replaced, and the
run ends as ``timeout``. A worker that crashes is replaced the same way and
the run ends as ``error``; either way the trace keeps every record streamed
so far.

Live views pass ``on_frame`` (small camera frames while the robot moves) and
``stop`` (a `threading.Event`: once set, the run is cancelled at once: the
worker is signalled, ends the motion between two physics steps, kills the
program process, writes the trace and stays warm for the next task; a worker
that does not answer within `CANCEL_GRACE` is killed and a fresh one takes
its place). Without them a run costs exactly what it did before.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from pathlib import Path
from typing import Any, Callable

from aspire_tui.runner.check import check_program, skill_names
from aspire_tui.runner.paths import default_runs_dir, new_run_id
from aspire_tui.runner.recall import Recall, run_key
from aspire_tui.runner.threads import THREAD_ENV
from aspire_tui.runner.trace import CallRecord, Trace

HARD_GRACE = 1.8      # seconds past the program's limit before the worker itself is killed
SETUP_LIMIT = 60.0    # seconds for a worker to build an episode
START_LIMIT = 120.0   # seconds for a fresh worker to become ready
STOP_POLL = 0.02      # seconds between looks at a caller's stop event while a run is in flight
CANCEL_GRACE = 1.0    # seconds an interrupted worker has to end its run before it is killed instead
FRAME_RATE = 15.0     # live frames a second of wall time, when a caller asks for them (the app shows 15)
FRAME_SIZE = (160, 120)
# A watched run's simulated seconds a wall second, at most: an episode simulates far faster than real time,
# and the run a person watches live would flash by in a few frames
WATCH_PACE = 3.0
DEFAULT_MAX_WORKERS = 4  # the default pool's workers: one a CPU, at most this many (each ~100 MB)
ROOT = Path(__file__).resolve().parents[2]


class RunnerError(RuntimeError):
    """The runner could not run a program at all (no worker, bad options)."""


class Cancelled(Exception):
    """The caller's stop event was set: the run was cut short and its worker replaced."""


@dataclass
class LiveFrame:
    """One live camera frame: raw RGB bytes (row-major, 3 a pixel) during robot call ``call``."""

    run_id: str
    seed: int
    call: int
    width: int
    height: int
    rgb: bytes


@dataclass
class _Request:
    data: dict[str, Any]
    timeout: float
    run_dir: Path
    trace: Trace  # what the caller knows already; completed if the worker fails
    on_frame: Callable[[LiveFrame], None] | None = None
    stop: threading.Event | None = None


@dataclass
class _Worker:
    """One simulation worker process and its pipe."""

    options: dict[str, Any]
    proc: subprocess.Popen = field(init=False)
    conn: Connection = field(init=False)
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # PR_SET_PDEATHSIG fires when the creating *thread* ends; only tie the worker's life
        # to ours when that thread is the main one. Otherwise it ends on EOF of its pipe.
        self.options = {**self.options, "pdeathsig": threading.current_thread() is threading.main_thread(),
                        "parent": os.getpid()}
        ours, theirs = Pipe(duplex=True)
        env = {**os.environ, "PYTHONHASHSEED": "0", **THREAD_ENV}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aspire_tui.runner.worker", str(theirs.fileno()), json.dumps(self.options)],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.log, env=env, cwd=str(ROOT), start_new_session=True)
        theirs.close()
        self.conn = ours

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_ready(self, timeout: float = START_LIMIT) -> None:
        if self.info:
            return
        if not self.conn.poll(timeout):
            self.kill()
            raise RunnerError(f"the simulation worker did not start in {timeout:g} s")
        try:
            event = self.conn.recv()
        except (EOFError, OSError):
            reason = self.last_error()  # read before kill() closes the log
            self.kill()
            raise RunnerError(f"the simulation worker failed to start: {reason}") from None
        self.info = event[1]

    def started(self, timeout: float = START_LIMIT) -> bool:
        """Whether the worker is ready (or said so within ``timeout`` s), without taking its word, which
        `wait_ready` does in the thread that runs on it."""
        end = time.monotonic() + timeout
        while True:
            try:
                if self.info or self.conn.poll(min(0.05, max(end - time.monotonic(), 0))):
                    return True
            except (OSError, ValueError):  # killed meanwhile: its pipe is closed
                return False
            if self.proc.poll() is not None or time.monotonic() >= end:
                return False

    def last_error(self) -> str:
        """The last line the worker wrote to stderr (its crash message, if any)."""
        try:
            self.log.seek(0, os.SEEK_END)
            size = self.log.tell()
            self.log.seek(max(0, size - 4096))
            lines = [ln for ln in self.log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        except (OSError, ValueError):  # ValueError: the log is already closed
            return "no message"
        lines = [ln for ln in lines if not ln.startswith(("argv[", "b3Printf", "startThreads"))]
        return lines[-1].strip()[:300] if lines else "no message"

    def exit_reason(self) -> str:
        try:
            code = self.proc.wait(2)
        except subprocess.TimeoutExpired:
            self.kill()
            return "stopped answering"
        if code < 0:
            try:
                return f"crashed ({signal.Signals(-code).name})"
            except ValueError:
                return f"crashed (signal {-code})"
        return f"exited with status {code}: {self.last_error()}"

    def kill(self, wait: bool = True) -> None:
        """End the worker at once; ``wait`` for the system to take it down (a command that ends leaves that to
        the system: a worker's world takes tens of milliseconds to free)."""
        for fn in (lambda: os.killpg(self.proc.pid, signal.SIGKILL), self.proc.kill):
            try:
                fn()
            except OSError:
                pass
        if wait:
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.conn.close()
        self.log.close()

    def stop(self) -> None:
        try:
            self.conn.send(("stop",))
            self.proc.wait(3)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


class WorkerPool:
    """N warm simulation workers; `run` takes an idle one for each program run.

    Args:
        size: how many workers (and so how many runs at once).
        start: how many start now (default: all); the rest start when runs overlap.
        gui: open a pybullet GUI window per worker (needs a display).
        keyframe_size: width and height of each call's keyframe.
        warm_up: each worker, once idle, builds a scene of every built-in family, so that a later task's first
            scene is built warm (an app's pool, opened while a person types); a command that runs one task and
            ends has no later task to warm up for.
    """

    def __init__(self, size: int = 1, *, gui: bool = False, keyframe_size: tuple[int, int] = (160, 120),
                 start: int | None = None, warm_up: bool = True) -> None:
        if size < 1:
            raise RunnerError("a pool needs at least one worker")
        self.options = {"gui": gui, "warm_up": warm_up}
        self.size = size
        self.keyframe_size = keyframe_size
        self._lock = threading.Lock()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._wanted = 0  # runs asked for and not yet ended (`_grow`)
        self.workers: list[_Worker] = []
        self.closed = False
        for _ in range(size if start is None else min(max(start, 1), size)):
            self._add()

    def start(self, workers: int) -> None:
        """Have at least ``workers`` workers (at most `size`), starting the missing ones without waiting for
        them, one after another: each once the one before is ready. Workers that start together take the
        caller's core from it while it reads the words and writes the program (on two cores, three processes
        starting at once get two thirds of a core each), and the later workers are only wanted once the first
        one runs."""
        threading.Thread(target=self._start_in_turn, args=(workers,), name="aspire-worker-start",
                         daemon=True).start()

    def _start_in_turn(self, workers: int) -> None:
        while True:
            with self._lock:
                if self.closed or len(self.workers) >= min(workers, self.size):
                    return
                last = self.workers[-1] if self.workers else None
            if last is not None and not last.started():
                return  # it failed to start: the runs that want it replace it
            with self._lock:
                if self.closed or len(self.workers) >= min(workers, self.size):
                    return
                worker = _Worker(self.options)
                self.workers.append(worker)
            self._idle.put(worker)

    def _grow(self) -> None:
        """Count one more run wanted, and start a worker when more runs are wanted at once than there are
        workers and the pool has room (a pool made with ``start`` below ``size`` grows as runs overlap: one
        `aspire exec` never pays for a second). Runs that arrive together are counted, not the idle queue
        looked at, so two that both find the one idle worker still start a second."""
        with self._lock:
            self._wanted += 1
            if self.closed or self._wanted <= len(self.workers) or len(self.workers) >= self.size:
                return
            worker = _Worker(self.options)
            self.workers.append(worker)
        self._idle.put(worker)

    def _add(self) -> _Worker:
        worker = _Worker(self.options)
        with self._lock:
            self.workers.append(worker)
        self._idle.put(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self.workers:
                self.workers.remove(worker)
        if not self.closed:
            self._add()

    def warm(self, timeout: float = START_LIMIT) -> None:
        """Block until every worker is ready."""
        for worker in list(self.workers):
            worker.wait_ready(timeout)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self, wait: bool = True) -> None:
        """End every worker: asked to stop and waited for, or (``wait=False``, at exit, when no run is left
        to finish) ended at once, which spares a command the tenth of a second a worker takes to stop."""
        self.closed = True
        with self._lock:
            workers, self.workers = list(self.workers), []
        for worker in workers:
            if wait:
                worker.stop()
            else:
                worker.kill(wait=False)

    # -- one run ------------------------------------------------------------------
    def run(self, request: _Request, on_record: Callable[[CallRecord], None] | None = None) -> Trace:
        if self.closed:
            raise RunnerError("the worker pool is closed")
        self._grow()
        try:
            worker = self._take(request)
        except BaseException:
            with self._lock:
                self._wanted -= 1
            raise
        healthy = False
        try:
            worker.wait_ready()
            trace, healthy = self._drive(worker, request, on_record)
        finally:
            with self._lock:
                self._wanted -= 1
            if healthy:
                self._idle.put(worker)
            else:
                self._replace(worker)
        if trace is _CANCELLED:
            raise Cancelled("the run was interrupted")
        if isinstance(trace, tuple):
            _raise_task_error(*trace)
        return trace

    def _take(self, request: _Request) -> _Worker:
        """The next idle worker (waiting for one), unless the caller's stop is set or the pool closes."""
        while True:
            if request.stop is not None and request.stop.is_set():
                raise Cancelled("the run was interrupted before it started")
            try:
                return self._idle.get(timeout=1.0 if request.stop is None else STOP_POLL)
            except queue.Empty:
                if self.closed:
                    raise RunnerError("the worker pool is closed") from None

    @staticmethod
    def _poll(worker: _Worker, timeout: float, stop: threading.Event | None) -> bool:
        """Wait for the worker's next event; with a stop event, give up early once it is set."""
        if stop is None:
            return worker.conn.poll(timeout)
        end = time.monotonic() + timeout
        while not stop.is_set():
            if worker.conn.poll(min(STOP_POLL, max(end - time.monotonic(), 0))):
                return True
            if time.monotonic() >= end:
                return False
        return False

    def _drive(self, worker: _Worker, request: _Request,
               on_record: Callable[[CallRecord], None] | None) -> tuple[Any, bool]:
        trace = request.trace
        started = time.monotonic()
        deadline = started + SETUP_LIMIT
        program_started = False
        in_flight: tuple[int, str] | None = None
        try:
            worker.conn.send(("run", request.data))
        except OSError:
            return self._fail(trace, request, f"the simulation worker {worker.exit_reason()}", started), False
        while True:
            left = deadline - time.monotonic()
            try:
                ready = self._poll(worker, max(left, 0), request.stop)
            except OSError:
                ready = True
            if request.stop is not None and request.stop.is_set():
                if self._interrupt(worker, request, on_record):
                    return _CANCELLED, True  # it ended the run itself and stays warm for the next
                # it did not answer in time: killing it (and with it the program) always stops at once
                self._fail(trace, request, "interrupted by the caller", started)
                return _CANCELLED, False
            if not ready:
                if program_started:
                    reason = f"wall-clock limit of {request.timeout:g} s exceeded"
                    if in_flight:
                        reason += f" (the simulation did not return from call #{in_flight[0]} {in_flight[1]})"
                    return self._fail(trace, request, reason, started, outcome="timeout"), False
                return self._fail(trace, request, f"the simulation worker did not start the episode in "
                                  f"{SETUP_LIMIT:g} s", started), False
            try:
                event = worker.conn.recv()
            except (EOFError, OSError):
                reason = f"the simulation worker {worker.exit_reason()}"
                if in_flight:
                    reason += f" during call #{in_flight[0]} {in_flight[1]}"
                return self._fail(trace, request, reason, started), False
            kind = event[0]
            if kind == "started":
                trace.task, trace.instruction = event[1]["task"], event[1]["instruction"]
                program_started = True
                deadline = time.monotonic() + request.timeout + HARD_GRACE
            elif kind == "call":
                in_flight = (event[1], event[2])
            elif kind == "frame":
                if request.on_frame is not None:
                    request.on_frame(LiveFrame(trace.run_id, trace.seed, *event[1:]))
            elif kind == "record":
                record = CallRecord.from_dict(event[1])
                trace.records.append(record)
                in_flight = None
                if on_record is not None:
                    on_record(record)
            elif kind == "trace":
                result = Trace.from_dict(event[1])
                result.path = Path(event[2])
                return result, True
            elif kind == "task_error":
                return (event[1], event[2]), True  # the worker is fine; the caller's task is not

    @staticmethod
    def _interrupt(worker: _Worker, request: _Request, on_record: Callable[[CallRecord], None] | None) -> bool:
        """Ask the worker to end the run (SIGUSR1: between physics steps, or while it waits on the program)
        and read its events until the trace, within `CANCEL_GRACE`; True when it came (the worker is fine).

        The trace the worker wrote keeps every record, the interrupted call's too; the caller's copy
        (``request.trace``) gets the records that arrive meanwhile.
        """
        try:
            os.kill(worker.pid, signal.SIGUSR1)
        except OSError:
            return False
        end = time.monotonic() + CANCEL_GRACE
        try:
            while worker.conn.poll(max(end - time.monotonic(), 0)):
                event = worker.conn.recv()
                if event[0] == "record":
                    record = CallRecord.from_dict(event[1])
                    request.trace.records.append(record)
                    if on_record is not None:
                        on_record(record)
                elif event[0] == "trace":
                    saved = Trace.from_dict(event[1])
                    request.trace.outcome, request.trace.failure_reason = saved.outcome, saved.failure_reason
                    request.trace.path = Path(event[2])
                    return True
                elif event[0] == "task_error":
                    return True
        except (EOFError, OSError):
            return False
        return False

    def _fail(self, trace: Trace, request: _Request, reason: str, started: float,
              outcome: str = "error") -> Trace:
        trace.outcome, trace.failure_reason = outcome, reason
        trace.duration = round(time.monotonic() - started, 4)
        trace.save(request.run_dir)
        return trace


_CANCELLED = object()  # what `_drive` returns when the caller's stop event ended the run


class LiveRuns:
    """A pool whose runs stream live frames to ``on_frame`` and end at once when ``stop`` is set.

    Hand it wherever a `WorkerPool` goes (the agent loop passes its pool to every
    `run_program`), so each of those runs is live without threading the hooks through.
    """

    def __init__(self, pool: WorkerPool, *, on_frame: Callable[[LiveFrame], None] | None = None,
                 stop: threading.Event | None = None) -> None:
        self.pool, self.on_frame, self.stop = pool, on_frame, stop

    @property
    def keyframe_size(self) -> tuple[int, int]:
        return self.pool.keyframe_size

    @property
    def size(self) -> int:
        return self.pool.size

    def run(self, request: _Request, on_record: Callable[[CallRecord], None] | None = None) -> Trace:
        """`WorkerPool.run` with this view's hooks, unless the request names its own."""
        request.on_frame = request.on_frame or self.on_frame
        request.stop = request.stop or self.stop
        if request.on_frame is not None and not request.data["frame_rate"]:
            request.data["frame_rate"] = FRAME_RATE
        return self.pool.run(request, on_record)


def _raise_task_error(type_name: str, message: str) -> None:
    from sim import errors

    cls = getattr(errors, type_name, None)
    if not (isinstance(cls, type) and issubclass(cls, errors.TaskError)):
        cls = errors.TaskError
    raise cls(message)


_default: WorkerPool | None = None
_default_lock = threading.Lock()


def default_workers() -> int:
    """``$ASPIRE_WORKERS``, else one worker a CPU up to `DEFAULT_MAX_WORKERS` (validation seeds run at once)."""
    return max(1, int(os.environ.get("ASPIRE_WORKERS", "0") or 0) or min(os.cpu_count() or 1, DEFAULT_MAX_WORKERS))


def pool_size(pool: Any) -> int:
    """How many runs ``pool`` (a `WorkerPool`, a `LiveRuns`, or None for `default_pool`) takes at once."""
    return int(getattr(pool, "size", 0) or 0) or (default_pool().size if pool is None else 1)


def default_pool(warm_up: bool = True) -> WorkerPool:
    """The process-wide pool (`default_workers` workers), closed at exit; it stays warm across tasks.
    ``warm_up`` is for the pool made by this call (see `WorkerPool`)."""
    global _default
    with _default_lock:
        if _default is None or _default.closed:
            _default = WorkerPool(default_workers(), start=1, warm_up=warm_up)  # more start once runs overlap
            atexit.register(_default.close, wait=False)
        return _default


def start_default_pool(workers: int = 1) -> WorkerPool:
    """Start ``workers`` of the process-wide pool's workers now (at most its size), without waiting for them
    (a front end calls this when it opens, from any thread; a task through `start_task_workers`), so a task
    finds a warm simulation: no process start, pybullet import or world build."""
    pool = default_pool()
    pool.start(workers)
    return pool


def start_task_workers(validating: bool, warm_up: bool = True) -> WorkerPool:
    """Start the shared pool's workers a task will use, without waiting for them: all of them when it
    validates (its validation scenes run at once), else one. ``warm_up``: see `WorkerPool`."""
    pool = default_pool(warm_up)
    return start_default_pool(pool.size if validating else 1)


def _task_name(task: Any) -> str:
    if isinstance(task, Path) or str(task).endswith(".toml"):
        return Path(task).stem
    return str(getattr(task, "name", task))


def run_program(source: str, task: Any, seed: int, *, timeout: float = 60,
                skills_dir: Path | None = None, runs_dir: Path | None = None, keyframes: bool = True,
                pool: WorkerPool | None = None, check: bool = True,
                on_record: Callable[[CallRecord], None] | None = None,
                address_space: int = 2 << 30, max_calls: int = 5000, run_id: str | None = None,
                on_frame: Callable[[LiveFrame], None] | None = None, frame_rate: float = FRAME_RATE,
                frame_size: tuple[int, int] = FRAME_SIZE, stop: threading.Event | None = None,
                scene_args: bool = False, recall: bool = False, pace: float = 0.0) -> Trace:
    """Check a program, run it in the sandbox on (task, seed), and return its trace.

    Args:
        source: the program's text (defines ``run(robot)``).
        task: a family name, a path to a task ``.toml``, or a `sim.taskspec.TaskSpec`.
        seed: the scene seed.
        timeout: wall-clock limit for the program, in seconds.
        skills_dir: the library's ``skills/`` folder.
        runs_dir: where ``<run_id>/trace.json`` goes (default `default_runs_dir()`).
        keyframes: render a keyframe PNG after each call.
        pool: the workers to use (default: `default_pool()`).
        check: run the static check first. Only tests turn it off, to test the sandbox alone.
        on_record: called with each `CallRecord` as it happens (live views).
        address_space: the program process's RLIMIT_AS, in bytes.
        max_calls: end the run as ``error`` when the program makes more robot calls.
        run_id: the run's id (default: a new one); a live view that names it up front
            can find each record's keyframe under ``runs_dir/<run_id>/`` as it arrives.
        on_frame: called with each `LiveFrame` while the robot moves (off when None:
            then no frame is rendered at all).
        frame_rate: live frames a second of wall time, at most.
        frame_size: live frames' width and height.
        stop: once set, the run ends at once and `Cancelled` is raised (anything with ``is_set()``).
        scene_args: set the program's ``ARGS`` from the scene's own words in the worker, which builds the
            scene anyway (validation scenes: the caller builds none). The trace keeps the filled program;
            one whose ARGS do not fit the scene is ``rejected`` with a reason that starts with
            `aspire_tui.runner.program_args.ARGS_UNFIT`.
        recall: return the trace of an earlier run of exactly this episode (`aspire_tui.runner.recall`;
            its ``recalled`` is set) rather than simulate it again, and remember this run's verdict.
        pace: while live frames are sent, simulate at most this many seconds a wall second (0: as fast as it
            goes; `WATCH_PACE` for the run a person watches). Without frames it changes nothing.

    Returns:
        The `Trace`, already written to ``runs_dir/<run_id>/trace.json``.

    Raises:
        sim.errors.TaskError: the task or seed is not valid (one-line message).
        RunnerError: no simulation worker could be started.
        Cancelled: ``stop`` was set (the partial trace is still written).
    """
    if not isinstance(source, str):
        raise RunnerError("the program must be text")
    if not (0 < float(timeout) <= 24 * 3600):
        raise RunnerError(f"timeout must be between 0 and 86400 s, got {timeout}")
    # the worker runs in another folder: a relative path means the caller's working directory
    runs_dir = Path(runs_dir).absolute() if runs_dir is not None else default_runs_dir().absolute()
    if isinstance(task, Path):
        task = task.expanduser().absolute()
    elif isinstance(task, str) and task.endswith(".toml"):
        task = str(Path(task).expanduser().absolute())
    run_id = run_id or new_run_id()
    run_dir = runs_dir / run_id
    trace = Trace(run_id=run_id, task=_task_name(task), seed=int(seed), program=source,
                  program_hash=hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest(),
                  started_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    t0 = time.monotonic()
    report = check_program(source, skills_dir)
    if check and report.violations:
        trace.outcome = "rejected"
        trace.violations = [v.to_dict() for v in report.violations]
        first = report.violations[0]
        more = f" (and {len(report.violations) - 1} more)" if len(report.violations) > 1 else ""
        trace.failure_reason = f"{first}{more}"
        trace.duration = round(time.monotonic() - t0, 4)
        trace.save(run_dir)
        return trace
    skills = report.skills
    if not check and skills_dir is not None:  # also the skills the lenient scan finds
        for name in skill_names(source):
            path = Path(skills_dir) / f"{name}.py"
            if name not in skills and path.is_file():
                skills[name] = path.read_text(encoding="utf-8", errors="replace")
    limits = {"timeout": float(timeout), "max_calls": int(max_calls), "scene_args": bool(scene_args)}
    key = run_key(source, skills, task, seed, limits) if recall else None
    if key is not None and (earlier := Recall(runs_dir).find(key)) is not None:
        return earlier
    pool = pool or default_pool()
    data = {
        "run_id": run_id, "run_dir": str(run_dir), "source": source, "skills": skills,
        "task": task, "task_name": trace.task, "seed": int(seed), "timeout": float(timeout),
        "keyframes": bool(keyframes), "keyframe_size": list(pool.keyframe_size),
        "program_hash": trace.program_hash, "started_at": trace.started_at,
        "address_space": int(address_space), "max_calls": int(max_calls),
        "frame_rate": float(frame_rate) if on_frame is not None else 0.0, "frame_size": list(frame_size),
        "scene_args": bool(scene_args), "pace": float(pace),
    }
    trace = pool.run(_Request(data, float(timeout), run_dir, trace, on_frame, stop), on_record)
    if key is not None:
        Recall(runs_dir).keep(key, trace)
    return trace
