"""Foundation figures: what the sandbox, tracer and keyframes cost, and how the pool scales.

    python -m bench.foundation                 # every family with a reference, 5 seeds each
    python -m bench.foundation --seeds 10 --families pick_place_bowl stack_two

Prints, all measured in this one process run:
- episode overhead per family: wall time of the reference program run through
  the sandbox (with and without keyframes) against the same program called
  directly on an in-process world (no sandbox, no tracer, no frames);
- time from a run request to the first robot call, with a warm pool;
- episodes per second with 2 workers against 1.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path
import tempfile

from rich.console import Console
from rich.table import Table

from aspire_tui.runner import WorkerPool, run_program
from sim.episode import make_episode
from sim.world import World
from tests.reference_util import program_for, reference_families, reference_source
from tests.reference_util import run_program as run_in_process


def programs_for(family: str, seeds: range, world: World) -> list[str]:
    """Each seed's reference program, its ARGS filled from that seed's instruction."""
    source = reference_source(family)
    return [program_for(source, make_episode(family, seed, world=world)) for seed in seeds]


def time_direct(family: str, seeds: range, programs: list[str], world: World) -> float:
    """Seconds per episode: scene build + the program's calls, in this process."""
    start = time.perf_counter()
    for seed, program in zip(seeds, programs):
        episode = make_episode(family, seed, world=world)
        try:
            run_in_process(program, episode.robot)
        except Exception:  # noqa: BLE001 - a failed episode still took its time
            pass
        episode.evaluate()
    return (time.perf_counter() - start) / len(seeds)


def time_sandboxed(family: str, seeds: range, programs: list[str], pool: WorkerPool, runs: Path,
                   keyframes: bool) -> tuple[float, int]:
    """Seconds per episode through `run_program`, and how many succeeded."""
    wins = 0
    start = time.perf_counter()
    for seed, program in zip(seeds, programs):
        trace = run_program(program, family, seed, pool=pool, runs_dir=runs, keyframes=keyframes)
        wins += trace.outcome == "succeeded"
    return (time.perf_counter() - start) / len(seeds), wins


def first_call_latency(pool: WorkerPool, runs: Path, programs: list[str], seeds: range) -> list[float]:
    """Milliseconds from `run_program` being called to the first robot call arriving."""
    out = []
    for seed, program in zip(seeds, programs):
        start = time.perf_counter()
        first: list[float] = []
        run_program(program, "pick_place_bowl", seed, pool=pool, runs_dir=runs,
                    on_record=lambda r: first or first.append(time.perf_counter()))
        out.append((first[0] - start) * 1000)
    return out


def throughput(workers: int, programs: list[str], seeds: range, runs: Path, keyframes: bool = True) -> float:
    """Episodes per second with `workers` warm workers fed by as many threads (with or without keyframes:
    a search renders none)."""
    with WorkerPool(workers) as pool:
        pool.warm()
        run_program(programs[0], "pick_place_bowl", seeds[0], pool=pool, runs_dir=runs)  # warm caches
        jobs = list(zip(seeds, programs))
        lock = threading.Lock()

        def feed() -> None:
            while True:
                with lock:
                    if not jobs:
                        return
                    seed, program = jobs.pop()
                run_program(program, "pick_place_bowl", seed, pool=pool, runs_dir=runs, keyframes=keyframes)

        start = time.perf_counter()
        threads = [threading.Thread(target=feed) for _ in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return len(seeds) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=5, help="development seeds per family (from 0)")
    parser.add_argument("--families", nargs="*", help="families (default: all with a reference program)")
    parser.add_argument("--episodes", type=int, default=16, help="episodes for the throughput figure")
    args = parser.parse_args(argv)
    console = Console()
    families = args.families or reference_families()
    seeds = range(args.seeds)
    world = World()
    runs = Path(tempfile.mkdtemp(prefix="aspire-bench-"))

    table = Table(title=f"Episode overhead ({len(seeds)} seeds per family; ratio = sandboxed / direct)")
    for col in ("family", "direct s/ep", "sandbox s/ep", "ratio", "+keyframes s/ep", "ratio", "ok"):
        table.add_column(col, justify="right" if col != "family" else "left")
    ratios, ratios_kf = [], []
    with WorkerPool(1) as pool:
        pool.warm()
        for family in families:
            programs = programs_for(family, seeds, world)
            time_direct(family, range(1), programs[:1], world)  # warm this family's caches
            direct = time_direct(family, seeds, programs, world)
            bare, _ = time_sandboxed(family, seeds, programs, pool, runs, keyframes=False)
            framed, wins = time_sandboxed(family, seeds, programs, pool, runs, keyframes=True)
            ratios.append(bare / direct)
            ratios_kf.append(framed / direct)
            table.add_row(family, f"{direct:.3f}", f"{bare:.3f}", f"{bare / direct:.2f}×",
                          f"{framed:.3f}", f"{framed / direct:.2f}×", f"{wins}/{len(seeds)}")
            console.print(f"  measured {family}", style="dim")
        console.print(table)
        console.print(f"median ratio without keyframes {statistics.median(ratios):.2f}× (target ≤ 1.15×), "
                      f"with keyframes {statistics.median(ratios_kf):.2f}× (target ≤ 1.5×); "
                      f"worst {max(ratios):.2f}× / {max(ratios_kf):.2f}×")

        lat_seeds = range(20)
        lat_programs = programs_for("pick_place_bowl", lat_seeds, world)
        lat = sorted(first_call_latency(pool, runs, lat_programs, lat_seeds))
        console.print(f"request → first robot call, warm pool (pick_place_bowl, {len(lat)} runs): "
                      f"p50 {statistics.median(lat):.0f} ms, p95 {lat[int(0.95 * (len(lat) - 1))]:.0f} ms "
                      f"(target ≤ 150 ms)")

    tp_seeds = range(100, 100 + args.episodes)
    tp_programs = programs_for("pick_place_bowl", tp_seeds, world)
    one = throughput(1, tp_programs, tp_seeds, runs)
    two = throughput(2, tp_programs, tp_seeds, runs)
    console.print(f"throughput (pick_place_bowl, {args.episodes} episodes): 1 worker {one:.2f} ep/s, "
                  f"2 workers {two:.2f} ep/s, ratio {two / one:.2f}× (target ≥ 1.8×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
