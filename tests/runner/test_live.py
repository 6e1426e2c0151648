"""Live runs: camera frames stream while the robot moves, and a stop event ends a run at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from aspire_tui.runner import Cancelled, LiveRuns, Trace, run_program

from .runner_helpers import alive


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and alive(int(entry.name)):
            found.append(int(entry.name))
    return found

# slow motions: a simulated second takes a few hundredths of a wall second, and frames are paced by wall time
MOTIONS = """
def run(robot):
    for i in range(3):
        robot.move_to(0.45, -0.1 + 0.1 * i, 0.25, speed=0.04)
        robot.move_to(0.45, -0.1 + 0.1 * i, 0.15, speed=0.04)
"""

FOREVER = """
def run(robot):
    while True:
        robot.move_to(0.45, -0.1, 0.25)
        robot.move_to(0.45, 0.1, 0.25)
"""


def test_frames_stream_during_motions_at_the_asked_rate(pool, runs_dir):
    """Each frame is a whole RGB image of the asked size, names the moving call, and comes at most frame_rate/s."""
    frames, times = [], []

    def on_frame(f):
        frames.append(f)
        times.append(time.monotonic())

    trace = run_program(MOTIONS, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, keyframes=False,
                        on_frame=on_frame, frame_rate=20, frame_size=(64, 48), check=False, timeout=30)
    assert trace.outcome in ("succeeded", "failed")  # the task is not done; the motions ran
    assert len(trace.records) == 6
    assert len(frames) >= 6, f"only {len(frames)} frames for six motions"
    assert {(f.width, f.height, len(f.rgb)) for f in frames} == {(64, 48, 64 * 48 * 3)}
    assert {f.run_id for f in frames} == {trace.run_id} and {f.seed for f in frames} == {0}
    assert {f.call for f in frames} <= set(range(6)) and len({f.call for f in frames}) >= 3
    assert len({f.rgb for f in frames}) > 1  # the picture changes as the arm moves
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) > 1 / 20 * 0.5  # rate-limited (pipe jitter allowed), never a burst per step


def _stop_after_first_call(pool, runs_dir, program: str) -> tuple[float, list[int], int]:
    """Run ``program`` and set the stop event once its call #1 is recorded (#0 for a single-call program):
    (seconds from the stop to `Cancelled`, the program process ids seen then, the worker's pid)."""
    pool.warm()
    worker = pool.workers[0]
    stop = threading.Event()
    stopped_at, programs = [], []
    last = 1 if "move_to" in program else 0

    def on_record(record):
        if record.index == last and not stop.is_set():
            programs.extend(p for zygote in children(worker.pid) for p in children(zygote))
            stopped_at.append(time.monotonic())
            stop.set()

    try:
        run_program(program, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, keyframes=False, check=False,
                    timeout=30, on_record=on_record, stop=stop)
    except Cancelled:
        return time.monotonic() - stopped_at[0], programs, worker.pid
    raise AssertionError("the run was not cancelled")


def test_stop_ends_a_moving_run_at_once_and_the_worker_stays_warm(pool, runs_dir):
    """Esc in the app: the run raises Cancelled within a fraction of a second, no program process is left,
    and the same worker (no restart to pay) takes the next run; the trace keeps every call, the
    interrupted one too."""
    waited, programs, pid = _stop_after_first_call(pool, runs_dir, FOREVER)
    assert waited < 1.0
    assert pool.workers[0].pid == pid and alive(pid)
    partial = Trace.load(next(runs_dir.glob("*/trace.json")))
    assert partial.failure_reason == "interrupted by the caller" and len(partial.records) >= 2
    assert [r.index for r in partial.records] == list(range(len(partial.records)))
    assert programs, "the run's program process was not found"
    deadline = time.monotonic() + 3  # the zygote reaps it; under load not at once
    while any(map(alive, programs)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, programs))
    trace = run_program("def run(robot):\n    robot.get_ee_pose()\n", "pick_place_bowl", 0, pool=pool,
                        runs_dir=runs_dir, keyframes=False, check=False, timeout=30)
    assert trace.outcome in ("succeeded", "failed") and len(trace.records) == 1
    assert pool.workers[0].pid == pid


def test_stop_ends_a_run_whose_program_computes_between_calls(pool, runs_dir):
    """A program busy in pure Python (the worker waits on it, no physics step to stop at) ends as fast."""
    busy = "def run(robot):\n    robot.get_ee_pose()\n    while True:\n        pass\n"
    waited, programs, pid = _stop_after_first_call(pool, runs_dir, busy)
    assert waited < 1.0 and pool.workers[0].pid == pid
    deadline = time.monotonic() + 3
    while any(map(alive, programs)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert programs and not any(map(alive, programs))


def test_a_stop_set_before_the_run_starts_runs_nothing(pool, runs_dir):
    """The loop's stop is checked before a worker is taken: no run directory, no replaced worker."""
    pool.warm()
    worker = pool.workers[0]
    stop = threading.Event()
    stop.set()
    live = LiveRuns(pool, stop=stop)
    try:
        run_program(MOTIONS, "pick_place_bowl", 0, pool=live, runs_dir=runs_dir, keyframes=False, check=False)
    except Cancelled:
        pass
    else:
        raise AssertionError("the run was not cancelled")
    assert pool.workers[0] is worker and not runs_dir.exists()


def test_live_runs_stream_frames_through_a_plain_run_program_call(pool, runs_dir):
    """`LiveRuns` adds frames to runs that did not ask for them (the agent loop hands it on as its pool)."""
    frames = []
    run_program(MOTIONS, "pick_place_bowl", 0, pool=LiveRuns(pool, on_frame=frames.append), runs_dir=runs_dir,
                keyframes=False, check=False, timeout=30)
    assert frames and (frames[0].width, frames[0].height) == (160, 120)


def test_a_watched_run_is_paced_so_each_motion_is_seen(pool, runs_dir):
    """An episode simulates many times faster than real time; the run a person watches (live frames and a
    pace) takes at least its simulated time ÷ pace, and one without frames is not held back."""
    program = "def run(robot):\n    robot.move_to(0.45, -0.1, 0.25)\n    robot.move_to(0.45, 0.1, 0.15)\n"
    paced = run_program(program, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, keyframes=False,
                        on_frame=lambda f: None, frame_rate=20, check=False, pace=2.0)
    simulated = paced.records[-1].t_sim - paced.records[0].t_sim  # the second motion, in simulated seconds
    # (a frame rendered late on a busy machine resets the pace rather than rushing: hence 0.8)
    assert simulated > 0.5 and paced.records[-1].t_wall >= 0.8 * simulated / 2.0
    alone = run_program(program, "pick_place_bowl", 0, pool=pool, runs_dir=runs_dir, keyframes=False,
                        check=False, pace=2.0)
    assert alone.records[-1].t_sim == paced.records[-1].t_sim  # the same episode, paced or not
