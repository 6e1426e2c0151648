"""Where the time goes: one episode, one task, and the figures of issue 19.

    python -m bench.speed episode            # per-episode breakdown (CPU) and sandbox / direct ratios
    python -m bench.speed task               # per-task breakdown of a known task, and ÷ one `aspire exec`
    python -m bench.speed composed           # seconds per loop iteration on a new composed task, by step
    python -m bench.speed live               # Enter → first live frame: first task, pool warmed at start, after Esc
    python -m bench.speed whatif             # what sleeping objects and 20 solver iterations save, on every family
    python -m bench.speed throughput         # episodes/s on 1 and 2 workers, and the ASPIRE-sized search
    python -m bench.speed all --json bench/results/speed/latest.json

Everything is measured in this one process run, as ratios against a baseline
run beside it (the project's rule: the machine is shared, so absolute seconds
are noise and only same-run ratios and CPU seconds mean something).

- ``episode``: the reference program of ``pick_place_bowl`` on N seeds, run
  through a real one-worker pool whose worker profiles each run itself
  (``ASPIRE_WORKER_PROFILE``: cProfile on a CPU-time clock, so waiting on
  other engineers' jobs is not counted). Each function's cost is sorted into
  physics stepping, inverse kinematics, perception cameras, keyframe rendering,
  PNG encoding, IPC with the program, tracing, zygote, world build and judging.
  Then wall time per episode: direct (the program called in this process on a
  world, no sandbox) against `run_program` on a warm one-worker pool, with and
  without keyframes; and the start of a fresh pool (process, zygote, world).
- ``task``: a task the library already knows, through `run_task` with the
  offline coder on a warm pool, each `Loop` step timed (wall and this process's
  CPU); divided by one `run_program` of the family's reference program on the
  same pool, and, as a person sees it, `aspire run` ÷ `aspire exec` as commands. Each repeat asks the
  task twice: the first time (no verdicts to recall) and again (the validation scenes' verdicts recalled,
  `aspire_tui.runner.recall`; the debug run is always simulated, as the person watches it), and once more
  as the very first command after an install, whose reader compiles its patterns afresh.
- ``composed``: a task whose scene the words make (no family knows it), and
  the seconds per iteration of the loop (write, check, run, diagnose, repair).
- ``throughput``: `bench.foundation.throughput` (threads feeding a pool) on
  one and two workers, and the wall time of 8 × 5 × 15 episodes that rate gives.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
FAMILY = "pick_place_bowl"
KNOWN_TASK = "put the red block in the green bowl"
console = Console(highlight=False)

# (category, how a profiled function belongs to it). A function's *own* time (tottime) goes to the first
# category whose test matches; pybullet's C calls are told apart by the Python function that called them.
PHYSICS = {"stepSimulation"}  # pybullet's own names, when it is called directly
IK = {"calculateInverseKinematics"}
CAMERA = {"getCameraImage"}


def _bare(name: str) -> str:
    """``stepSimulation`` from ``<built-in method pybullet.stepSimulation>``, ``dot`` from
    ``<method 'dot' of 'numpy.ndarray' objects>``, a Python function's own name unchanged."""
    if name.startswith("<method '"):
        return name.split("'")[1]
    if name.startswith("<built-in method "):
        return name[len("<built-in method "):-1].split(".")[-1]
    return name


def _category(func: tuple[str, int, str], callers: dict) -> str:
    """The category of one profiled function (its file, line and name), by name and, for C calls, caller."""
    path, _, name = func
    bare = _bare(name)
    where = path.replace(os.sep, "/")
    # pybullet through a BulletClient is called from C (functools.partial), which cProfile does not
    # see: its time lands on the Python function that made the call, so those count by name too
    if bare in PHYSICS or ("sim/world.py" in where and bare == "step"):
        return "physics stepping"
    if bare in IK or ("sim/embodiments/" in where and bare in ("solve_ik", "_ik_pass", "_seed_ghost")):
        return "inverse kinematics"
    if bare in CAMERA or ("sim/world.py" in where and bare == "capture"):
        return "perception camera"  # `worker_breakdown` moves what keyframes cost out of this row
    if "PIL/" in where or "zlib" in name or bare in ("encode", "compress") and "PIL" in str(callers):
        return "PNG encoding"
    if "runner/protocol.py" in where or bare in ("send", "recv", "sendall", "recv_into", "poll", "select"):
        return "IPC (program, pool)"
    if "sim/episode.py" in where and bare == "__call__" or "sim/world.py" in where and bare == "pose":
        return "step listeners (rise, contact trackers)"
    if "runner/trace.py" in where or "json/" in where or "dataclasses.py" in where or bare in ("dumps", "loads", "_as_json", "emit",
                                                                  "to_jsonable", "summarize_result",
                                                                  "encode_value", "asdict", "deepcopy"):
        return "tracing (records, trace.json)"
    if "runner/worker.py" in where and bare in ("spawn", "kill", "wait_exit", "_recv", "_expect", "forget"):
        return "zygote (program process)"
    if bare in ("loadURDF", "createMultiBody", "createCollisionShape", "createVisualShape", "resetSimulation",
                "createCollisionShapeArray", "createVisualShapeArray", "changeDynamics", "setAdditionalSearchPath") \
            or "sim/objects.py" in where or ("sim/embodiments/" in where and bare == "load") \
            or ("sim/world.py" in where and bare == "reset"):
        return "world build"
    return "other Python (robot API, sim bookkeeping)"


def _profile_breakdown(profile: pstats.Stats) -> dict[str, float]:
    """CPU seconds per category from a profile (tottime of every function, sorted by `_category`)."""
    stats = profile
    out: dict[str, float] = {}
    for func, (_, _, tottime, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        cat = _category(func, callers)
        out[cat] = out.get(cat, 0.0) + tottime
    return out


def _print_other(profile: pstats.Stats, top: int = 25) -> None:
    """The functions that make up the 'other' row, most costly first (BENCH_SPEED_OTHER=1)."""
    stats = profile
    rows = [(tottime, func) for func, (_, _, tottime, _, callers) in stats.stats.items()  # type: ignore[attr-defined]
            if _category(func, callers).startswith("other")]
    for tottime, func in sorted(rows, reverse=True)[:top]:
        console.print(f"  {tottime:8.3f}  {func[2]}  {func[0]}:{func[1]}")


def _cum(profile: pstats.Stats, name: str, path_part: str = "") -> float:
    """Cumulative seconds of the function called ``name`` (in a file containing ``path_part``)."""
    stats = profile
    total = 0.0
    for (path, _, fname), (_, _, _, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if fname == name and path_part in path:
            total = max(total, cumtime)
    return total


def reference_programs(seeds: list[int], family: str = FAMILY) -> list[str]:
    """The family's reference program for each seed, its ARGS filled from that seed's words."""
    sys.path.insert(0, str(ROOT))
    from sim.episode import make_episode
    from sim.world import World
    from tests.reference_util import program_for, reference_source

    world = World()
    try:
        source = reference_source(family)
        return [program_for(source, make_episode(family, s, world=world)) for s in seeds]
    finally:
        world.close()


def worker_breakdown(seeds: list[int], programs: list[str], runs: Path, keyframes: bool) -> dict[str, Any]:
    """CPU seconds per episode, by category, of a real pool worker serving the reference program: the
    worker profiles each run itself (`aspire_tui.runner.worker.PROFILE_ENV`) and the profiles are summed."""
    from aspire_tui.runner import WorkerPool, run_program
    from aspire_tui.runner.worker import PROFILE_ENV

    folder = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-prof-"))
    os.environ[PROFILE_ENV] = str(folder)  # the pool's workers inherit it
    try:
        with WorkerPool(1) as pool:
            pool.warm()
            warm = run_program(programs[0], FAMILY, seeds[0], pool=pool, runs_dir=runs, keyframes=keyframes)
            wall = time.perf_counter()
            for seed, program in zip(seeds, programs):
                run_program(program, FAMILY, seed, pool=pool, runs_dir=runs, keyframes=keyframes)
            wall = time.perf_counter() - wall
    finally:  # closing the pool waited for its worker, so every profile is written
        os.environ.pop(PROFILE_ENV, None)
    files = [str(f) for f in folder.glob("*.prof") if f.stem != warm.run_id]
    profile = pstats.Stats(*files)
    parts = _profile_breakdown(profile)
    n = len(seeds)
    world = _cum(profile, "make_episode", "sim/episode.py")
    judge = _cum(profile, "_judge", "runner/worker.py")
    # the keyframe camera and the perception camera share `World.capture`: move what `Episode.render`
    # (keyframes and live frames only) spent out of the perception row
    render = min(_cum(profile, "render", "sim/episode.py"), parts.get("perception camera", 0.0))
    parts["perception camera"] = parts.get("perception camera", 0.0) - render
    parts["keyframe rendering"] = parts.get("keyframe rendering", 0.0) + render
    out = {k: v / n for k, v in parts.items()}
    if os.environ.get("BENCH_SPEED_OTHER"):
        _print_other(profile)
    out["(of which world build, whole make_episode)"] = world / n
    out["(of which judging, evaluate)"] = judge / n
    out["(of which keyframes, whole _keyframe)"] = _cum(profile, "_keyframe", "runner/worker.py") / n
    out["total CPU"] = sum(parts.values()) / n
    out["wall"] = wall / n
    return out


def direct_vs_sandbox(seeds: list[int], programs: list[str], runs: Path, repeats: int = 3) -> dict[str, Any]:
    """Wall seconds per episode: direct in this process, and through a warm pool with and without
    keyframes, interleaved ``repeats`` times so load falls on all three alike; medians and ratios."""
    from aspire_tui.runner import WorkerPool, run_program
    from sim.world import World

    world = World()
    got: dict[str, list[float]] = {"direct": [], "sandbox": [], "sandbox+keyframes": []}
    cpu_got: dict[str, list[float]] = {"direct": [], "sandbox": [], "sandbox+keyframes": []}
    with WorkerPool(1) as pool:
        pool.warm()
        run_program(programs[0], FAMILY, seeds[0], pool=pool, runs_dir=runs)
        for _ in range(repeats):
            start, cpu = time.perf_counter(), time.process_time()
            for seed, program in zip(seeds, programs):
                _run_direct(program, seed, world)
            got["direct"].append((time.perf_counter() - start) / len(seeds))
            cpu_got["direct"].append((time.process_time() - cpu) / len(seeds))
            for name, keyframes in (("sandbox", False), ("sandbox+keyframes", True)):
                start, cpu = time.perf_counter(), _run_cpu(pool)
                for seed, program in zip(seeds, programs):
                    run_program(program, FAMILY, seed, pool=pool, runs_dir=runs, keyframes=keyframes)
                got[name].append((time.perf_counter() - start) / len(seeds))
                cpu_got[name].append((_run_cpu(pool) - cpu) / len(seeds))
    world.close()
    ratios = {f"{k} / direct": statistics.median(b / a for a, b in zip(got["direct"], v))
              for k, v in got.items() if k != "direct"}
    cpu_ratios = {f"{k} / direct": statistics.median(b / a for a, b in zip(cpu_got["direct"], v))
                  for k, v in cpu_got.items() if k != "direct"}
    return {"s/episode": {k: statistics.median(v) for k, v in got.items()}, "ratios": ratios,
            "CPU s/episode": {k: statistics.median(v) for k, v in cpu_got.items()}, "CPU ratios": cpu_ratios}


def _cpu_of(pid: int, children: bool = False) -> float:
    """CPU seconds (user + system) process ``pid`` has used, with ``children`` those of its reaped children
    too, from /proc (no profiler in the way)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def _run_cpu(pool) -> float:
    """CPU seconds so far of a one-worker pool's runs: this caller, the worker, and its zygote with the
    program processes it has reaped."""
    worker = pool.workers[0]
    return time.process_time() + _cpu_of(worker.pid) + _cpu_of(int(worker.info["zygote"]), children=True)


def pool_start(repeats: int = 3) -> dict[str, float]:
    """Seconds for a fresh one-worker pool to be ready, and for a bare ``python -c 'import pybullet'``."""
    from aspire_tui.runner import WorkerPool

    starts, imports = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pybullet, numpy"], capture_output=True, check=True)
        imports.append(time.perf_counter() - t)
        t = time.perf_counter()
        with WorkerPool(1) as pool:
            pool.warm()
            starts.append(time.perf_counter() - t)
    return {"fresh worker ready, s": statistics.median(starts), "python + pybullet import, s": statistics.median(imports)}



def _run_direct(program: str, seed: int, world, family: str = FAMILY) -> dict[str, Any]:
    """One episode in this process: its scene built, the program run (a failure still took its time),
    and its checks."""
    from sim.episode import make_episode
    from tests.reference_util import run_program as run_in_process

    episode = make_episode(family, seed, world=world)
    try:
        run_in_process(program, episode.robot)
    except Exception:  # noqa: BLE001 - a failed episode still took its time
        pass
    return episode.evaluate()

def episode(args) -> dict[str, Any]:
    seeds = list(range(100, 100 + args.seeds))
    programs = reference_programs(seeds)
    runs = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-"))
    out: dict[str, Any] = {}
    for keyframes in (False, True):
        out[f"worker CPU per episode, keyframes={keyframes}"] = worker_breakdown(seeds, programs, runs, keyframes)
    out["wall per episode"] = direct_vs_sandbox(seeds, programs, runs, args.repeats)
    out["start"] = pool_start()
    _print_episode(out)
    return out


def _print_episode(out: dict[str, Any]) -> None:
    a, b = out["worker CPU per episode, keyframes=False"], out["worker CPU per episode, keyframes=True"]
    table = Table(title=f"{FAMILY} reference, one episode in a pool worker (CPU seconds, cProfile)")
    for col in ("part", "no keyframes", "share", "keyframes", "share"):
        table.add_column(col, justify="left" if col == "part" else "right")
    keys = [k for k in a if k not in ("total CPU", "wall")] + [k for k in b if k not in a and k not in ("total CPU", "wall")]
    keys.sort(key=lambda k: (k.startswith("("), -b.get(k, 0.0)))
    for k in keys + ["total CPU", "wall"]:
        table.add_row(k, f"{a.get(k, 0):.3f}", f"{a.get(k, 0) / a['total CPU']:.0%}",
                      f"{b.get(k, 0):.3f}", f"{b.get(k, 0) / b['total CPU']:.0%}")
    console.print(table)
    wall = out["wall per episode"]
    console.print("wall s/episode (medians): " + ", ".join(f"{k} {v:.3f}" for k, v in wall["s/episode"].items()))
    console.print("ratios (target sandbox ≤ 1.15×, +keyframes ≤ 1.5×): "
                  + ", ".join(f"{k} {v:.2f}×" for k, v in wall["ratios"].items()))
    console.print("CPU s/episode (worker + caller, from /proc; medians): " + ", ".join(
        f"{k} {v:.3f}" for k, v in wall["CPU s/episode"].items()))
    console.print("CPU ratios (the same targets, measured in CPU seconds, which load does not inflate): "
                  + ", ".join(f"{k} {v:.2f}×" for k, v in wall["CPU ratios"].items()))
    console.print("start: " + ", ".join(f"{k} {v:.2f}" for k, v in out["start"].items()))


# -- one task --------------------------------------------------------------------------------------------

# `Loop` methods timed, by the name the tables show: the other scenes start beside the debug run, so
# what a task waits for them is the time collecting them takes after it (`Loop._collect`)
STEPS = {"understand": "understand", "retrieve": "retrieve", "write": "write", "check": "check",
         "run_debug": "debug run", "_collect": "other scenes (wait after the debug run)", "diagnose": "diagnose",
         "repair": "repair", "distill": "distill", "finish": "finish"}


def timed_loop():
    """A `Loop` whose steps add their wall and CPU seconds to ``self.spent`` (and ARGS filling apart)."""
    from aspire_tui.agent import loop as loop_module

    class TimedLoop(loop_module.Loop):
        spent: dict[str, list[float]]

    def wrap(name: str, fn):
        def timed(self, *a, **k):
            spent = self.__dict__.setdefault("spent", {})
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(self, *a, **k)
            finally:
                row = spent.setdefault(name, [0.0, 0.0])
                row[0] += time.perf_counter() - wall
                row[1] += time.process_time() - cpu
        return timed

    for name, label in STEPS.items():
        setattr(TimedLoop, name, wrap(label, getattr(loop_module.Loop, name)))
    return TimedLoop


def _scene_program_timer(spent: dict[str, list[float]]):
    """Patch `loop.scene_program` (each validation scene's ARGS, built in the caller) to add to ``spent``."""
    from aspire_tui.agent import loop as loop_module

    original = loop_module.scene_program

    def scene_program(*a, **k):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*a, **k)
        finally:
            row = spent.setdefault("(of which ARGS for each scene, in the caller)", [0.0, 0.0])
            row[0] += time.perf_counter() - wall
            row[1] += time.process_time() - cpu
    loop_module.scene_program = scene_program
    return lambda: setattr(loop_module, "scene_program", original)


def known_task(pool, library, runs: Path, instruction: str = KNOWN_TASK) -> dict[str, Any]:
    """One known task through the loop on ``pool``: its steps' wall/CPU seconds and the episode count."""
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.agent.loop import Options

    Loop = timed_loop()
    loop = Loop(coder_for(), library, options=Options(pool=pool))
    loop.spent = {}
    restore = _scene_program_timer(loop.spent)
    wall = time.perf_counter()
    try:
        result = loop.run(instruction)
    finally:
        restore()
    wall = time.perf_counter() - wall
    return {"wall": wall, "steps": loop.spent, "validated": result.validated, "episodes": result.episodes,
            "recalled": len(result.recalled),
            "iterations": result.iterations, "timings": result.timings,
            "message": result.message, "family": result.family, "seed": result.seed}


def exec_reference(pool, runs: Path, seed: int, family: str = FAMILY) -> float:
    """Wall seconds of one `run_program` of the family's reference program (keyframes on, as `aspire exec`)."""
    from aspire_tui.runner import run_program

    program = reference_programs([seed], family)[0]
    start = time.perf_counter()
    trace = run_program(program, family, seed, pool=pool, runs_dir=runs, keyframes=True)
    if trace.outcome != "succeeded":
        console.print(f"[yellow]the reference episode {family} seed {seed} {trace.outcome}[/]", markup=True)
    return time.perf_counter() - start


def commands(home: Path, repeats: int) -> dict[str, Any]:
    """`aspire run KNOWN_TASK` ÷ `aspire exec` of the reference program, as a person types them (fresh
    processes: each pays its own start), interleaved ``repeats`` times: each repeat asks the task the first
    time (no verdict kept from an earlier run) and then again (its scenes' verdicts recalled)."""
    import compileall

    from aspire_tui.runner.recall import RECALL_FILE

    # Python writes a module's bytecode the first time a person runs it; where PYTHONDONTWRITEBYTECODE is
    # set, every command would compile each changed source again, so the bytecode is written here once
    for package in ("aspire_tui", "sim"):
        compileall.compile_dir(ROOT / package, quiet=1)
    program = home / "reference.py"
    program.write_text(reference_programs([0])[0], encoding="utf-8")
    # likewise the reader's compiled patterns (`aspire_tui.agent.words.compiled`): written by a person's first
    # command, here by one `--dry-run`; "first command" times a run whose cache is empty, as after an install
    env = {**os.environ, "ASPIRE_HOME": str(home / "lib"), "ASPIRE_CACHE": str(home / "cache")}
    aspire = str(Path(sys.executable).with_name("aspire"))
    subprocess.run([aspire, "run", KNOWN_TASK, "--dry-run", str(home / "dry.toml")], env=env, capture_output=True)
    times: dict[str, list[float]] = {"exec": [], "first": [], "again": [], "first command": []}
    for k in range(repeats):
        (home / "lib" / "runs" / RECALL_FILE).unlink(missing_ok=True)
        for cmd, into in (([aspire, "exec", str(program), "--task", FAMILY, "--seed", "0"], "exec"),
                          ([aspire, "run", KNOWN_TASK], "first"), ([aspire, "run", KNOWN_TASK], "again"),
                          ([aspire, "run", KNOWN_TASK], "first command")):
            if into == "first command":
                (home / "lib" / "runs" / RECALL_FILE).unlink(missing_ok=True)
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=str(home),
                                  env={**env, "ASPIRE_CACHE": str(home / f"empty-cache-{k}")}
                                  if into == "first command" else env)
            times[into].append(time.perf_counter() - start)
            if done.returncode:
                console.print(f"[yellow]{' '.join(cmd[1:3])} exited {done.returncode}: "
                              f"{done.stdout[-200:]}{done.stderr[-200:]}[/]", markup=True)
    ratio = {k: statistics.median(r / e for r, e in zip(times[k], times["exec"]))
             for k in ("first", "again", "first command")}
    return {"aspire exec, s": statistics.median(times["exec"]),
            "aspire run, first ask, s": statistics.median(times["first"]),
            "aspire run, asked again, s": statistics.median(times["again"]),
            "aspire run, first command after an install, s": statistics.median(times["first command"]),
            "ratio, first ask": ratio["first"], "ratio, asked again": ratio["again"],
            "ratio, first command after an install": ratio["first command"], "times": times}


def task(args) -> dict[str, Any]:
    from aspire_tui.runner import WorkerPool
    from aspire_tui.runner.recall import RECALL_FILE
    from aspire_tui.skills.library import Library

    home = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-task-"))
    library = Library.open(home / "lib")
    runs = library.runs_dir
    out: dict[str, Any] = {}
    sizes = sorted({1, args.workers})  # one worker runs the seeds one by one, as the loop did before
    pools = {n: WorkerPool(n) for n in sizes}
    try:
        for pool in pools.values():
            pool.warm()
            exec_reference(pool, runs, 0)  # warm this family's caches in every process
            known_task(pool, library, runs)  # and the caller's: the embedding model, the index
        rows: dict[int, list] = {n: [] for n in sizes}
        firsts: dict[int, list] = {n: [] for n in sizes}
        for _ in range(args.repeats):
            for n, pool in pools.items():  # interleaved, so the machine's load falls on each alike
                one = exec_reference(pool, runs, 0)
                (runs / RECALL_FILE).unlink(missing_ok=True)  # asked for the first time: nothing to recall
                firsts[n].append(known_task(pool, library, runs))
                rows[n].append((known_task(pool, library, runs), one))  # asked again: its verdicts recalled
    finally:
        for pool in pools.values():
            pool.close()
    for n in sizes:
        execs = [e for _, e in rows[n]]
        out[f"in process, warm pool of {n}"] = {
            "task wall, s": statistics.median(k["wall"] for k, _ in rows[n]),
            "exec wall, s": statistics.median(execs),
            "ratio": statistics.median(k["wall"] / e for k, e in rows[n]),
            "first ask wall, s": statistics.median(k["wall"] for k in firsts[n]),
            "first ask ratio": statistics.median(k["wall"] / e for k, e in zip(firsts[n], execs)),
            "workers": n, "runs": [k for k, _ in rows[n]], "first asks": firsts[n]}
        _print_task(out[f"in process, warm pool of {n}"])
    if len(sizes) > 1:
        a, b = (out[f"in process, warm pool of {n}"] for n in sizes)
        out["known task, 1 worker / N workers"] = statistics.median(
            x["wall"] / y["wall"] for x, y in zip(a["runs"], b["runs"]))
        console.print(f"known task on 1 worker ÷ on {sizes[-1]}: {out['known task, 1 worker / N workers']:.2f}×")
    if not args.no_commands:
        out["commands"] = commands(home, args.repeats)
        c = out["commands"]
        console.print(f"commands (medians of {args.repeats}; target ≤ 2.0): aspire run asked the first time "
                      f"{c['aspire run, first ask, s']:.2f} s ÷ aspire exec {c['aspire exec, s']:.2f} s = "
                      f"{c['ratio, first ask']:.2f}×; asked again {c['aspire run, asked again, s']:.2f} s = "
                      f"{c['ratio, asked again']:.2f}×; the first command after an install (no compiled patterns "
                      f"kept) {c['aspire run, first command after an install, s']:.2f} s = "
                      f"{c['ratio, first command after an install']:.2f}×")
    library.close()
    return out


def _print_task(row: dict[str, Any]) -> None:
    last = row["runs"][-1]
    table = Table(title=f"'{KNOWN_TASK}' (known task), {row['workers']} worker(s): loop steps, last run")
    for col in ("step", "wall s", "caller CPU s"):
        table.add_column(col, justify="left" if col == "step" else "right")
    for name, (wall, cpu) in last["steps"].items():
        table.add_row(name, f"{wall:.2f}", f"{cpu:.2f}")
    table.add_row("whole task", f"{last['wall']:.2f}", "")
    console.print(table)
    console.print(f"validated {last['validated']} in {last['episodes']} episodes ({last['recalled']} recalled): "
                  f"{last['message'][:100]}")
    console.print(f"known task ÷ one reference run, same warm pool (medians of {len(row['runs'])}): asked again "
                  f"{row['task wall, s']:.2f} s ÷ {row['exec wall, s']:.2f} s = {row['ratio']:.2f}× (target ≤ 2.0); "
                  f"asked the first time {row['first ask wall, s']:.2f} s = {row['first ask ratio']:.2f}×")


# -- a new composed task -----------------------------------------------------------------------------------

COMPOSED_TASK = "put the biggest block in the green bowl"  # words-made scene; repaired once (bench/composite)


def composed(args) -> dict[str, Any]:
    """One new composed task through the loop on a warm pool: seconds per iteration and where they went."""
    from aspire_tui.runner import WorkerPool
    from aspire_tui.skills.library import Library

    home = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-composed-"))
    library = Library.open(home / "lib")
    with WorkerPool(args.workers) as pool:
        pool.warm()
        known_task(pool, library, library.runs_dir)  # the caller's caches (embedding model, index)
        got = known_task(pool, library, library.runs_dir, instruction=args.composed)
    library.close()
    iterations = max(1, got["iterations"])
    got["per iteration, s"] = got["wall"] / iterations
    table = Table(title=f"'{args.composed}' (new composed task), {args.workers} workers: "
                        f"{iterations} iteration(s), {got['episodes']} episodes")
    for col in ("step", "wall s", "caller CPU s", "per iteration s"):
        table.add_column(col, justify="left" if col == "step" else "right")
    for name, (wall, cpu) in got["steps"].items():
        table.add_row(name, f"{wall:.2f}", f"{cpu:.2f}", f"{wall / iterations:.2f}")
    table.add_row("whole task", f"{got['wall']:.2f}", "", f"{got['per iteration, s']:.2f}")
    console.print(table)
    console.print(f"loop timings (TaskResult.timings): {got['timings']}; {got['message'][:120]}")
    return got


# -- Enter to the first live frame --------------------------------------------------------------------------

def _first_frame(library, pool, words: str, steps: dict[str, Any] | None = None) -> tuple[float, float]:
    """(seconds from Enter to the first live frame, seconds from Esc, pressed at that frame, to `Cancelled`):
    the loop as the app runs it (frames, a stop event), each step's wall seconds added to ``steps``."""
    import threading as th

    from aspire_tui.agent import events as ev
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.agent.loop import Options
    from aspire_tui.runner import Cancelled

    stop, seen = th.Event(), []

    def emit(event) -> None:
        if isinstance(event, ev.Frame) and not seen:
            seen.append(time.perf_counter())
            stop.set()  # Esc at the first frame

    start = time.perf_counter()
    loop = timed_loop()(coder_for(), library, emit=emit, options=Options(pool=pool, stop=stop, frames=True))
    loop.spent = {}
    try:
        loop.run(words)
    except Cancelled:
        pass
    end = time.perf_counter()
    if steps is not None:
        steps.update({k: round(v[0], 3) for k, v in loop.spent.items()})
    return (seen[0] - start if seen else float("nan")), (end - seen[0] if seen else float("nan"))


def live_first(args) -> dict[str, Any]:
    """(In a fresh process, started by `live`.) A session's first task and the one after Esc, with
    ``--warm`` none (nothing started before Enter), pool (the app started the workers when it opened) or
    all (the app called `aspire_tui.agent.loop.warm_up` when it opened: workers, word reader, library)."""
    from aspire_tui.agent.loop import warm_up
    from aspire_tui.runner.pool import default_pool
    from aspire_tui.skills.library import Library

    library = Library.open(args.library)
    if args.warm == "all":
        warm_up(library)
    if args.warm in ("pool", "all"):
        default_pool().warm()  # the person typed for a while: the workers had time to start
    steps: dict[str, Any] = {}
    first, esc = _first_frame(library, None, args.words, steps)
    second, _ = _first_frame(library, None, args.words)
    library.close()
    out = {"first task": first, "after Esc": second, "Esc to Cancelled": esc, "first task's steps": steps}
    print(json.dumps(out))
    return out


def live(args) -> dict[str, Any]:
    """Seconds from Enter (the loop started, as the app's worker thread starts it) to the first live frame:
    a session's first task in a fresh process, with nothing warmed, with the pool started at app open, and
    with `warm_up` called at app open; then the task after Esc (stopped at its first frame). Also Esc to
    `Cancelled`: how long the interrupted loop takes to stop. Medians of ``repeats`` fresh processes each."""
    home = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-live-"))
    # the library as an earlier session left it (made and indexed in another process), so each measuring
    # process starts as an app does: nothing loaded, the index on disk
    subprocess.run([sys.executable, "-c", "import sys; from aspire_tui.skills.library import Library; "
                    "lib = Library.open(sys.argv[1]); lib.reindex(); lib.close()", str(home / "lib")],
                   check=True, capture_output=True, cwd=str(ROOT))
    words = args.composed if args.live_composed else KNOWN_TASK
    out: dict[str, Any] = {"words": words, "workers": "default pool (one a CPU, one started at first)"}
    for warm in ("none", "pool", "all"):
        rows = []
        for _ in range(args.repeats):
            done = subprocess.run([sys.executable, "-m", "bench.speed", "live-first", "--warm", warm,
                                   "--library", str(home / "lib"), "--words", words],
                                  capture_output=True, text=True, cwd=str(ROOT))
            lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
            if done.returncode or not lines:
                console.print(f"[yellow]live-first --warm {warm} failed: {done.stderr[-300:]}[/]", markup=True)
                continue
            rows.append(json.loads(lines[-1]))
        if not rows:
            continue
        out[f"warm={warm}"] = {k: statistics.median(r[k] for r in rows) for k in ("first task", "after Esc",
                                                                               "Esc to Cancelled")}
        out[f"warm={warm}"]["first task's steps (last sample)"] = rows[-1]["first task's steps"]
        out[f"warm={warm}"]["samples"] = rows
        row = out[f"warm={warm}"]
        console.print(f"warm at app open = {warm:<4}: Enter → first live frame, first task {row['first task']:.2f} s, "
                      f"after Esc {row['after Esc']:.2f} s; Esc → stopped {row['Esc to Cancelled']:.2f} s "
                      f"(target ≤ 1.5 s; medians of {len(rows)})")
        console.print("    first task's steps (wall s): " + ", ".join(
            f"{k} {v:.2f}" for k, v in row["first task's steps (last sample)"].items()), style="dim")
    return out


# -- what the physics could still save -------------------------------------------------------------------

def whatif(args) -> dict[str, Any]:
    """CPU seconds per direct episode of every family's reference program under variants of the simulation,
    applied in this process only and interleaved: objects that never sleep (what resting objects cost before
    they were let sleep) and pybullet's default 50 contact-solver iterations (the world uses 20), with how many
    episodes succeed under each, per family."""
    import sim.objects as objects
    import sim.world as world_mod
    from sim.tasks import builtin_tasks
    from sim.world import World

    reset, rest = world_mod.World.reset, objects.rest

    def awake(world) -> None:  # neither put to sleep at the start nor allowed to sleep later
        for body in world.bodies.values():
            if body.kind in objects.KINDS:
                world.p.changeDynamics(body.uid, -1, activationState=world.p.ACTIVATION_STATE_DISABLE_SLEEPING)

    def solver50(self) -> None:
        reset(self)
        self.p.setPhysicsEngineParameter(numSolverIterations=50)

    variants = {"as is": {}, "objects never sleep": {"rest": awake},
                "solver 50 iterations (pybullet's default)": {"reset": solver50}}
    seeds = list(range(100, 100 + args.seeds))
    families = sorted(builtin_tasks())
    programs = {family: reference_programs(seeds, family) for family in families}
    world = World()
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    wins = {k: {family: 0 for family in families} for k in variants}
    try:
        for _ in range(args.repeats):
            for name, v in variants.items():
                objects.rest = v.get("rest", rest)
                world_mod.World.reset = v.get("reset", reset)
                start = time.process_time()
                for family in families:
                    for seed, program in zip(seeds, programs[family]):
                        wins[name][family] += bool(_run_direct(program, seed, world, family).get("success"))
                cpu[name].append((time.process_time() - start) / (len(seeds) * len(families)))
    finally:
        objects.rest, world_mod.World.reset = rest, reset
        world.close()
    base = cpu["as is"]
    runs = len(seeds) * len(families) * args.repeats
    out = {k: {"CPU s/episode": statistics.median(v), "÷ as is": statistics.median(b / a for a, b in zip(base, v)),
               "succeeded": f"{sum(wins[k].values())}/{runs}", "per family": wins[k]} for k, v in cpu.items()}
    table = Table(title=f"every family's reference, direct episodes under simulation variants "
                        f"(CPU, {len(families)} families × {len(seeds)} seeds)")
    for col in ("variant", "CPU s/episode", "÷ as is", "succeeded", "families that differ from as is"):
        table.add_column(col, justify="left" if col in ("variant", "families that differ from as is") else "right")
    for k, v in out.items():
        differ = [f"{f} {n} vs {wins['as is'][f]}" for f, n in wins[k].items() if n != wins["as is"][f]]
        table.add_row(k, f"{v['CPU s/episode']:.3f}", f"{v['÷ as is']:.2f}×", v["succeeded"], ", ".join(differ) or "none")
    console.print(table)
    return out


# -- throughput ------------------------------------------------------------------------------------------

def throughput(args) -> dict[str, Any]:
    """Episodes/s of the pick_place_bowl reference on 1 and 2 workers (threads feeding a pool, as the
    search does), with keyframes (as `aspire exec`) and without (as the search and validation run),
    interleaved ``repeats`` times; the workers' CPU seconds per episode beside each (what a quiet machine
    would give); and what 8 × 5 × 15 episodes take at the rates without keyframes."""
    from bench.foundation import throughput as rate

    seeds = range(100, 100 + args.episodes)
    programs = reference_programs(list(seeds))
    runs = Path(tempfile.mkdtemp(prefix="aspire-bench-speed-tp-"))
    variants = {"1 worker": (1, True), "2 workers": (2, True),
                "1 worker, no keyframes": (1, False), "2 workers, no keyframes": (2, False)}
    got: dict[str, list[float]] = {k: [] for k in variants}
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    load = []
    for _ in range(args.repeats):
        for name, (n, keyframes) in variants.items():
            load.append(os.getloadavg()[0])
            before = os.times()
            got[name].append(rate(n, programs, seeds, runs, keyframes=keyframes))
            after = os.times()  # the pool's workers have exited and been waited for: their CPU is counted
            spent = after.children_user + after.children_system - before.children_user - before.children_system
            cpu[name].append(spent / (len(seeds) + 1))  # and the one warm-up episode
    med = {k: statistics.median(v) for k, v in got.items()}
    ratios = {kind: statistics.median(b / a for a, b in zip(got[f"1 worker{kind}"], got[f"2 workers{kind}"]))
              for kind in ("", ", no keyframes")}
    one, two = med["1 worker, no keyframes"], med["2 workers, no keyframes"]
    search = 8 * 5 * 15
    out = {**{f"episodes/s, {k}": v for k, v in med.items()}, "2 ÷ 1": ratios[""],
           "2 ÷ 1, no keyframes": ratios[", no keyframes"], "samples": got,
           "worker CPU s per episode": {k: statistics.median(v) for k, v in cpu.items()},
           "load average during": load, "ASPIRE search (600 episodes), s at 2 workers": search / two,
           "ASPIRE search (600 episodes), s at 1 worker": search / one}
    for name in variants:
        console.print(f"pick_place_bowl reference, {args.episodes} episodes, {name}: {med[name]:.2f} ep/s wall, "
                      f"{statistics.median(cpu[name]):.3f} s worker CPU an episode (≈ "
                      f"{1 / statistics.median(cpu[name]) * variants[name][0]:.1f} ep/s on idle cores)")
    console.print(f"2 ÷ 1 = {ratios['']:.2f}× with keyframes, {ratios[', no keyframes']:.2f}× without (medians of "
                  f"{args.repeats}; load average {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} CPUs)")
    console.print(f"ASPIRE-sized search (8 × 5 × 15 = {search} episodes, no keyframes): {search / two / 60:.1f} min "
                  f"on 2 workers, {search / one / 60:.1f} min on 1")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["episode", "task", "composed", "live", "throughput", "whatif", "all",
                                         "live-first"])
    parser.add_argument("--warm", choices=["none", "pool", "all"], default="none", help=argparse.SUPPRESS)
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--words", default=KNOWN_TASK, help=argparse.SUPPRESS)
    parser.add_argument("--live-composed", action="store_true", help="time the first frame on --composed")
    parser.add_argument("--composed", default=COMPOSED_TASK, help="the new composed task's words")
    parser.add_argument("--seeds", type=int, default=4, help="episodes per measurement")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repeats (medians are reported)")
    parser.add_argument("--episodes", type=int, default=12, help="episodes per throughput sample")
    parser.add_argument("--workers", type=int, default=2, help="pool size for the task figures")
    parser.add_argument("--no-commands", action="store_true", help="skip `aspire run` ÷ `aspire exec` as commands")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    out: dict[str, Any] = {"load average": os.getloadavg(), "cpus": os.cpu_count()}
    if args.what == "live-first":  # a child of `live`: its JSON line is its whole output
        live_first(args)
        return 0
    for what, fn in (("episode", episode), ("task", task), ("composed", composed), ("live", live),
                     ("throughput", throughput), ("whatif", whatif)):
        if args.what in (what, "all"):
            out[what] = fn(args)
    out["load average after"] = os.getloadavg()
    console.print(f"load average before {out['load average'][0]:.1f}, after {out['load average after'][0]:.1f} "
                  f"on {out['cpus']} CPUs")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
