"""Agent figures (issue 5) on held-out seeds with paraphrased instructions, from `aspire_tui.evaluation`.

    python -m bench.agent --quick          # one case per family, library vs empty, continual (a few minutes)
    python -m bench.agent                  # three cases per family, plus the error-only ablation
    python -m bench.agent --families pick_place_bowl stack_two --per-family 2 --conditions library

Prints, all measured in this one process run:
- offline success per category after at most --max-iterations, against the issue's targets;
- iterations and episodes to a validated program, seeded library against an empty one;
- continual learning: families A, B, C learnt in turn in one library, A's held-out set re-run after each;
- wall time per iteration and its split (writing, checking, simulating, diagnosing).
A case succeeds when the loop (development seeds only) produced a validated program and that program,
given the case's own words, succeeds on the held-out seed (see `aspire_tui.evaluation`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from aspire_tui.agent.coder import coder_for
from aspire_tui.evaluation import PHASES, CaseResult, SuiteResult, held_out_cases, run_suite

TARGETS = {"pick_place": 0.95, "arrange": 0.85, "stack": 0.90, "sort": 0.90, "push": 0.85, "tool_use": 0.85,
           "navigation": 0.90}
CONTINUAL = ["pick_place_bowl", "pick_place_tray", "sort_by_color"]

console = Console(width=160)


def suite(cases, condition: str, workdir: Path, args, progress: Progress, fresh: bool = True) -> SuiteResult:
    """Run one condition with a progress bar and one line per case."""
    task = progress.add_task(f"{condition:<10}", total=len(cases))

    def on_result(r: CaseResult) -> None:
        if args.jsonl:  # one line per case as it finishes, so a long run's figures survive an interruption
            with open(args.jsonl, "a", encoding="utf-8") as f:
                f.write(json.dumps({"condition": condition, "fresh": fresh, **r.to_dict()}) + "\n")
        mark = "[green]ok[/]" if r.success else "[red]fail[/]"
        progress.console.print(f"  {condition:<10} {r.case.family:<20} seed {r.case.seed} {mark} "
                               f"{r.iterations} it, {r.episodes} ep, {r.seconds:.0f} s"
                               + ("" if r.success else f"  [dim]{r.message[:90]}[/]"))
        progress.advance(task)

    return run_suite(cases, condition=condition, library_dir=workdir, coder_factory=coder_for,
                     max_iterations=args.max_iterations, validate=args.validate, on_result=on_result, fresh=fresh)


def success_table(results: dict[str, SuiteResult]) -> Table:
    table = Table(title="Success per category (held-out seeds, paraphrased instructions)")
    table.add_column("category")
    table.add_column("target", justify="right")
    for condition in results:
        table.add_column(condition, justify="right")
    categories = sorted({c for r in results.values() for c in r.by_category()})
    for category in categories:
        row = [category, f"{TARGETS.get(category, 0):.2f}"]
        for r in results.values():
            rate = r.by_category().get(category)
            n = sum(1 for x in r.results if x.case.category == category)
            met = rate is not None and rate >= TARGETS.get(category, 0)
            row.append("-" if rate is None else f"[{'green' if met else 'red'}]{rate:.2f}[/] ({n})")
        table.add_row(*row)
    table.add_row("all", "", *[f"{r.rate():.2f} ({len(r.results)})" for r in results.values()])
    return table


def family_table(results: dict[str, SuiteResult]) -> Table:
    table = Table(title="Per family")
    table.add_column("family")
    for condition in results:
        table.add_column(condition, justify="right")
    first = next(iter(results.values()))
    for family in first.by_family():
        cells = []
        for r in results.values():
            rs = [x for x in r.results if x.case.family == family]
            fails = [x.message[:50] for x in rs if not x.success]
            cells.append(f"{sum(x.success for x in rs)}/{len(rs)}" + (f" [dim]{fails[0]}[/]" if fails else ""))
        table.add_row(family, *cells)
    return table


def effort(r: SuiteResult, cap: int) -> tuple[float, float, int]:
    """Mean iterations and episodes per case to a validated program; a case with none counts at the cap."""
    its = [x.iterations if x.validated else cap for x in r.results]
    eps = [x.episodes for x in r.results]
    return statistics.mean(its or [0]), statistics.mean(eps or [0]), sum(x.validated for x in r.results)


def effort_table(results: dict[str, SuiteResult], cap: int) -> Table:
    table = Table(title=f"Iterations and episodes to a validated program (unvalidated cases count {cap} iterations)")
    for col in ("condition", "validated", "mean iterations", "mean episodes", "iterations vs library"):
        table.add_column(col, justify="right" if col != "condition" else "left")
    base = effort(results["library"], cap)[0] if "library" in results else None
    for condition, r in results.items():
        its, eps, ok = effort(r, cap)
        ratio = f"{its / base:.1f}x" if base else "-"
        table.add_row(condition, f"{ok}/{len(r.results)}", f"{its:.2f}", f"{eps:.1f}", ratio)
    return table


def timing_table(r: SuiteResult) -> Table:
    table = Table(title=f"Wall time per iteration ({r.condition}, this machine)")
    for col in ("iterations", "s / iteration", *PHASES, "other (scenes, retrieval, held-out run)"):
        table.add_column(col, justify="right")
    iterations = sum(x.iterations for x in r.results) or 1
    total = sum(x.seconds for x in r.results)
    phases = {p: sum(x.timings.get(p, 0.0) for x in r.results) for p in PHASES}
    other = total - sum(phases.values())
    table.add_row(str(iterations), f"{total / iterations:.2f}",
                  *[f"{phases[p] / iterations:.2f} ({phases[p] / total:.0%})" for p in PHASES],
                  f"{other / iterations:.2f} ({other / total:.0%})")
    return table


def continual(families: list[str], per_family: int, workdir: Path, args, progress: Progress) -> Table:
    """Learn families in turn in one library; after each, re-run the first family's held-out cases."""
    first = held_out_cases(families[:1], per_family)
    table = Table(title=f"Continual learning in one library: {' -> '.join(families)}; "
                        f"{families[0]}'s held-out set re-run after each")
    for col in ("after learning", "learnt", f"{families[0]} success", "retention"):
        table.add_column(col, justify="right" if col != "after learning" else "left")
    base = None
    for family in families:
        learnt = suite(held_out_cases([family], per_family), "library", workdir, args, progress, fresh=False)
        again = suite(first, "library", workdir, args, progress, fresh=False)
        rate = again.rate()
        base = rate if base is None else base
        table.add_row(family, f"{sum(x.success for x in learnt.results)}/{len(learnt.results)}",
                      f"{rate:.2f}", f"{rate / base:.2f}" if base else "-")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one case per family; no error-only ablation")
    parser.add_argument("--families", nargs="*", default=None)
    parser.add_argument("--per-family", type=int, default=None)
    parser.add_argument("--conditions", nargs="*", default=None, help="library, empty, error-only")
    parser.add_argument("--continual", nargs="*", default=CONTINUAL, help="families A B C (none: skip)")
    parser.add_argument("--validate", type=int, default=3)
    parser.add_argument("--max-iterations", type=int, default=10)
    parser.add_argument("--jsonl", default=None, help="also append each case's result to this file")
    args = parser.parse_args()
    per_family = args.per_family or (1 if args.quick else 3)
    conditions = args.conditions or (["library", "empty"] if args.quick else ["library", "empty", "error-only"])
    started = time.perf_counter()
    cases = held_out_cases(args.families, per_family)
    console.print(f"[bold]{len(cases)} held-out cases[/] ({per_family} per family, seeds >= 10000), "
                  f"conditions {', '.join(conditions)}, --max-iterations {args.max_iterations} "
                  f"--validate {args.validate}")
    results: dict[str, SuiteResult] = {}
    with tempfile.TemporaryDirectory() as tmp, Progress(TextColumn("{task.description}"), BarColumn(),
                                                         MofNCompleteColumn(), TimeElapsedColumn(),
                                                         console=console) as progress:
        for condition in conditions:
            results[condition] = suite(cases, condition, Path(tmp) / condition, args, progress)
        cont = continual(args.continual, 1 if args.quick else 2, Path(tmp) / "continual", args, progress) \
            if args.continual else None
    console.print(success_table(results))
    console.print(family_table(results))
    console.print(effort_table(results, args.max_iterations))
    if "library" in results:
        console.print(timing_table(results["library"]))
    if cont is not None:
        console.print(cont)
    console.print(f"{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
