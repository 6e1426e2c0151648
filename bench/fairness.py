"""Are the task families fair? Run each family's reference program on development seeds.

    python -m bench.fairness                    # every family with a reference, seeds 0-99
    python -m bench.fairness stack_two --seeds 0:20

Prints one row per family (successes, rate, seconds per episode, the commonest
failures) and exits 1 when any family is below the bar (95% by default).
Held-out seeds (≥ 10000) are refused: they are for evaluation only.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time

from rich.console import Console
from rich.table import Table

from sim.episode import make_episode
from sim.world import World
from tests.reference_util import program_for, reference_families, reference_source, run_program

HELD_OUT = 10000


def seed_range(text: str) -> range:
    lo, _, hi = text.partition(":")
    seeds = range(int(lo), int(hi)) if hi else range(int(lo), int(lo) + 1)
    if seeds.stop > HELD_OUT:
        raise argparse.ArgumentTypeError(f"seeds ≥ {HELD_OUT} are held out for evaluation")
    return seeds


def run_family(world: World, family: str, seeds: range, console: Console, verbose: bool) -> dict:
    """Run the family's reference on each seed; returns counts, time and failure reasons.

    As in DESIGN.md, a run fails if the program raises or if the success check fails.
    """
    source = reference_source(family)
    wins, reasons, started = 0, collections.Counter(), time.perf_counter()
    for seed in seeds:
        episode = make_episode(family, seed, world=world)
        error = ""
        try:
            run_program(program_for(source, episode), episode.robot)
        except Exception as e:  # noqa: BLE001 - whatever the program raised is its failure
            error = f"{type(e).__name__}: {e}"
        checks = episode.evaluate()
        if checks["success"] and not error:
            wins += 1
            continue
        failed = [k.split(":", 1)[1] for k, v in checks.items() if not v and ":" in k]
        reasons[error.split(":")[0] if error else failed[0] if failed else "success check"] += 1
        if verbose:
            console.print(f"  [red]{family} seed {seed}[/]: {episode.instruction!r}: "
                          f"{error or 'check failed: ' + ', '.join(failed or ['success'])}")
    return {"wins": wins, "n": len(seeds), "seconds": time.perf_counter() - started, "reasons": reasons}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fairness", description=__doc__.splitlines()[0])
    parser.add_argument("families", nargs="*", help="families to run (default: every family with a reference)")
    parser.add_argument("--seeds", type=seed_range, default=range(0, 100), help="development seeds LO:HI (0:100)")
    parser.add_argument("--bar", type=float, default=0.95, help="lowest fair success rate (0.95)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each failing seed")
    args = parser.parse_args(argv)
    console = Console()
    families = args.families or reference_families()
    from sim.tasks import get_task

    world = World()
    table = Table(title=f"reference programs on seeds {args.seeds.start}–{args.seeds.stop - 1}")
    for column in ("family", "category", "success", "rate", "s/episode", "failures"):
        table.add_column(column, justify="right" if column in ("success", "rate", "s/episode") else "left")
    unfair = []
    try:
        for family in families:
            result = run_family(world, family, args.seeds, console, args.verbose)
            rate = result["wins"] / result["n"]
            if rate < args.bar:
                unfair.append(family)
            reasons = ", ".join(f"{k} ×{v}" for k, v in result["reasons"].most_common(3))
            style = "green" if rate >= args.bar else "red"
            table.add_row(family, get_task(family).category, f"{result['wins']}/{result['n']}",
                          f"[{style}]{rate:.0%}[/]", f"{result['seconds'] / result['n']:.1f}", reasons)
            if args.verbose:
                console.print(f"{family}: {result['wins']}/{result['n']}")
    finally:
        world.close()
    console.print(table)
    if unfair:
        console.print(f"[red]below {args.bar:.0%}:[/] {', '.join(unfair)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
