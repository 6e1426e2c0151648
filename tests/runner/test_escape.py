"""Adversarial programs: escapes and denial of service, with the static check turned off.

Each test runs a hostile program in the real sandbox (real processes, real sim)
and asserts that the specific bad effect did not happen, plus the outcome and
reason the trace gives. ``check=False`` means the kernel-level layers
(seccomp, Landlock, rlimits, uid, fd isolation) are what is being tested.
"""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest

from .runner_helpers import SECRET, alive, sandbox_processes, session_members


def _reported(trace, key: str) -> str:
    """The value a program printed as ``key=value`` (its own report, for diagnostics)."""
    for line in trace.stdout.splitlines():
        if line.startswith(key + "="):
            return line.split("=", 1)[1]
    return ""


# -- files -------------------------------------------------------------------------
def test_reading_etc_passwd_is_refused(run):
    """A program that opens /etc/passwd gets PermissionError and no content."""
    trace = run("""
        def run(robot):
            print(open("/etc/passwd").read())
    """)
    assert trace.outcome == "error"
    assert "PermissionError" in trace.failure_reason
    assert "root:" not in trace.stdout


def test_writing_a_tmp_file_is_refused(run, tmp_path):
    """A program cannot create a file, even in a world-writable directory."""
    target = tmp_path / "escaped.txt"
    os.chmod(tmp_path, 0o777)
    trace = run(f"""
        def run(robot):
            with open({str(target)!r}, "w") as f:
                f.write("pwned")
    """)
    assert not target.exists()
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason


def test_home_ssh_is_unreadable(run):
    """~/.ssh and every other directory cannot even be listed."""
    trace = run("""
        import os
        def run(robot):
            for path in ("/root/.ssh/id_rsa", "/home"):
                try:
                    print("read=" + open(path).read())
                except OSError as e:
                    print("err=" + type(e).__name__)
            os.listdir("/root")
    """)
    assert "read=" not in trace.stdout
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason


def test_numpy_file_doors_are_shut(run, tmp_path):
    """np.fromfile, np.load, np.save, np.memmap and ndarray.tofile touch no file."""
    os.chmod(tmp_path, 0o777)
    out = tmp_path / "np_out"
    trace = run(f"""
        import numpy as np
        def run(robot):
            for name, fn in [
                ("fromfile", lambda: np.fromfile("/etc/passwd", dtype=np.uint8)),
                ("load", lambda: np.load("/etc/passwd", allow_pickle=True)),
                ("save", lambda: np.save({str(out) + '.npy'!r}, np.zeros(3))),
                ("memmap", lambda: np.memmap({str(out) + '.mm'!r}, mode="w+", shape=(4,))),
                ("tofile", lambda: np.zeros(3).tofile({str(out) + '.bin'!r})),
                ("loadtxt", lambda: np.loadtxt("/etc/hostname")),
            ]:
                try:
                    fn()
                    print(name + "=OPENED")
                except BaseException as e:
                    print(name + "=" + type(e).__name__)
    """)
    assert "OPENED" not in trace.stdout, trace.stdout
    assert not list(tmp_path.glob("np_out*"))
    assert trace.outcome == "failed"  # returned normally; the task was not done


def test_numpy_ctypeslib_and_raw_libc_cannot_open_or_fork(run, tmp_path):
    """ctypes (through numpy or sys.modules) reaches libc, but the kernel refuses the syscalls."""
    os.chmod(tmp_path, 0o777)
    marker = tmp_path / "ctypes_marker"
    trace = run(f"""
        import sys
        import numpy as np
        def run(robot):
            try:
                ct = np.ctypeslib.ctypes
            except BaseException:
                ct = sys.modules["ctypes"]
            libc = ct.CDLL(None)
            fd = libc.open({str(marker).encode()!r}, 0o101, 0o644)   # O_WRONLY | O_CREAT
            print("open=" + str(fd))
            print("fork=" + str(libc.fork()))
            print("syscall_openat=" + str(libc.syscall(257, -100, b"/etc/passwd", 0)))
    """)
    assert not marker.exists()
    assert _reported(trace, "open") == "-1"
    assert _reported(trace, "fork") == "-1"
    assert _reported(trace, "syscall_openat") == "-1"


def test_proc_environ_and_caller_secrets_do_not_reach_the_program(run):
    """The program sees a minimal environment; /proc/*/environ is unreadable."""
    trace = run("""
        import os
        def run(robot):
            print("env=" + repr(dict(os.environ)))
            for path in ("/proc/self/environ", "/proc/1/environ", "/proc/%d/environ" % os.getppid()):
                try:
                    print("read=" + open(path).read())
                except OSError as e:
                    print("err=" + type(e).__name__)
    """)
    assert SECRET not in trace.stdout
    assert "read=" not in trace.stdout
    assert "ASPIRE_TEST_SECRET" not in _reported(trace, "env")


# -- network -------------------------------------------------------------------------
def test_socket_connect_to_localhost_is_refused(run):
    """A TCP connect to a listening port on 127.0.0.1 never arrives."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    try:
        trace = run(f"""
            import socket
            def run(robot):
                s = socket.socket()
                s.connect(("127.0.0.1", {port}))
                s.sendall(b"stolen")
        """)
        with pytest.raises(socket.timeout):
            server.accept()
    finally:
        server.close()
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason


def test_unix_socket_to_the_worker_cannot_be_opened(run):
    """socketpair/AF_UNIX sockets cannot be created either."""
    trace = run("""
        import socket
        def run(robot):
            socket.socketpair()
    """)
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason


# -- processes ----------------------------------------------------------------------
def test_fork_is_refused(run):
    """os.fork fails; no process is left under a sandbox uid."""
    trace = run("""
        import os
        def run(robot):
            pid = os.fork()
            if pid == 0:
                while True:
                    pass
    """)
    assert trace.outcome == "error"
    assert "PermissionError" in trace.failure_reason or "BlockingIOError" in trace.failure_reason
    assert sandbox_processes() == []


def test_setsid_double_fork_does_not_outlive_the_run(run):
    """The daemonising dance fails; nothing of the program's session survives the run."""
    trace = run("""
        import os
        def run(robot):
            print("pid=%d" % os.getpid())
            try:
                os.setsid()
            except OSError as e:
                print("setsid=" + type(e).__name__)
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    import time
                    time.sleep(3600)
                os._exit(0)
    """)
    pid = int(_reported(trace, "pid"))
    assert trace.outcome == "error"
    time.sleep(0.2)
    assert session_members(pid) == []
    assert sandbox_processes() == []


def test_fork_bomb_is_stopped(run):
    """A fork bomb ends at the first fork; the machine and the worker are fine."""
    trace = run("""
        import os
        def run(robot):
            while True:
                try:
                    os.fork()
                except OSError:
                    os.fork()
    """)
    assert trace.outcome == "error"
    assert sandbox_processes() == []


def test_threads_cannot_be_started(run):
    """threading.Thread fails (no clone at all), so nothing runs on after run() returns."""
    trace = run("""
        import threading
        def run(robot):
            threading.Thread(target=lambda: None).start()
    """)
    assert trace.outcome == "error" and "RuntimeError" in trace.failure_reason


def test_execve_is_refused(run):
    """os.execv (and so os.system and subprocess) cannot start a shell."""
    trace = run("""
        import os
        def run(robot):
            os.execv("/bin/sh", ["sh", "-c", "true"])
    """)
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason


def test_os_system_through_subclasses_walk_runs_nothing(run, tmp_path):
    """``().__class__.__bases__[0].__subclasses__()`` finds os, but os.system cannot fork."""
    os.chmod(tmp_path, 0o777)
    marker = tmp_path / "system_marker"
    trace = run(f"""
        def run(robot):
            for cls in ().__class__.__bases__[0].__subclasses__():
                if cls.__name__ == "_wrap_close":
                    system = cls.__init__.__globals__["system"]
                    print("status=%d" % system("touch {marker}"))
                    return
    """)
    assert not marker.exists()
    assert _reported(trace, "status") not in ("0", "")
    assert trace.outcome == "failed"


def test_kill_parent_is_refused(run, pool):
    """os.kill(os.getppid(), SIGKILL) is refused; the zygote and the worker live on."""
    worker = pool.workers[0]
    zygote = worker.info["zygote"]
    trace = run("""
        import os, signal
        def run(robot):
            os.kill(os.getppid(), signal.SIGKILL)
    """)
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason
    assert alive(zygote) and alive(worker.pid)
    assert pool.workers[0] is worker


def test_kill_worker_pid_is_refused(run, pool):
    """Even knowing the worker's pid (as if guessed from /proc), the program cannot signal it."""
    worker = pool.workers[0]
    trace = run(f"""
        import os, signal
        def run(robot):
            for sig in (signal.SIGSTOP, signal.SIGKILL):
                os.kill({worker.pid}, sig)
    """)
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason
    assert alive(worker.pid) and pool.workers[0] is worker


def test_signalling_the_test_process_and_everyone_is_refused(run):
    """kill(-1) (every process), killpg and a signal to the caller are all refused."""
    got = []
    previous = signal.signal(signal.SIGUSR1, lambda *a: got.append(a))
    try:
        trace = run(f"""
            import os, signal
            def run(robot):
                for fn in (lambda: os.kill(-1, signal.SIGUSR1), lambda: os.killpg({os.getpgid(0)}, signal.SIGUSR1),
                           lambda: os.kill({os.getpid()}, signal.SIGUSR1)):
                    try:
                        fn()
                        print("sent")
                    except OSError as e:
                        print("refused=" + type(e).__name__)
        """)
        time.sleep(0.1)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert got == []
    assert "sent" not in trace.stdout and trace.stdout.count("refused=") == 3


def test_ptrace_of_the_worker_is_refused(run, pool):
    """PTRACE_ATTACH through libc returns -1 and the worker is not stopped."""
    worker = pool.workers[0]
    trace = run(f"""
        import sys
        def run(robot):
            libc = sys.modules["ctypes"].CDLL(None)
            print("ptrace=%d" % libc.ptrace(16, {worker.pid}, 0, 0))
    """)
    assert _reported(trace, "ptrace") == "-1"
    with open(f"/proc/{worker.pid}/stat") as f:
        assert f.read().rsplit(") ", 1)[1][0] != "t"


def test_setuid_root_and_raising_limits_are_refused(run):
    """The program cannot become root again nor lift its own limits."""
    trace = run("""
        import os, resource
        def run(robot):
            for name, fn in [("setuid", lambda: os.setuid(0)),
                             ("nproc", lambda: resource.setrlimit(resource.RLIMIT_NPROC, (100, 100))),
                             ("cpu", lambda: resource.setrlimit(resource.RLIMIT_CPU, (-1, -1)))]:
                try:
                    fn()
                    print(name + "=DONE")
                except BaseException as e:
                    print(name + "=" + type(e).__name__)
    """)
    assert "DONE" not in trace.stdout
    assert trace.stdout.count("=") == 3


# -- the pipe and other descriptors --------------------------------------------------
def test_forged_done_message_cannot_forge_success(run):
    """Writing a 'done' message on fd 3 ends the run, but success comes from the world."""
    trace = run("""
        import os, json, struct
        def run(robot):
            body = json.dumps({"op": "done", "out": "", "outcome": "succeeded", "checks": {"success": True}}).encode()
            os.write(3, struct.pack(">I", len(body)) + body)
            import time
            time.sleep(5)
    """)
    assert trace.outcome == "failed"
    assert trace.checks.get("success") is False


def test_forged_garbage_and_oversized_header_end_the_run(run, pool):
    """A lying length header or a non-JSON body is a protocol error, not a hang or a crash."""
    worker = pool.workers[0]
    trace = run("""
        import os
        def run(robot):
            os.write(3, b"\\xff\\xff\\xff\\xffgarbage")
            while True:
                pass
    """, timeout=5)
    assert trace.outcome == "error" and "protocol" in trace.failure_reason
    assert trace.duration < 3
    trace = run("""
        import os, struct
        def run(robot):
            os.write(3, struct.pack(">I", 9) + b"not json!")
    """)
    assert trace.outcome == "error" and "malformed JSON" in trace.failure_reason
    assert pool.workers[0] is worker and alive(worker.pid)


def test_forged_call_to_an_unknown_method_is_refused(run):
    """A hand-written call message for a non-robot name is a protocol error."""
    trace = run("""
        import os, json, struct
        def run(robot):
            body = json.dumps({"op": "call", "name": "_body", "args": [], "kwargs": {}}).encode()
            os.write(3, struct.pack(">I", len(body)) + body)
            os.read(3, 10)
    """)
    assert trace.outcome == "error" and "unknown robot call" in trace.failure_reason
    assert trace.records == []


def test_writing_to_other_descriptors_reaches_nothing(run):
    """Only fds 0-3 exist; a 'trace' written to any other fd goes nowhere."""
    trace = run("""
        import os
        def run(robot):
            opened = []
            for fd in range(0, 256):
                try:
                    os.fstat(fd)
                    opened.append(fd)
                except OSError:
                    pass
            print("open=" + ",".join(map(str, opened)))
            for fd in range(4, 256):
                try:
                    os.write(fd, b'{"outcome": "succeeded"}')
                    print("wrote=%d" % fd)
                except OSError:
                    pass
            os.dup2(3, 10)
    """)
    assert _reported(trace, "open") == "0,1,2,3"
    assert "wrote=" not in trace.stdout
    assert trace.outcome == "error"  # dup2 beyond RLIMIT_NOFILE fails


def test_huge_output_is_capped(run):
    """Printing 50 MB keeps at most 64 KiB in the trace; raw writes to fd 1 go to /dev/null."""
    trace = run("""
        import os
        def run(robot):
            chunk = "x" * 1_000_000
            for _ in range(50):
                print(chunk)
                os.write(1, chunk.encode())
    """)
    assert len(trace.stdout) <= 70_000
    assert "[output truncated]" in trace.stdout
    assert trace.outcome == "failed"


def test_huge_argument_payload_is_refused(run, pool):
    """A 10 MB argument is a protocol error; a 10,000-item list is a ValueError to the program."""
    worker = pool.workers[0]
    trace = run("""
        def run(robot):
            robot.detect("red " * 2_500_000)
    """)
    assert trace.outcome == "error" and "limit" in trace.failure_reason
    trace = run("""
        def run(robot):
            robot.move_to([0.1] * 10_000, 0, 0)
    """)
    assert trace.outcome == "error" and "ValueError" in trace.failure_reason
    assert pool.workers[0] is worker and alive(worker.pid)


# -- resources ---------------------------------------------------------------------
def test_infinite_loop_times_out_within_two_seconds_of_the_limit(run):
    """A busy loop ends as 'timeout' within limit + 2 s; the program process is gone."""
    start = time.monotonic()
    trace = run("""
        import os
        def run(robot):
            print("pid=%d" % os.getpid())
            robot.get_ee_pose()
            while True:
                pass
    """, timeout=1.5)
    elapsed = time.monotonic() - start
    assert trace.outcome == "timeout"
    assert elapsed < 1.5 + 2
    assert "wall-clock limit of 1.5 s" in trace.failure_reason
    assert len(trace.records) == 1


def test_sleeping_program_ignoring_signals_times_out(run):
    """Ignoring SIGTERM/SIGXCPU changes nothing: the group is SIGKILLed."""
    start = time.monotonic()
    trace = run("""
        import signal, time
        def run(robot):
            for s in (signal.SIGTERM, signal.SIGXCPU, signal.SIGINT, signal.SIGHUP):
                signal.signal(s, signal.SIG_IGN)
            time.sleep(3600)
    """, timeout=1)
    assert trace.outcome == "timeout"
    assert time.monotonic() - start < 3
    assert sandbox_processes() == []


def test_memory_bomb_gets_memory_error(run, pool):
    """Allocating without bound hits RLIMIT_AS: MemoryError, reason names the limit."""
    worker = pool.workers[0]
    trace = run("""
        def run(robot):
            hoard = []
            while True:
                hoard.append(bytes(200_000_000))
    """)
    assert trace.outcome == "error"
    assert "MemoryError" in trace.failure_reason and "memory limit" in trace.failure_reason
    assert pool.workers[0] is worker and alive(worker.pid)


def test_numpy_memory_bomb_gets_memory_error(run):
    """np.ones of 80 GB fails at once instead of swapping the machine."""
    trace = run("""
        import numpy as np
        def run(robot):
            np.ones((10_000_000_000,))
    """)
    assert trace.outcome == "error" and "MemoryError" in trace.failure_reason


def test_recursion_bomb_is_a_recursion_error(run):
    """Unbounded recursion ends as RecursionError with the program line."""
    trace = run("""
        def f(n):
            return f(n + 1)
        def run(robot):
            f(0)
    """)
    assert trace.outcome == "error" and "RecursionError" in trace.failure_reason
    assert "program.py:3" in trace.failure_reason


def test_segfault_in_the_program_is_reported_in_one_line(run, pool):
    """A crash of the program process (a NULL read through ctypes) gives 'crashed (SIGSEGV)'."""
    worker = pool.workers[0]
    trace = run("""
        import sys
        def run(robot):
            robot.get_ee_pose()
            sys.modules["ctypes"].string_at(0)
    """)
    assert trace.outcome == "error"
    assert "crashed (SIGSEGV)" in trace.failure_reason and "\n" not in trace.failure_reason
    assert len(trace.records) == 1
    assert pool.workers[0] is worker and alive(worker.pid)


def test_c_level_recursion_crash_is_reported(run):
    """repr of a million nested lists with the recursion limit lifted overflows the C stack."""
    trace = run("""
        import sys
        def run(robot):
            sys.setrecursionlimit(10**8)
            nested = []
            for _ in range(1_000_000):
                nested = [nested]
            repr(nested)
    """)
    assert trace.outcome == "error"
    assert "SIGSEGV" in trace.failure_reason or "RecursionError" in trace.failure_reason


@pytest.mark.parametrize("exc", ["SystemExit(0)", "KeyboardInterrupt()", "BaseException('x')", "GeneratorExit()"])
def test_raising_base_exceptions_is_an_error(run, exc):
    """SystemExit, KeyboardInterrupt and other BaseExceptions end the run as 'error', nothing more."""
    trace = run(f"""
        def run(robot):
            raise {exc}
    """)
    assert trace.outcome == "error"
    assert trace.failure_reason.startswith(exc.split("(")[0])


def test_os_exit_without_returning_is_an_error(run):
    """os._exit(0) before run() returns is not a success."""
    trace = run("""
        import os
        def run(robot):
            os._exit(0)
    """)
    assert trace.outcome == "error" and "exited with status 0" in trace.failure_reason


def test_returning_weird_objects_runs_nothing_in_the_parent(run, tmp_path):
    """A returned object with hostile __del__/__reduce__/__repr__ is never looked at outside."""
    os.chmod(tmp_path, 0o777)
    marker = tmp_path / "reduce_marker"
    trace = run(f"""
        class Evil:
            def __reduce__(self):
                return (open, ({str(marker)!r}, "w"))
            def __repr__(self):
                raise SystemExit("repr")
            def __del__(self):
                open({str(marker)!r}, "w")
        def run(robot):
            robot.get_ee_pose()
            return Evil()
    """)
    assert trace.outcome == "failed"
    assert not marker.exists()


def test_builtins_and_gc_tricks_find_no_simulator(run):
    """__builtins__, gc.get_objects and sys.modules reveal no pybullet, world or trace."""
    trace = run("""
        import gc, sys
        def run(robot):
            mods = sorted(m for m in sys.modules if "bullet" in m or m.startswith(("sim.", "aspire_tui.runner.worker")))
            print("mods=" + ",".join(mods))
            kinds = {type(o).__name__ for o in gc.get_objects()}
            print("world=%s" % ("World" in kinds or "Episode" in kinds or "Trace" in kinds))
            print("open=%s" % (__builtins__["open"] if isinstance(__builtins__, dict) else __builtins__.open)("/etc/hostname").read())
    """)
    assert _reported(trace, "mods") == "sim.errors,sim.types"
    assert _reported(trace, "world") == "False"
    assert "open=" not in trace.stdout
    assert "PermissionError" in trace.failure_reason


def test_skill_importing_os_cannot_reach_files(run, tmp_path):
    """A skill file that imports os is still confined (and the static check rejects it)."""
    skills = tmp_path / "skills"
    skills.mkdir()
    (skills / "sneaky.py").write_text(
        "import os\n\ndef sneaky(robot):\n    return os.listdir('/')\n")
    source = """
        from skills.sneaky import sneaky
        def run(robot):
            sneaky(robot)
    """
    checked = run(source, check=True, skills_dir=skills)
    assert checked.outcome == "rejected"
    assert any(v["file"] == "skills/sneaky.py" and v["rule"] == "import" for v in checked.violations)
    trace = run(source, skills_dir=skills)
    assert trace.outcome == "error" and "PermissionError" in trace.failure_reason
    assert "skills/sneaky.py:4" in trace.failure_reason


def test_importing_modules_from_disk_fails(run):
    """Nothing new can be imported once locked (no path finder, no open)."""
    trace = run("""
        def run(robot):
            import subprocess
    """)
    assert trace.outcome == "error" and "ModuleNotFoundError" in trace.failure_reason


def test_all_layers_are_active_here(run):
    """On this machine the trace records every confinement layer as active."""
    from aspire_tui.runner import sandbox

    trace = run("def run(robot):\n    pass\n")
    expected = {"setsid", "no_new_privs", "rlimits", "pdeathsig", "nodump"}
    if sandbox.seccomp_supported():
        expected.add("seccomp")
    if sandbox.landlock_abi():
        expected.add("landlock-fs")
    if os.geteuid() == 0:
        expected.add("uid")
    assert expected <= set(trace.sandbox)


def test_no_sandbox_process_outlives_the_tests(run):
    """After everything above, no process runs under a sandbox uid."""
    run("def run(robot):\n    pass\n")
    time.sleep(0.1)
    assert sandbox_processes() == []


def test_program_that_stops_reading_replies_cannot_stall_the_worker(run, pool):
    """Flooding see() requests without reading the 230 KB replies ends at the limit, worker intact."""
    worker = pool.workers[0]
    start = time.monotonic()
    trace = run("""
        import os, json, struct
        def run(robot):
            body = json.dumps({"op": "call", "name": "see", "args": [], "kwargs": {}}).encode()
            while True:
                os.write(3, struct.pack(">I", len(body)) + body)
    """, timeout=2)
    assert trace.outcome == "timeout"
    assert time.monotonic() - start < 2 + 2
    assert pool.workers[0] is worker and alive(worker.pid)


def test_call_flood_is_capped(run):
    """An endless stream of cheap robot calls stops at max_calls instead of filling the disk."""
    trace = run("""
        def run(robot):
            while True:
                robot.gripper_width()
    """, max_calls=200, keyframes=True)
    assert trace.outcome == "error" and "more than 200 robot calls" in trace.failure_reason
    assert len(trace.records) == 200
