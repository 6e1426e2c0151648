"""A soak: N tasks in one app session, typed through Pilot as a person would, memory and time after each.

    python -m bench.soak                                   # 200 tasks, offline coder, a fresh temporary library
    python -m bench.soak --json bench/results/soak/soak.json --plot bench/results/soak/soak.png
    python -m bench.soak --tasks 40 --tracemalloc 10,40    # also diff Python's allocations between two tasks
    python -m bench.soak --report bench/results/soak/soak.json --plot soak.png   # summarise again, run nothing

One `AspireApp` (headless, `App.run_test()`) runs every task; no model, no network (the offline coder),
and a library made fresh in a temporary ``$ASPIRE_HOME`` (seeded on first open, as on a first run). The
tasks go round `TASKS`: everyday tasks the seed library knows and a few it has to compose (the first
time it composes them it keeps a skill; later rounds find it). Each task is typed key by key into the
prompt and sent with Enter; the task has ended when the screen's loop is no longer running. The app
holds one table for a conversation, so before each task after the first the person types ``/reset``
(the next task makes a new table), as they would to start something unrelated. Every
``--esc-every``-th task is interrupted with Esc once its first robot call is on screen (as a person who
changed their mind would), and the next task follows it in the same session.

After each task it records: the app process's resident memory (VmRSS of this process: the app runs
here), the summed VmRSS of every process below it (the simulation workers, their zygotes and program
processes), how many of those there are, this process's open file descriptors and threads, the
task's seconds (Enter until the loop is done), and the size of the library's ``runs/`` folder.

Figures (also in ``--json``): seconds per task p50 / p95; memory at tasks 10, 50, 100, 150 and 200; the
least-squares slope of the app's RSS and of the workers' RSS over the last half of the tasks, in MB per
100 tasks. **Memory plateaus** when the app's slope over the last half is under `PLATEAU_MB_PER_100`
(5 MB per 100 tasks) and so is the workers'. **File descriptors and processes are flat** when their
highest count over the last half is no higher than over the first half (nothing new is held once the
session has settled). RSS counts shared pages once per process, so the workers' sum is an upper bound on
what they take; its trend is what matters here.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import tempfile
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

# everyday tasks of the seed library's families, and three it composes (the last three: first a new skill)
TASKS = [
    "put the red block in the green bowl",
    "stack the blue block on the red block",
    "put the red block on the plate",
    "put the red ball in the white tray",
    "put the red block in the far left corner of the table",
    "push the red block into the green zone without lifting it",
    "put the blue block next to the red block",
    "put the red block in the green bowl and the blue block on the plate",
]
MILESTONES = (10, 50, 100, 150, 200)
PLATEAU_MB_PER_100 = 5.0
TASK_TIMEOUT_S = 900.0   # a task longer than this is a hang: the soak stops and says so
MB = 1_000_000
console = Console(highlight=False)


# ---------------------------------------------------------------- what /proc says

def _status_kb(pid: int | str, field: str) -> int:
    """One ``kB`` field of /proc/PID/status (VmRSS, ...), 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def descendants(root: int) -> list[int]:
    """Every process below ``root`` (children, theirs, ...), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])   # the name in (...) may hold spaces
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def folder_bytes(path: Path) -> tuple[int, int]:
    """(bytes of every file under ``path``, run folders directly in it)."""
    total, runs = 0, 0
    if not path.is_dir():
        return 0, 0
    for entry in os.scandir(path):
        if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            runs += 1
    for dirpath, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except FileNotFoundError:
                pass
    return total, runs


def sample() -> dict[str, Any]:
    """The app process and the processes below it, now."""
    pid = os.getpid()
    kids = descendants(pid)
    return {"rss_mb": _status_kb(pid, "VmRSS") / 1000,
            "workers_rss_mb": sum(_status_kb(k, "VmRSS") for k in kids) / 1000,
            "processes": len(kids),
            "fds": len(os.listdir("/proc/self/fd")),
            "threads": _status_kb(pid, "Threads")}


# ---------------------------------------------------------------- figures

def slope_per_100(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys against xs, per 100 of x (0 with fewer than two points)."""
    if len(xs) < 2:
        return 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 100 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(round(q * len(s))) - 1))] if s else 0.0


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    half = rows[n // 2:] if n >= 2 else rows
    first = rows[:n // 2] or rows
    xs = [r["task"] for r in half]
    seconds = [r["seconds"] for r in rows]
    out: dict[str, Any] = {
        "tasks": n,
        "outcomes": {k: sum(r["outcome"] == k for r in rows) for k in sorted({r["outcome"] for r in rows})},
        "seconds_p50": statistics.median(seconds) if seconds else 0.0,
        "seconds_p95": percentile(seconds, 0.95),
        "seconds_p50_not_interrupted": statistics.median([r["seconds"] for r in rows if not r["esc"]] or [0.0]),
        "at": {str(k): {f: rows[k - 1][f] for f in ("rss_mb", "workers_rss_mb", "processes", "fds", "threads",
                                                     "runs_mb", "runs")}
               for k in MILESTONES if k <= n},
        "last_half_from_task": half[0]["task"] if half else None,
        "rss_slope_mb_per_100": slope_per_100(xs, [r["rss_mb"] for r in half]),
        "workers_rss_slope_mb_per_100": slope_per_100(xs, [r["workers_rss_mb"] for r in half]),
        "runs_slope_mb_per_100": slope_per_100(xs, [r["runs_mb"] for r in half]),
        "plateau_rule": f"slope over the last half < {PLATEAU_MB_PER_100:g} MB per 100 tasks (app and workers)",
    }
    out["memory_plateaus"] = (abs(out["rss_slope_mb_per_100"]) < PLATEAU_MB_PER_100
                              and abs(out["workers_rss_slope_mb_per_100"]) < PLATEAU_MB_PER_100)
    for f in ("fds", "processes", "threads"):
        out[f"{f}_first_half_max"] = max(r[f] for r in first)
        out[f"{f}_last_half_max"] = max(r[f] for r in half)
        out[f"{f}_flat"] = out[f"{f}_last_half_max"] <= out[f"{f}_first_half_max"]
    return out


# ---------------------------------------------------------------- the session

def _outcome(lines: list[str]) -> str:
    """What the log says of one task: validated, interrupted, or the last line it wrote."""
    text = "\n".join(lines)
    if "interrupted" in text:
        return "interrupted"
    if any(line.startswith("done validated") for line in lines):
        return "validated"
    return "other: " + (lines[-1][:100] if lines else "(nothing)")


def _top_diff(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, top: int = 20) -> list[dict[str, Any]]:
    stats = after.compare_to(before, "traceback")
    out = []
    for s in stats[:top]:
        frames = [f"{f.filename.split('site-packages/')[-1].split('/work/main/')[-1]}:{f.lineno}"
                  for f in s.traceback[-6:]]
        out.append({"size_diff_kb": s.size_diff / 1000, "count_diff": s.count_diff, "where": frames})
    return out


async def soak(n: int, esc_every: int, validate: int, max_iterations: int,
               snapshots: tuple[int, int] | None, progress: bool, warm_up: bool = True,
               partial: Path | None = None) -> dict[str, Any]:
    from aspire_tui.app.app import AspireApp, Settings
    from aspire_tui.app.history import History
    from aspire_tui.app.widgets.conversation import Conversation
    from aspire_tui.app.widgets.prompt_input import PromptInput
    from aspire_tui.app.widgets.status_line import StatusLine

    rows: list[dict[str, Any]] = []
    snaps: dict[int, tracemalloc.Snapshot] = {}
    if snapshots:
        tracemalloc.start(12)
    app = AspireApp(Settings(validate=validate, max_iterations=max_iterations, warm_up=warm_up), History(None))
    t_start = time.perf_counter()
    hung = None
    async with app.run_test(size=(140, 40)) as pilot:
        while app.main is None or not app.main.query_one(StatusLine).head:
            await pilot.pause(0.05)
        main = app.main
        log = main.query_one(Conversation)
        said: list[str] = []   # what the log said during the task now running (the log itself keeps a bounded tail)
        say = log.say

        def say_and_note(renderable) -> None:
            say(renderable)
            said.append(log.plain[-1])
        log.say = say_and_note  # type: ignore[method-assign]
        status = main.query_one(StatusLine)
        first_usable = time.perf_counter() - t_start
        baseline = sample()
        for i in range(1, n + 1):
            text = TASKS[(i - 1) % len(TASKS)]
            main.query_one(PromptInput).focus()
            if i > 1:   # a new table for an unrelated task (the last one's objects have moved)
                await pilot.press(*"/reset", "enter")
                await pilot.pause()
            t_type = time.perf_counter()
            await pilot.press(*text)     # key by key, as typed
            typed_s = time.perf_counter() - t_type
            said.clear()
            t0 = time.perf_counter()
            await pilot.press("enter")
            esc = bool(esc_every) and i % esc_every == 0
            esc_at = None
            while main.running:
                if esc and esc_at is None and status.state.startswith("running"):
                    esc_at = time.perf_counter() - t0
                    await pilot.press("escape")
                if time.perf_counter() - t0 > TASK_TIMEOUT_S:
                    hung = i
                    break
                await pilot.pause(0.05)
            seconds = time.perf_counter() - t0
            if hung:
                break
            await pilot.pause(0.1)   # LoopDone's library check lands
            runs_bytes, runs = folder_bytes(Path(main.runs_dir)) if main.runs_dir else (0, 0)
            row = {"task": i, "text": text, "outcome": _outcome(said), "seconds": seconds,
                   "typed_s": typed_s, "esc": esc, "esc_at_s": esc_at, **sample(),
                   "runs_mb": runs_bytes / MB, "runs": runs}
            if snapshots:
                row["traced_mb"] = tracemalloc.get_traced_memory()[0] / MB   # Python's own heap, as traced
            rows.append(row)
            if partial is not None:   # every row so far, so that a run cut short still leaves its figures
                partial.write_text(json.dumps({"partial": True, "rows": rows}) + "\n")
            if progress:
                console.print(f"[dim]{i:4d} {seconds:6.1f} s  app {row['rss_mb']:6.1f} MB  workers "
                              f"{row['workers_rss_mb']:6.1f} MB  procs {row['processes']:2d}  fds {row['fds']:3d}  "
                              f"runs/ {row['runs_mb']:5.1f} MB  {row['outcome'][:40]}{'  (Esc)' if esc else ''}[/]")
            if snapshots and i in snapshots:
                gc.collect()
                snaps[i] = tracemalloc.take_snapshot()
        log_lines = len(log.lines)   # screen lines the log holds at the end
    result: dict[str, Any] = {"first_usable_s": first_usable, "baseline": baseline, "rows": rows,
                              "hung_at_task": hung, "log_lines": log_lines}
    if snapshots and len(snaps) == 2:
        a, b = sorted(snaps)
        grown = sum(s.size_diff for s in snaps[b].compare_to(snaps[a], "filename"))
        result["tracemalloc"] = {"from_task": a, "to_task": b, "traced_growth_mb": grown / MB,
                                 "top": _top_diff(snaps[a], snaps[b])}
    if snapshots:
        tracemalloc.stop()
    return result


# ---------------------------------------------------------------- output

def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = result["rows"]
    x = [r["task"] for r in rows]
    esc = [r["task"] for r in rows if r["esc"]]
    fig, axes = plt.subplots(4, 1, figsize=(10, 10), sharex=True,
                             gridspec_kw={"height_ratios": [3, 1.6, 1.6, 1.2]})
    ax = axes[0]
    ax.plot(x, [r["rss_mb"] for r in rows], label="app RSS", color="#3182bd")
    ax.plot(x, [r["workers_rss_mb"] for r in rows], label="workers' RSS (sum)", color="#e6550d")
    ax.set_ylabel("MB")
    s = result["summary"]
    ax.set_title(f"Soak: {s['tasks']} tasks in one app session · app RSS slope over the last half "
                 f"{s['rss_slope_mb_per_100']:+.1f} MB/100 tasks, workers {s['workers_rss_slope_mb_per_100']:+.1f}",
                 fontsize=9)
    for t in esc:
        for a in axes:
            a.axvline(t, color="#bbbbbb", lw=0.6, ls=":")
    ax.legend(fontsize=8, loc="center right")
    ax.set_ylim(bottom=0)
    axes[1].plot(x, [r["runs_mb"] for r in rows], color="#31a354", label="runs/ size")
    axes[1].set_ylabel("runs/ MB")
    axes[1].set_ylim(bottom=0)
    axes[2].plot(x, [r["seconds"] for r in rows], ".", ms=3, color="#636363")
    axes[2].set_ylabel("s per task")
    axes[2].set_ylim(bottom=0)
    axes[3].plot(x, [r["fds"] for r in rows], label="open fds", color="#756bb1")
    axes[3].plot(x, [r["processes"] for r in rows], label="processes below the app", color="#de2d26")
    axes[3].plot(x, [r["threads"] for r in rows], label="app threads", color="#969696")
    axes[3].legend(fontsize=7, loc="center right", ncol=3)
    axes[3].set_ylim(bottom=0)
    axes[3].set_xlabel("task (dotted: Esc pressed mid-task)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def report(result: dict[str, Any]) -> None:
    s = result["summary"]
    table = Table(title=f"soak: {s['tasks']} tasks, one app session (offline coder)")
    for col in ("task", "app RSS MB", "workers RSS MB", "processes", "fds", "threads", "runs/ MB", "runs"):
        table.add_column(col, justify="right")
    for k, v in s["at"].items():
        table.add_row(k, f"{v['rss_mb']:.1f}", f"{v['workers_rss_mb']:.1f}", str(v["processes"]), str(v["fds"]),
                      str(v["threads"]), f"{v['runs_mb']:.1f}", str(v["runs"]))
    console.print(table)
    fig = Table(title="figures", show_header=False)
    fig.add_column("figure")
    fig.add_column("value", justify="right")
    fig.add_row("first usable screen", f"{result['first_usable_s']:.1f} s")
    fig.add_row("seconds per task p50 / p95", f"{s['seconds_p50']:.1f} / {s['seconds_p95']:.1f}")
    fig.add_row("outcomes", ", ".join(f"{k} {v}" for k, v in s["outcomes"].items()))
    fig.add_row(f"app RSS slope from task {s['last_half_from_task']}", f"{s['rss_slope_mb_per_100']:+.2f} MB / 100 tasks")
    fig.add_row("workers' RSS slope", f"{s['workers_rss_slope_mb_per_100']:+.2f} MB / 100 tasks")
    fig.add_row("runs/ slope", f"{s['runs_slope_mb_per_100']:+.2f} MB / 100 tasks")
    fig.add_row("memory plateaus", f"{'yes' if s['memory_plateaus'] else 'NO'} ({s['plateau_rule']})")
    for f in ("fds", "processes", "threads"):
        fig.add_row(f"{f} flat", f"{'yes' if s[f + '_flat'] else 'NO'} (max {s[f + '_first_half_max']} first half, "
                                  f"{s[f + '_last_half_max']} last half)")
    if result.get("hung_at_task"):
        fig.add_row("HUNG", f"task {result['hung_at_task']} ran past {TASK_TIMEOUT_S:.0f} s")
    console.print(fig)
    tm = result.get("tracemalloc")
    if tm:
        console.print(f"[bold]Python allocations grown from task {tm['from_task']} to {tm['to_task']}: "
                      f"{tm['traced_growth_mb']:+.1f} MB in all[/]")
        for d in tm["top"][:10]:
            console.print(f"  {d['size_diff_kb']:+9.1f} kB {d['count_diff']:+7d}  {' <- '.join(reversed(d['where'][-3:]))}")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200, help="tasks in the one session")
    parser.add_argument("--esc-every", type=int, default=25, help="Esc mid-task every Nth task (0: never)")
    parser.add_argument("--validate", type=int, default=1, help="fresh perturbed seeds each task validates on")
    parser.add_argument("--max-iterations", type=int, default=3)
    parser.add_argument("--tracemalloc", metavar="A,B", default=None,
                        help="trace Python allocations and diff snapshots taken after tasks A and B")
    parser.add_argument("--json", type=Path, default=None, help="write every task's figures here")
    parser.add_argument("--plot", type=Path, default=None, help="write the PNG plot here")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="skip the app's warm-up at start (its background work slows the first keys)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no line per task")
    parser.add_argument("--report", type=Path, default=None,
                        help="run nothing: summarise (and --plot) the rows of an earlier --json, cut short or not")
    args = parser.parse_args(argv)
    if args.report:
        result = json.loads(args.report.read_text())
        result.setdefault("first_usable_s", float("nan"))
        result["summary"] = summarize(result["rows"])
        report(result)
        if args.plot:
            plot(result, args.plot)
        return result
    snapshots = tuple(int(v) for v in args.tracemalloc.split(",")) if args.tracemalloc else None
    saved = {k: os.environ.get(k) for k in ("ASPIRE_HOME", "ASPIRE_LIBRARY")}
    started = datetime.now(timezone.utc)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="aspire-soak-") as home:
            os.environ["ASPIRE_HOME"] = home
            os.environ.pop("ASPIRE_LIBRARY", None)
            result = asyncio.run(soak(args.tasks, args.esc_every, args.validate, args.max_iterations,
                                      snapshots, not args.quiet, not args.no_warm_up,  # type: ignore[arg-type]
                                      args.json))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    result["settings"] = {"tasks": args.tasks, "esc_every": args.esc_every, "validate": args.validate,
                          "max_iterations": args.max_iterations, "rotation": TASKS,
                          "tracemalloc": args.tracemalloc, "warm_up": not args.no_warm_up}
    result["machine"] = {"started_utc": started.isoformat(timespec="seconds"), "cpus": os.cpu_count(),
                         "python": platform.python_version(), "loadavg_end": list(os.getloadavg())}
    result["wall_s"] = (datetime.now(timezone.utc) - started).total_seconds()
    result["summary"] = summarize(result["rows"]) if result["rows"] else {}
    if result["rows"]:
        report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    if args.plot and result["rows"]:
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        plot(result, args.plot)
    return result


if __name__ == "__main__":
    main()
