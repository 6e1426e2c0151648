"""Search figures: evaluation throughput of the backends, and success with and without the search.

    python -m bench.search throughput                  # 1 vs 2 local workers, Ray (2 CPUs) vs local
    python -m bench.search throughput --episodes 24 --no-ray
    python -m bench.search success --families place_corner,place_beside   # loop alone vs loop + search
    python -m bench.search success --suite hard --per-family 2            # on harder variants of the families
    python -m bench.search curve --fractions 0.25,0.5,0.75                # held-out success against library size

``throughput`` runs the same episodes (the offline coder's program for a
family on development seeds) on each backend, back to back, after warming
every backend's workers, and prints episodes per second and the ratios the
issue asks for (2 workers / 1 worker >= 1.8; Ray / local >= 0.85). On a
machine that other jobs share, the figures are noisy: run them twice.

``success`` runs the held-out suite for the ``library`` and ``library+search``
conditions only (offline coder) and prints success per category; ``aspire
bench`` runs all four conditions and writes the report with plots.

``curve`` is the paper's zero-shot curve alone: the loop (offline coder) on
every held-out case with a fresh library holding a share of the seed program
skills (closed under their dependencies), from none to all of them.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

console = Console(highlight=False)


def _jobs(library, family: str, episodes: int):
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.agent.loop import choose_scene, retrieve, understand
    from aspire_tui.evolve.curriculum import scene_instruction
    from aspire_tui.evolve.evaluate import Job, seed_args

    goal, spec = understand(scene_instruction(family), family)
    _, goal = choose_scene(goal, spec, None)
    program = coder_for().write(goal, retrieve(library, goal), [])
    seeds = list(range(20, 20 + episodes))
    args = seed_args(family, seeds)
    return [Job(f"e{s}", program, family, s, args[s]) for s in seeds]


def _timed(backend, snap, jobs, warm_jobs) -> tuple[float, int]:
    backend.start(snap)
    backend.evaluate(warm_jobs)                 # every worker has built a world and cloned the library
    started = time.monotonic()
    results = backend.evaluate(jobs)
    return time.monotonic() - started, sum(r.success for r in results)


def throughput(args) -> None:
    from aspire_tui.evolve.local import LocalBackend, snapshot
    from aspire_tui.skills.library import Library

    root = Path(tempfile.mkdtemp(prefix="aspire-bench-search-")) / "lib"
    library = Library.open(root)
    jobs = _jobs(library, args.family, args.episodes)
    warm = jobs[:2]
    snap = snapshot(library)
    rows = []
    for name, make in [("local x1", lambda: LocalBackend(1, runs_dir=library.runs_dir)),
                       ("local x2", lambda: LocalBackend(2, runs_dir=library.runs_dir))] + \
            ([] if args.no_ray else [("ray x2", _ray)]):
        backend = make()
        try:
            seconds, ok = _timed(backend, snap, jobs, warm)
        finally:
            backend.close()
        rows.append((name, len(jobs), ok, seconds, len(jobs) / seconds))
        console.print(f"{name}: {len(jobs)} episodes ({ok} succeeded) in {seconds:.1f} s = "
                      f"{len(jobs) / seconds:.2f} episodes/s")
    table = Table(title=f"evaluation throughput, {args.family}, {len(jobs)} episodes")
    for col in ("backend", "episodes", "succeeded", "seconds", "episodes/s"):
        table.add_column(col, justify="right")
    for name, n, ok, seconds, rate in rows:
        table.add_row(name, str(n), str(ok), f"{seconds:.1f}", f"{rate:.2f}")
    console.print(table)
    by = {r[0]: r[4] for r in rows}
    console.print(f"2 workers / 1 worker: {by['local x2'] / by['local x1']:.2f}x (target >= 1.8)")
    if "ray x2" in by:
        console.print(f"Ray / local (2 each): {by['ray x2'] / by['local x2']:.2f}x (target >= 0.85)")
    library.close()


def _ray():
    from aspire_tui.evolve.ray_backend import RayBackend

    return RayBackend(2)


def success(args) -> None:
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.evaluation import SuiteResult, held_out_cases, open_library, run_case
    from aspire_tui.evolve.heldout import CONDITION, run_search_case
    from aspire_tui.evolve.local import LocalBackend

    families = args.families.split(",") if args.families else None
    work = Path(tempfile.mkdtemp(prefix="aspire-bench-search-"))
    cases = held_out_cases(families, args.per_family, suite=args.suite, tasks_dir=work / "tasks")
    backend = LocalBackend(2, runs_dir=work / "runs")
    loop, searched = SuiteResult("library"), SuiteResult(CONDITION)
    try:
        for n, case in enumerate(cases):
            library = open_library(work / f"{n:03d}", "library")
            try:
                alone = run_case(case, library=library, coder=coder_for(), max_iterations=args.max_iterations,
                                 validate=args.validate)
                both = run_search_case(case, library=library, coder_factory=coder_for, backend=backend,
                                       max_iterations=args.max_iterations, validate=args.validate,
                                       population=args.population, generations=args.generations, loop=alone)
            finally:
                library.close()
            loop.results.append(alone)
            searched.results.append(both)
            console.print(f"{case.task:<20} {case.seed}: loop {'ok' if alone.success else 'failed'}, "
                          f"+search {'ok' if both.success else 'failed'}  [dim]"
                          f"{'' if alone.success else 'loop: ' + alone.message[:80] + ' | '}{both.message[:110]}[/]",
                          markup=True, highlight=False)
    finally:
        backend.close()
    table = Table(title=f"{args.suite} success per category (%), offline coder")
    for col in ("category", "loop alone", "loop + search", "cases"):
        table.add_column(col, justify="right")
    counts = {}
    for r in loop.results:
        counts[r.case.category] = counts.get(r.case.category, 0) + 1
    a, b = loop.by_category(), searched.by_category()
    for k in sorted(a):
        table.add_row(k, f"{100 * a[k]:.0f}", f"{100 * b[k]:.0f}", str(counts[k]))
    table.add_row("all", f"{100 * loop.rate():.0f}", f"{100 * searched.rate():.0f}", str(len(cases)), style="bold")
    console.print(table)
    weakest = min(a, key=lambda k: a[k])
    console.print(f"weakest category without search: {weakest} {100 * a[weakest]:.0f}% -> "
                  f"{100 * b[weakest]:.0f}% with search ({100 * (b[weakest] - a[weakest]):+.0f} points; target +10)")


def curve(args) -> None:
    from aspire_tui.agent.coder import coder_for
    from aspire_tui.evaluation import held_out_cases, open_library, run_case
    from aspire_tui.evolve.report import partial_library, program_skills, skill_subsets

    families = args.families.split(",") if args.families else None
    work = Path(tempfile.mkdtemp(prefix="aspire-bench-curve-"))
    cases = held_out_cases(families, args.per_family, suite=args.suite, tasks_dir=work / "tasks")
    fractions = [0.0] + [float(f) for f in args.fractions.split(",")] + [1.0]
    subsets = skill_subsets(tuple(fractions))
    table = Table(title=f"{args.suite} success against library size, offline coder, {len(cases)} cases")
    for col in ("share of seed skills", "program skills", "solved", "success %"):
        table.add_column(col, justify="right")
    for fraction, names in zip(fractions, subsets):
        solved = 0
        for n, case in enumerate(cases):
            path = work / f"{int(100 * fraction)}-{n:03d}"
            library = partial_library(path, names) if fraction < 1 else open_library(path, "library")
            try:
                size = program_skills(library)
                result = run_case(case, library=library, coder=coder_for(), max_iterations=args.max_iterations,
                                  validate=args.validate)
            finally:
                library.close()
            solved += result.success
        table.add_row(f"{fraction:.2f}", str(size), f"{solved}/{len(cases)}", f"{100 * solved / len(cases):.0f}")
        console.print(f"{size} program skills: {solved}/{len(cases)} held-out cases solved")
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--family", default="pick_place_bowl")
    t.add_argument("--episodes", type=int, default=16)
    t.add_argument("--no-ray", action="store_true")
    s = sub.add_parser("success")
    s.add_argument("--families", default=None)
    s.add_argument("--per-family", type=int, default=1)
    s.add_argument("--suite", choices=["held-out", "hard"], default="held-out")
    s.add_argument("--max-iterations", type=int, default=6)
    s.add_argument("--validate", type=int, default=3)
    s.add_argument("--population", type=int, default=4)
    s.add_argument("--generations", type=int, default=3)
    c = sub.add_parser("curve")
    c.add_argument("--families", default=None)
    c.add_argument("--per-family", type=int, default=1)
    c.add_argument("--suite", choices=["held-out", "hard"], default="held-out")
    c.add_argument("--fractions", default="0.25,0.5,0.75")
    c.add_argument("--max-iterations", type=int, default=6)
    c.add_argument("--validate", type=int, default=3)
    args = parser.parse_args()
    {"throughput": throughput, "success": success, "curve": curve}[args.what](args)


if __name__ == "__main__":
    main()
