"""Fill a reference program's `ARGS` from an episode's instruction, and run it in-process.

A reference program (skills_repo/reference/<family>.py) is general: it solves
every seed of its family given the phrases that the instruction uses, which
it reads from a module-level `ARGS = {...}` dict literal. `program_for` writes
those phrases in, as a language parser would extract them from the sentence:
slot phrases ("red block"), lists of phrases for groups, counts and place
words. Never positions, never anything the instruction does not say.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = ROOT / "skills_repo" / "reference"
WRONG_DIR = ROOT / "tests" / "programs" / "wrong"


def slot_args(episode) -> dict[str, Any]:
    """What the instruction says, slot by slot: phrases, lists of phrases for groups, counts, place words."""
    groups = {o.id for o in episode.task.objects if o.count[1] > 1 or o.match is not None}
    args: dict[str, Any] = {}
    for key, value in episode.scene.slots.items():
        if hasattr(value, "phrases"):
            args[key] = list(value.phrases) if key in groups else str(value)
        else:
            args[key] = value
    return args


def declared_args(source: str) -> tuple[dict[str, Any], int, int]:
    """The program's `ARGS` literal and the lines (1-based, inclusive) it spans."""
    for node in ast.parse(source).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "ARGS"):
            return ast.literal_eval(node.value), node.lineno, node.end_lineno or node.lineno
    raise ValueError("the program has no module-level ARGS = {...} literal")


def program_for(source: str, episode) -> str:
    """The program's source with `ARGS` set to what this episode's instruction says."""
    wanted, first, last = declared_args(source)
    said = slot_args(episode)
    missing = [k for k in wanted if k not in said]
    if missing:
        raise KeyError(f"the instruction has no slot {missing[0]!r} (it has: {', '.join(said)})")
    lines = source.splitlines()
    lines[first - 1:last] = [f"ARGS = {({k: said[k] for k in wanted})!r}"]
    return "\n".join(lines) + "\n"


def run_program(source: str, robot) -> None:
    """Run a trusted program's `run(robot)` in this process (the sandboxed runner is for untrusted ones)."""
    namespace: dict[str, Any] = {"__name__": "program"}
    exec(compile(source, "<program>", "exec"), namespace)
    namespace["run"](robot)


def reference_source(family: str) -> str:
    return (REFERENCE_DIR / f"{family}.py").read_text(encoding="utf-8")


def reference_families() -> list[str]:
    return sorted(p.stem for p in REFERENCE_DIR.glob("*.py") if not p.stem.startswith("_"))
