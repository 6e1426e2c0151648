"""Fill a reference program's `ARGS` from an episode's instruction, and run it in-process.

A reference program (skills_repo/reference/<family>.py) is general: it solves
every seed of its family given the phrases that the instruction uses, which
it reads from a module-level `ARGS = {...}` dict literal. `program_for` writes
those phrases in, as a language parser would extract them from the sentence:
slot phrases ("red block"), lists of phrases for groups, counts and place
words. Never positions, never anything the instruction does not say.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aspire_tui.runner.program_args import declared_args, program_for, slot_args  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = ROOT / "skills_repo" / "reference"
WRONG_DIR = ROOT / "tests" / "programs" / "wrong"


def run_program(source: str, robot) -> None:
    """Run a trusted program's `run(robot)` in this process (the sandboxed runner is for untrusted ones)."""
    namespace: dict[str, Any] = {"__name__": "program"}
    exec(compile(source, "<program>", "exec"), namespace)
    namespace["run"](robot)


def reference_source(family: str) -> str:
    return (REFERENCE_DIR / f"{family}.py").read_text(encoding="utf-8")


def reference_families() -> list[str]:
    return sorted(p.stem for p in REFERENCE_DIR.glob("*.py") if not p.stem.startswith("_"))
