"""The trusted simulation worker: owns a world, serves robot calls, writes traces.

Started by `aspire_tui.runner.pool.WorkerPool` as ``python -m
aspire_tui.runner.worker FD OPTIONS_JSON``. Before importing pybullet it
starts its zygote (`aspire_tui.runner.zygote`), then creates one
`sim.World` and says ``("ready", info)``. For each ``("run", request)`` from
the pool it asks the zygote for a fresh program process, builds the episode
(`sim.make_episode(task, seed, world=world)`), sends the program its
sources, and then serves the program's robot calls: each call is validated,
executed on the episode's robot, recorded as a `CallRecord` with a keyframe,
and answered. At the end it judges success with ``episode.evaluate()`` and
writes ``trace.json``. Events go back to the pool as they happen:
``("started", info)``, ``("call", index, name)``, ``("record", dict)``,
``("trace", dict, path)``, or ``("task_error", type, message)``. When the
request asks for live frames (``frame_rate`` > 0), motions also send
``("frame", call_index, width, height, rgb_bytes)`` at most ``frame_rate``
times a second of wall time (a first one as soon as the scene is built, and
none while nothing moves). Keyframes are rendered only when the scene changed
since the last one; a call that moved nothing shares its picture.

``SIGUSR1`` during a run (the pool's stop: Esc in the app, or an earlier seed
of a batch that failed) ends it early: the motion stops between two physics
steps, the call in progress keeps its record (error ``Interrupted``), the
program process is killed and the trace is written as ``error``,
"interrupted by the caller". The worker stays warm for the next run.

The pool channel is trusted on both ends (multiprocessing's pickling
Connection); the program channel is not (JSON, see `protocol`).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aspire_tui.runner import protocol, sandbox
from aspire_tui.runner.threads import THREAD_ENV
from aspire_tui.runner.trace import CallRecord, Trace

ZYGOTE = Path(__file__).with_name("zygote.py")
# Calls that only read the robot's state: their keyframe is the previous call's (rendering it
# again would cost a frame per poll, which is most of a navigation program's calls).
STILL_CALLS = frozenset({"get_base_pose", "get_ee_pose", "get_joint_angles", "gripper_width", "workspace"})
MAX_CALLS = 5000  # robot calls per run; each one is a record and a keyframe
# A folder: when set in the worker's environment, each run's CPU profile (cProfile on a CPU-time clock) is
# written there as ``<run_id>.prof``; bench/speed.py reads them for its per-episode breakdown.
PROFILE_ENV = "ASPIRE_WORKER_PROFILE"
# A worker warms up (when its pool asks it to) only once no run has come for this long: a caller that sends
# its first run within a second of starting the pool would otherwise share the CPU with building every
# family's scene; the app's pool, opened while a person types, still warms up.
WARM_UP_AFTER = 1.0


class ZygoteGone(RuntimeError):
    """The zygote died or stopped answering."""


class Interrupted(BaseException):
    """The pool asked (SIGUSR1) to end the run now. A BaseException, so that the ``except Exception``
    around each robot call lets it through instead of recording it as the simulator's bug."""


def _roots() -> list[str]:
    import numpy

    import aspire_tui
    import sim

    roots = [str(Path(aspire_tui.__file__).resolve().parent.parent),
             str(Path(sim.__file__).resolve().parent.parent),
             str(Path(numpy.__file__).resolve().parent.parent)]
    return list(dict.fromkeys(roots))


class Zygote:
    """Client for this worker's zygote process."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {"PATH": os.defpath, "LANG": "C.UTF-8", "PYTHONHASHSEED": "0", **THREAD_ENV}
        self.proc = subprocess.Popen(
            [sys.executable, "-s", "-S", "-P", "-B", str(ZYGOTE), str(theirs.fileno()),
             json.dumps({"sys_path": _roots()})],
            pass_fds=[theirs.fileno()], env=env, cwd="/", stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=None)
        theirs.close()
        self.sock = ours
        self.exits: dict[int, int] = {}
        self.ready = False

    def _recv(self, timeout: float) -> dict[str, Any] | None:
        ready, _, _ = select.select([self.sock], [], [], max(timeout, 0))
        if not ready:
            return None
        data = self.sock.recv(65536)
        if not data:
            raise ZygoteGone("the zygote exited")
        message = json.loads(data)
        if message.get("op") == "exit":
            self.exits[int(message["pid"])] = int(message["code"])
        return message

    def _expect(self, op: str, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            message = self._recv(deadline - time.monotonic())
            if message is None:
                raise ZygoteGone(f"the zygote did not answer {op!r} in {timeout:g} s")
            if message.get("op") == op:
                return message

    def wait_ready(self, timeout: float = 60) -> None:
        if not self.ready:
            self._expect("ready", timeout)
            self.ready = True

    def spawn(self, sock: socket.socket, limits: sandbox.Limits) -> int:
        self.wait_ready()
        message = json.dumps({"op": "spawn", "limits": limits.to_dict()}).encode()
        socket.send_fds(self.sock, [message], [sock.fileno()])
        return int(self._expect("spawned", 10)["pid"])

    def kill(self, pid: int) -> None:
        if pid not in self.exits:
            try:
                self.sock.send(json.dumps({"op": "kill", "pid": pid}).encode())
            except OSError:
                raise ZygoteGone("the zygote exited") from None

    def wait_exit(self, pid: int, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while pid not in self.exits:
            if self._recv(deadline - time.monotonic()) is None:
                return None
        return self.exits[pid]

    def forget(self, pid: int) -> None:
        self.exits.pop(pid, None)

    def close(self) -> None:
        self.sock.close()
        try:
            self.proc.wait(2)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@dataclass
class _Ending:
    kind: str  # done | raised | timeout | died | protocol | limit | interrupted
    info: dict[str, Any] = field(default_factory=dict)


_SIGNATURES: dict[tuple[type, str], inspect.Signature] = {}


def _signature(robot: type, name: str, call: Any) -> inspect.Signature:
    """A robot call's signature, read once for each kind of robot and call: every call's arguments are
    checked against it, and `inspect` reads a signature slowly."""
    key = (robot, name)
    if key not in _SIGNATURES:
        _SIGNATURES[key] = inspect.signature(call)
    return _SIGNATURES[key]


def encode_value(value: Any) -> dict[str, Any]:
    """A call result tagged for the proxy (see `protocol`)."""
    import base64

    import numpy as np

    import sim
    from sim.types import Detection, Pose

    if isinstance(value, np.ndarray) and value.dtype == np.uint8 and value.ndim == 3:
        data = np.ascontiguousarray(value)
        return {"kind": "image", "shape": list(data.shape), "data": base64.b64encode(data.tobytes()).decode()}
    if isinstance(value, Detection):
        return {"kind": "detection", "value": sim.to_jsonable(value)}
    if isinstance(value, Pose):
        return {"kind": "pose", "value": sim.to_jsonable(value)}
    if isinstance(value, (list, tuple)):
        return {"kind": "list", "items": [encode_value(v) for v in value]}
    return {"kind": "value", "value": sim.to_jsonable(value)}


def summarize_result(value: Any) -> Any:
    """What a record keeps of a result (an image is kept as its shape)."""
    import numpy as np

    import sim

    if isinstance(value, np.ndarray) and value.ndim == 3:
        return {"image": list(value.shape), "dtype": str(value.dtype)}
    return sim.to_jsonable(value)


def _as_json(value: Any) -> Any:
    """Plain JSON data (tuples become lists, as they will in trace.json)."""
    from aspire_tui.runner.trace import _jsonable

    return json.loads(json.dumps(value, default=_jsonable))


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class SimWorker:
    """One warm world and its zygote; runs one episode at a time."""

    def __init__(self, conn: Any, options: dict[str, Any]) -> None:
        self.conn = conn
        self.options = options
        self._call_index = 0
        # Esc ends a run by signalling the worker (`WorkerPool` sends SIGUSR1), which stays warm: the
        # handler only sets `_cancel`, and raises `Interrupted` itself only where waiting is all it
        # interrupts (`_wait_program`); a step listener raises it between physics steps.
        self._running = self._cancel = self._waiting = False
        self._pictured: tuple | None = None  # what the last keyframe of this run showed (`_scene_signature`)
        signal.signal(signal.SIGUSR1, self._on_interrupt)
        self.zygote = Zygote()  # before pybullet is imported: the zygote is a clean process
        import sim

        self.world = sim.World(gui=bool(options.get("gui")))

    def _warm_up(self, budget: float) -> None:
        """Build one episode of each built-in family (within ``budget`` s) so assets are cached.

        Runs after the worker said it is ready, and gives way to the first request: a run that arrives
        waits for one episode build at most, never for the whole warm-up."""
        import sim

        try:
            from sim.tasks import list_tasks

            tasks = list_tasks()
        except Exception:  # noqa: BLE001 - warming is an optimisation only
            return
        end = time.monotonic() + budget
        for spec in tasks:
            if time.monotonic() > end or self.conn.poll():
                break
            try:
                sim.make_episode(spec, 0, world=self.world)
            except Exception:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)

    def emit(self, *event: Any) -> None:
        self.conn.send(event)

    def _on_interrupt(self, signum: int, frame: Any) -> None:
        if not self._running:
            return  # between runs: nothing to end
        self._cancel = True
        if self._waiting:
            raise Interrupted()

    def _check_interrupt(self, world: Any) -> None:
        """A step listener: end the motion in progress once the run was interrupted."""
        if self._cancel:
            raise Interrupted()

    def serve_forever(self) -> None:
        self.zygote.wait_ready()
        self.emit("ready", {"pid": os.getpid(), "zygote": self.zygote.proc.pid, "probe": sandbox.probe()})
        if self.options.get("warm_up", True) and not self.conn.poll(WARM_UP_AFTER):
            self._warm_up(budget=1.5)
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                return
            if message[0] == "stop":
                return
            if message[0] == "run":
                try:
                    self.run(message[1])
                except (BrokenPipeError, ConnectionError, EOFError):
                    return  # the caller is gone (its program process was killed on the way out)

    def _restart_zygote(self) -> None:
        try:
            self.zygote.close()
        except OSError:
            pass
        self.zygote = Zygote()

    # -- one episode ---------------------------------------------------------
    def run(self, req: dict[str, Any]) -> None:
        """Run one episode for the pool's request, emitting its events (an interrupt ends it early)."""
        t_start = time.monotonic()
        self._cancel, self._running = False, True
        self._call_index = 0  # live frames before the first call (the scene as built) name call 0
        self._pictured = None
        profile = _start_profile()
        try:
            self._run(req, t_start)
        finally:
            self._running = False
            if profile is not None:
                profile.disable()
                profile.dump_stats(str(Path(os.environ[PROFILE_ENV]) / f"{req['run_id']}.prof"))

    def _run(self, req: dict[str, Any], t_start: float) -> None:
        from sim.errors import TaskError

        run_dir = Path(req["run_dir"])
        trace = Trace(run_id=req["run_id"], task=str(req["task_name"]), seed=int(req["seed"]),
                      program=req["source"], program_hash=req["program_hash"],
                      started_at=req["started_at"], skills={n: hashlib.sha256(s.encode()).hexdigest()
                                                            for n, s in req["skills"].items()})
        timeout = float(req["timeout"])
        limits = sandbox.Limits(cpu_seconds=int(timeout) + 2, address_space=int(req.get("address_space", 2 << 30)))
        ours, theirs = socket.socketpair()
        try:
            try:
                pid = self.zygote.spawn(theirs, limits)
            except (ZygoteGone, OSError, ValueError):
                self._restart_zygote()
                pid = self.zygote.spawn(theirs, limits)
        finally:
            theirs.close()
        try:
            try:
                import sim

                episode = sim.make_episode(req["task"], trace.seed, world=self.world)
            except TaskError as e:
                self.emit("task_error", type(e).__name__, str(e))
                return
            except Exception as e:  # noqa: BLE001 - a simulator bug is this run's error, not the worker's end
                traceback.print_exc(file=sys.stderr)
                trace.outcome = "error"
                trace.failure_reason = f"the simulation could not build the episode: {type(e).__name__}: {e}"[:500]
            else:
                trace.task, trace.instruction = episode.task.name, episode.instruction
                if not req.get("scene_args") or self._fill_args(episode, req, trace):
                    # (else rejected: the program never starts, and its process is killed below)
                    self.world.step_listeners.append(self._check_interrupt)
                    if float(req.get("frame_rate") or 0) > 0:
                        sender = self._frame_sender(episode, req)
                        sender(self.world)  # the scene as built: a live view has a picture before the first motion
                        self.world.step_listeners.append(sender)
                    ending = self._serve(episode, ours, pid, req, trace, timeout)
                    self._judge(episode, ending, trace, timeout, limits)
                    _write_world(episode, run_dir)
        finally:
            ours.close()
            try:
                self.zygote.kill(pid)
                if self.zygote.wait_exit(pid, 5.0) is None:
                    raise ZygoteGone("the program process was not reaped")
                self.zygote.forget(pid)
            except (ZygoteGone, OSError, ValueError):
                self._restart_zygote()
        trace.duration = round(time.monotonic() - t_start, 4)
        path = trace.save(run_dir)
        self.emit("trace", trace.to_dict(), str(path))

    @staticmethod
    def _fill_args(episode: Any, req: dict[str, Any], trace: Trace) -> bool:
        """Set the program's ``ARGS`` from this scene's words (``req["source"]`` and the trace change);
        False, with the trace ``rejected``, when they do not fit (the program is not general)."""
        from aspire_tui.runner.program_args import ARGS_UNFIT, slot_args, with_args

        try:
            source = with_args(req["source"], slot_args(episode))
        except (ValueError, KeyError, SyntaxError) as e:
            trace.outcome, trace.failure_reason = "rejected", f"{ARGS_UNFIT}: {e}"[:500]
            return False
        req["source"] = trace.program = source
        req["program_hash"] = trace.program_hash = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        return True

    def _frame_sender(self, episode: Any, req: dict[str, Any]) -> Any:
        """A step listener that renders and sends a small frame, rate-limited by wall time.

        The limit is on wall time, not simulated time, so a viewer gets a steady
        rate and the simulation pays one render per period however fast it runs.
        A scene that has not moved since the last frame is not rendered again (the
        viewer keeps showing the last one): a grasp closing on air, a pause. With a
        ``pace`` the listener also holds the simulation to that many simulated
        seconds a wall second, so a watched motion lasts long enough to be seen.
        """
        period = 1.0 / float(req["frame_rate"])
        width, height = (int(v) for v in req.get("frame_size", (160, 120)))
        next_at = 0.0
        shown: tuple | None = None
        pace, since = float(req.get("pace") or 0), [self.world.t_sim, time.monotonic()]

        def send_frame(world: Any) -> None:
            nonlocal next_at, shown
            now = time.monotonic()
            if pace > 0:  # a watched run: no faster than ``pace`` simulated seconds a wall second
                ahead = (world.t_sim - since[0]) / pace - (now - since[1])
                if ahead > 0.005:
                    time.sleep(min(ahead, 0.1))
                    now = time.monotonic()
                elif ahead < -0.05:  # behind (the program thinking between calls): no catching up in a rush
                    since[:] = [world.t_sim, now]
            if now < next_at:
                return
            next_at = now + period
            scene = _scene_signature(episode)
            if scene == shown:
                return
            shown = scene
            rgb = episode.render(width, height)
            self.emit("frame", self._call_index, width, height, rgb.tobytes())
            # the period counts from the send: a render slowed by a busy machine never makes a burst
            next_at = time.monotonic() + period
        return send_frame

    def _serve(self, episode: Any, sock: socket.socket, pid: int, req: dict[str, Any],
               trace: Trace, timeout: float) -> _Ending:
        from sim.robot import ROBOT_CALLS

        sock.setblocking(False)  # sends and receives below all carry a deadline
        fd = sock.fileno()
        calls = frozenset(ROBOT_CALLS)
        try:
            protocol.send(fd, {"op": "start", "program": req["source"], "skills": req["skills"],
                               "calls": list(ROBOT_CALLS)}, deadline=time.monotonic() + 30)
        except (OSError, protocol.Deadline):
            return self._died(pid, "before it could start")
        self.emit("started", {"task": trace.task, "instruction": trace.instruction})
        t0 = time.monotonic()
        deadline = t0 + timeout
        hello = False
        while True:
            if self._cancel:
                return _Ending("interrupted")
            self._waiting = True
            try:
                if self._cancel:  # set between the look above and `_waiting`
                    return _Ending("interrupted")
                self._wait_program(fd, deadline)
            except Interrupted:
                return _Ending("interrupted")
            finally:
                self._waiting = False
            try:
                raw = protocol.recv(fd, limit=protocol.MAX_FROM_PROGRAM, deadline=deadline)
                message = protocol.parse_request(raw, calls)
            except protocol.Deadline:
                return _Ending("timeout")
            except protocol.Closed:
                return self._died(pid, "before run() returned")
            except protocol.ProtocolError as e:
                return _Ending("protocol", {"reason": str(e)})
            except OSError as e:
                return _Ending("protocol", {"reason": f"connection error: {e.strerror}"})
            if message["out"] and len(trace.stdout) < protocol.MAX_OUT:
                trace.stdout = (trace.stdout + message["out"])[: protocol.MAX_OUT]
            op = message["op"]
            if not hello:
                if op == "raised" and message["type"] == "SandboxError":
                    return _Ending("raised", message)
                if op != "hello":
                    return _Ending("protocol", {"reason": "the program spoke before its sandbox was ready"})
                hello = True
                trace.sandbox = message["sandbox"]
                continue
            if op == "call":
                if len(trace.records) >= int(req.get("max_calls", MAX_CALLS)):
                    return _Ending("limit", {"reason": f"the program made more than "
                                                       f"{len(trace.records)} robot calls"})
                reply = self._call(episode, message, trace, t0, req)
                if self._cancel:
                    return _Ending("interrupted")
                if time.monotonic() > deadline:
                    return _Ending("timeout")
                try:
                    protocol.send(fd, reply, deadline=deadline)
                except protocol.Deadline:
                    return _Ending("timeout")
                except OSError:
                    return self._died(pid, "before run() returned")
            elif op in ("done", "raised"):
                return _Ending(op, message)
            else:
                return _Ending("protocol", {"reason": f"unexpected {op!r} message"})

    def _wait_program(self, fd: int, deadline: float) -> None:
        """Wait until the program speaks or the deadline passes; raise EOFError if the caller is gone."""
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        poller.register(self.conn.fileno(), select.POLLIN)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            for ready, _ in poller.poll(int(left * 1000) + 1):
                if ready == fd:
                    return
                raise EOFError("the caller closed its end")  # it never writes during a run

    def _died(self, pid: int, when: str) -> _Ending:
        code = self.zygote.wait_exit(pid, 1.0)
        if code is None:
            self.zygote.kill(pid)
            code = self.zygote.wait_exit(pid, 2.0)
            return _Ending("died", {"reason": f"the program closed its robot connection {when}"})
        if code < 0:
            name = _signal_name(code)
            hint = {"SIGXCPU": "CPU-time limit exceeded", "SIGKILL": "killed (CPU-time limit or out of memory)",
                    "SIGSEGV": "crashed", "SIGBUS": "crashed", "SIGABRT": "aborted",
                    "SIGSYS": "made a forbidden system call"}.get(name, "killed")
            return _Ending("died", {"reason": f"the program process {hint} ({name}) {when}"})
        return _Ending("died", {"reason": f"the program process exited with status {code} {when}"})

    def _call(self, episode: Any, message: dict[str, Any], trace: Trace, t0: float,
              req: dict[str, Any]) -> dict[str, Any]:
        import sim
        from sim.errors import RobotError

        index = len(trace.records)
        name, args, kwargs = message["name"], message["args"], message["kwargs"]
        self._call_index = index  # live frames name the call that moves the robot
        self.emit("call", index, name)
        before = episode.state()
        overlay_before = getattr(episode.robot, "last_overlay", None)
        t_call = time.monotonic() - t0
        result, error, kind = None, None, None
        if message["bad_args"]:
            error, kind = {"type": "ValueError", "message": message["bad_args"], "evidence": {}}, "ValueError"
        else:
            fn = getattr(episode.robot, name)
            try:
                _signature(type(episode.robot), name, fn).bind(*args, **kwargs)
            except TypeError as e:
                error, kind = {"type": "TypeError", "message": f"robot.{name}: {e}", "evidence": {}}, "TypeError"
        if error is None:
            try:
                result = fn(*args, **kwargs)
            except Interrupted:  # the call keeps its record, and the run ends after it (`_serve`)
                error, kind = {"type": "Interrupted", "message": f"robot.{name}: the run was interrupted "
                               "by the caller during this call", "evidence": {}}, "robot"
            except RobotError as e:
                error, kind = sim.to_jsonable(e.to_dict()), "robot"
            except (TypeError, ValueError) as e:
                error, kind = {"type": type(e).__name__, "message": f"robot.{name}: {e}", "evidence": {}}, type(e).__name__
            except Exception as e:  # noqa: BLE001 - a simulator bug must not end the worker
                traceback.print_exc(file=sys.stderr)
                error = {"type": "SimulatorError", "message": f"{type(e).__name__}: {e}"[:500], "evidence": {}}
                kind = "robot"
        after = episode.state()
        keyframe = None
        if req["keyframes"] and not self._cancel:  # an interrupted run's picture is not waited for
            previous = trace.records[-1].keyframe if trace.records else None
            scene = _scene_signature(episode)
            if previous and (name in STILL_CALLS and error is None or scene == self._pictured):
                keyframe = previous  # nothing moved (looking, reading state): the same picture
            else:
                keyframe = self._keyframe(episode, Path(req["run_dir"]), index, req["keyframe_size"])
                self._pictured = scene if keyframe else None
        overlay = getattr(episode.robot, "last_overlay", None)
        overlay = sim.to_jsonable(episode.overlay()) if overlay is not overlay_before else {}
        record = CallRecord(
            index=index, call=name, args=args, kwargs=kwargs, status="failed" if error else "ok",
            result=None if error else summarize_result(result), error=error,
            t_wall=round(t_call, 4), t_sim=after.get("t_sim", 0.0),
            ee_before=sim.to_jsonable(before.get("ee")), ee_after=sim.to_jsonable(after.get("ee")),
            gripper_before=before.get("gripper"), held_object=after.get("held"), keyframe=keyframe,
            overlay=overlay, where=message["where"])
        record = CallRecord.from_dict(_as_json(record.to_dict()))  # what is sent is what is saved
        trace.records.append(record)
        self.emit("record", record.to_dict())
        if error is not None:
            return {"ok": False, "error": error, "raise": kind}
        return {"ok": True, "value": encode_value(result)}

    def _keyframe(self, episode: Any, run_dir: Path, index: int, size: list[int]) -> str | None:
        from aspire_tui.runner.png import write_png

        rel = f"frames/{index:04d}.png"
        try:
            (run_dir / "frames").mkdir(parents=True, exist_ok=True)
            write_png(run_dir / rel, episode.render(int(size[0]), int(size[1])))
        except (OSError, ValueError) as e:
            print(f"keyframe {index} not written: {e}", file=sys.stderr)
            return None
        return rel

    def _judge(self, episode: Any, ending: _Ending, trace: Trace, timeout: float,
               limits: sandbox.Limits) -> None:
        try:
            trace.checks = {str(k): bool(v) for k, v in episode.evaluate().items()}
        except Exception as e:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
            trace.checks = {}
            trace.outcome, trace.failure_reason = "error", f"the success check failed to run: {type(e).__name__}: {e}"
            return
        failed_calls = [r.index for r in trace.records if r.status == "failed"]
        last_failed = failed_calls[-1] if failed_calls else None
        info = ending.info
        if ending.kind == "done":
            if trace.checks.get("success"):
                trace.outcome = "succeeded"
                return
            trace.outcome, trace.failure_index = "failed", last_failed
            # which parts of the success check failed stay in trace.checks, for people and the
            # benchmark: the reason and the summary are read by coders, who must not learn the predicate
            trace.failure_reason = "run() returned but the task is not done"
        elif ending.kind == "raised":
            where = f" at {info['where']}" if info.get("where") else ""
            trace.failure_reason = f"{info['type']}: {info['message']}{where}"
            if info["type"] == "MemoryError":
                trace.failure_reason += f" (memory limit {limits.address_space >> 20} MiB)"
            if info.get("robot_error"):
                trace.outcome, trace.failure_index = "failed", last_failed
            else:
                trace.outcome = "error"
                last = trace.records[-1] if trace.records else None
                if last is not None and last.error and last.error.get("type") == info["type"]:
                    trace.failure_index = last.index  # a call's TypeError/ValueError escaped
        elif ending.kind == "interrupted":
            trace.outcome, trace.failure_reason = "error", "interrupted by the caller"
            trace.failure_index = trace.records[-1].index if trace.records and trace.records[-1].error and \
                trace.records[-1].error.get("type") == "Interrupted" else None
        elif ending.kind == "timeout":
            trace.outcome = "timeout"
            trace.failure_reason = f"wall-clock limit of {timeout:g} s exceeded"
            if trace.records:
                last = trace.records[-1]
                trace.failure_reason += f" (last call #{last.index} {last.call})"
        else:
            trace.outcome = "error"
            trace.failure_reason = info.get("reason", "the program process failed")
            if ending.kind == "protocol":
                trace.failure_reason = f"the program broke the robot protocol: {trace.failure_reason}"


def _start_profile() -> Any:
    """A running CPU-time profiler when `PROFILE_ENV` names a folder (benchmarks only), else None."""
    if not os.environ.get(PROFILE_ENV):
        return None
    import cProfile

    profile = cProfile.Profile(time.process_time)
    profile.enable()
    return profile


def _scene_signature(episode: Any) -> tuple:
    """What a keyframe would show, to a tenth of a millimetre: every body's pose, the robot's joints and
    gripper. Equal signatures give the same picture, so a call that moved nothing reuses the last one."""
    world = episode.world
    poses = []
    for name in sorted(world.bodies):
        pos, orn = world.pose(name)
        poses.append((name, *(round(float(v), 4) for v in (*pos, *orn))))
    state = {k: v for k, v in episode.state().items() if k != "t_sim"}  # ee, gripper, held; a base's pose
    try:
        joints = tuple(round(float(q), 4) for q in episode.embodiment.joint_angles())
    except Exception:  # noqa: BLE001 - an embodiment without joints (a mobile base): its state says it all
        joints = ()
    return tuple(poses), joints, json.dumps(state, sort_keys=True, default=str)


def _write_world(episode: Any, run_dir: Path) -> None:
    """Write the world the run left (exact poses, what rests where, what is held) beside its trace."""
    from aspire_tui.runner.trace import WORLD_FILE

    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        tmp = run_dir / f".{WORLD_FILE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(_as_json(episode.snapshot().to_dict())), encoding="utf-8")
        os.replace(tmp, run_dir / WORLD_FILE)
    except Exception:  # noqa: BLE001 - a world that cannot be written leaves the run as it was
        traceback.print_exc(file=sys.stderr)


def main() -> None:
    from multiprocessing.connection import Connection

    fd = int(sys.argv[1])
    options = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    if options.get("pdeathsig", True):
        try:
            sandbox.set_parent_death_signal()
        except OSError:
            pass
        if options.get("parent") and os.getppid() != options["parent"]:
            return  # the caller is already gone
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    conn = Connection(fd)
    worker = SimWorker(conn, options)
    worker.serve_forever()
    worker.zygote.close()


if __name__ == "__main__":
    main()
