"""Worker crashes and hangs: one-line reasons, the right outcome, and a replaced worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspire_tui.runner import run_program

from .runner_helpers import alive, sandbox_processes

LOOP = """
def run(robot):
    while True:
        robot.get_ee_pose()
"""


def _kill_worker_at(pool, index: int, sig: int):
    worker = pool.workers[0]

    def on_record(record):
        if record.index == index:
            os.kill(worker.pid, sig)

    return worker, on_record


def test_worker_segfault_is_error_and_the_worker_is_replaced(pool, runs_dir):
    worker, on_record = _kill_worker_at(pool, 2, signal.SIGSEGV)
    trace = run_program(LOOP, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, timeout=20,
                        keyframes=False, on_record=on_record)
    assert trace.outcome == "error"
    assert "simulation worker crashed (SIGSEGV)" in trace.failure_reason
    assert "\n" not in trace.failure_reason
    assert len(trace.records) >= 3 and trace.path.exists()
    assert pool.workers[0] is not worker and not alive(worker.pid)
    time.sleep(0.3)
    assert sandbox_processes() == []  # its program process died with it
    again = run_program("def run(robot):\n    robot.home()\n", "pick_place_bowl", 0, pool=pool,
                        runs_dir=runs_dir, keyframes=False)
    assert again.outcome == "failed" and again.records[0].status == "ok"


def test_worker_vanishing_like_os_exit_is_error(pool, runs_dir):
    worker, on_record = _kill_worker_at(pool, 0, signal.SIGKILL)
    trace = run_program(LOOP, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, timeout=20,
                        keyframes=False, on_record=on_record)
    assert trace.outcome == "error" and "simulation worker crashed (SIGKILL)" in trace.failure_reason
    assert pool.workers[0] is not worker


def test_hung_worker_is_killed_at_the_hard_deadline(pool, runs_dir):
    """A worker stuck inside a call (here: stopped) ends the run as timeout within limit + 2 s."""
    pool.warm()
    worker = pool.workers[0]
    stopped_at = []

    def on_record(record):
        if record.index == 0:
            stopped_at.append(time.monotonic())
            os.kill(worker.pid, signal.SIGSTOP)

    trace = run_program(LOOP, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, timeout=1,
                        keyframes=False, on_record=on_record)
    assert trace.outcome == "timeout"
    assert time.monotonic() - stopped_at[0] < 1 + 2  # the program started before the first record
    assert "wall-clock limit of 1 s" in trace.failure_reason
    assert pool.workers[0] is not worker and not alive(worker.pid)
    time.sleep(0.3)
    assert sandbox_processes() == []


ORPHAN = r"""
import os, sys, threading, time
from pathlib import Path
from aspire_tui.runner import WorkerPool, run_program

box = {}
def make():
    box["pool"] = WorkerPool(1)
    box["pool"].warm()
if sys.argv[1] == "thread":
    t = threading.Thread(target=make); t.start(); t.join()
else:
    make()
w = box["pool"].workers[0]
def loop():
    run_program("def run(robot):\n    robot.home()\n    while True:\n        pass\n",
                "pick_place_bowl", 0, pool=box["pool"], runs_dir=Path(sys.argv[2]), timeout=60, keyframes=False,
                on_record=lambda r: print(w.pid, w.info["zygote"], flush=True))
threading.Thread(target=loop, daemon=True).start()
time.sleep(30)
"""


@pytest.mark.parametrize("mode", ["main", "thread"])
def test_caller_killed_mid_run_takes_worker_zygote_and_program_along(tmp_path, mode):
    """SIGKILL of the caller ends its worker, zygote and program process (pool made in any thread)."""
    script = tmp_path / "caller.py"
    script.write_text(ORPHAN)
    proc = subprocess.Popen([sys.executable, str(script), mode, str(tmp_path / "runs")],
                            stdout=subprocess.PIPE, text=True, cwd=str(Path(__file__).parents[2]))
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
    finally:
        proc.kill()
        proc.wait()
    assert len(pids) == 2
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and (any(alive(p) for p in pids) or sandbox_processes()):
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)
    assert sandbox_processes() == []


def test_a_pool_started_small_grows_when_runs_overlap(runs_dir):
    """`aspire exec` starts one worker; the loop's validation seeds, run at once, start the second."""
    import threading

    from aspire_tui.runner import WorkerPool

    program = "def run(robot):\n    robot.get_ee_pose()\n"
    with WorkerPool(2, start=1) as pool:
        assert len(pool.workers) == 1
        run_program(program, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, check=False)
        assert len(pool.workers) == 1  # one run at a time never needs a second
        traces = []
        threads = [threading.Thread(target=lambda: traces.append(run_program(
            program, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, check=False))) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(traces) == 2 and len(pool.workers) == 2
        pool.start(5)  # never past its size
        assert len(pool.workers) == 2


def test_workers_asked_for_together_start_one_after_another():
    # each starts once the one before is ready, so starting workers never crowd out the caller's core
    import time

    from aspire_tui.runner import WorkerPool

    with WorkerPool(3, start=1) as pool:
        pool.start(3)
        seen = []
        deadline = time.monotonic() + 60
        while len(pool.workers) < 3 and time.monotonic() < deadline:
            workers = list(pool.workers)
            if len(workers) > len(seen):
                seen = workers
                assert all(w.started(0) for w in workers[:-1])  # the ones before the newest were ready
            time.sleep(0.005)
        assert len(pool.workers) == 3
        pool.warm()
        assert all(w.info for w in pool.workers)
