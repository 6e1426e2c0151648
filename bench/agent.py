"""Agent figures: the offline loop on every task family, one instruction each, a fresh library each.

    python -m bench.agent                              # every family, --validate 3
    python -m bench.agent --families pick_place_bowl stack_two --validate 5
    python -m bench.agent --paraphrase                 # everyday phrasings instead of the templates

Prints per family: whether a validated program came out, iterations, validation
rate, what was committed (nothing / new / refine) and wall time, all measured
in this one process run. The library starts from skills_repo/ for every task,
so the figures do not depend on the order of families.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from aspire_tui.agent.coder import OfflineCoder
from aspire_tui.agent.loop import AgentError, run_task
from aspire_tui.skills.library import Library
from sim.tasks import builtin_tasks

PARAPHRASES = {
    "pick_place_bowl": "drop the red cube into the green dish",
    "pick_place_tray": "toss the red ball in the white bin",
    "pick_place_plate": "set the red cube down on the white saucer",
    "stack_two": "pile the red cube on top of the blue one",
    "stack_three": "make a tower: the white block at the bottom, then the orange block, then the red block",
    "push_to_zone": "nudge the red cube onto the green area",
    "sort_by_color": "sort the cubes by colour",
    "tool_use_pull": "grab the black stick and drag the red cube closer",
    "navigate_goal": "head over to the green goal",
    "navigate_to_object": "drive up to the red barrel",
    "place_beside": "put the red cube on the left side of the green bowl",
    "place_next_to": "put the red block right beside the blue block",
}


def scene_instruction(family: str, seed: int = 0) -> str:
    """What a person would say in the family's dev scene ``seed`` (its own instruction)."""
    from sim.episode import make_episode

    episode = make_episode(family, seed)
    try:
        return episode.instruction
    finally:
        episode.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", nargs="*", default=None)
    parser.add_argument("--validate", type=int, default=3)
    parser.add_argument("--max-iterations", type=int, default=6)
    parser.add_argument("--paraphrase", action="store_true")
    args = parser.parse_args()
    families = args.families or sorted(builtin_tasks())
    table = Table("family", "instruction", "result", "iters", "valid", "commit", "s")
    wins = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for family in families:
            text = PARAPHRASES.get(family) if args.paraphrase else None
            text = text or scene_instruction(family)
            lib = Library.open(Path(tmp) / family)
            t0 = time.perf_counter()
            try:
                r = run_task(text, scene=family, coder=OfflineCoder(), library=lib, validate=args.validate,
                             max_iterations=args.max_iterations, keyframes=False)
                result = "ok" if r.success else r.message[:90]
                commit = (r.skill or {}).get("change", "-") + " " + (r.skill or {}).get("name", "")
                iters, valid = str(r.iterations), r.validated or "-"
                wins += r.success
            except AgentError as e:
                result, commit, iters, valid = f"error: {str(e)[:50]}", "-", "-", "-"
            finally:
                lib.close()
            table.add_row(family, text[:60], result, iters, valid, commit.strip(),
                          f"{time.perf_counter() - t0:.1f}")
    console = Console(width=200)
    console.print(table)
    console.print(f"{wins}/{len(families)} families produced a validated program "
                  f"({time.perf_counter() - started:.0f} s in all, --validate {args.validate})")


if __name__ == "__main__":
    main()
