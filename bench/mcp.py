"""`aspire mcp` as a client sees it: handshake, tools/list, and one run_task to its result.

    python -m bench.mcp                        # 5 handshakes, then run_task twice on one server
    python -m bench.mcp --repeat 10 --validate 5 --instruction "put the red block in the green bowl"

A scripted client from the ``mcp`` SDK starts ``aspire mcp`` over stdio, as
Claude Code or Cursor would (classic initialize handshake), on a fresh temp
library that is indexed here first (a new library's first search embeds every
seed skill once, a cost of the library, not of MCP; ``--cold`` keeps it in).
Figures, in seconds: ``handshake`` (process start to initialized, p50 over
``--repeat`` servers), ``tools_list``, ``understand``, and ``run_task`` (call
to result, with time to the first progress notification and how many came),
first on a server that has not run anything yet (its worker pool and
embedding model start inside that call) and then again on the same server.
They go to ``bench/results/mcp/figures.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio

RESULTS = Path(__file__).parent / "results" / "mcp"
INSTRUCTION = "pile the red cube on top of the blue one"  # stack_two: a seed skill does it


def server_params(library: Path):
    from mcp import StdioServerParameters

    aspire = Path(sys.executable).parent / "aspire"
    return StdioServerParameters(command=str(aspire), args=["mcp", "--library", str(library)], env=dict(os.environ))


async def handshakes(library: Path, repeat: int) -> dict[str, Any]:
    """Start, initialize and close ``repeat`` servers; time the handshake and tools/list of each."""
    from mcp import Client

    shake, listing = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        async with Client(server_params(library), mode="legacy") as client:
            shake.append(time.perf_counter() - started)
            started = time.perf_counter()
            await client.list_tools()
            listing.append(time.perf_counter() - started)
    return {"handshake_s": _stats(shake), "tools_list_s": _stats(listing)}


async def runs(library: Path, instruction: str, validate: int) -> dict[str, Any]:
    """One server: understand once, then run_task twice (a cold server, then a warm one)."""
    from mcp import Client

    out: dict[str, Any] = {}
    async with Client(server_params(library), mode="legacy", read_timeout_seconds=900) as client:
        started = time.perf_counter()
        await client.call_tool("understand", {"instruction": instruction})
        out["understand_s"] = round(time.perf_counter() - started, 3)
        for label in ("run_task_first", "run_task_again"):
            out[label] = await one_run(client, instruction, validate)
    return out


async def one_run(client, instruction: str, validate: int) -> dict[str, Any]:
    """run_task from call to result: seconds, first progress, notifications, outcome."""
    started = time.perf_counter()
    notes: list[float] = []

    async def progress(step: float, total: float | None, message: str | None) -> None:
        notes.append(time.perf_counter() - started)

    result = await client.call_tool("run_task", {"instruction": instruction, "validate": validate},
                                    progress_callback=progress)
    seconds = time.perf_counter() - started
    if result.is_error:
        raise SystemExit(f"run_task failed: {result.content[0].text}")
    data = json.loads(result.content[0].text)
    return {"seconds": round(seconds, 2), "first_progress_s": round(notes[0], 2) if notes else None,
            "progress_notifications": len(notes), "outcome": data["outcome"], "validated": data["validated"],
            "episodes": len(data["runs"]), "loop_seconds": data["seconds"]}


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": round(statistics.median(ordered), 4), "min": round(ordered[0], 4),
            "max": round(ordered[-1], 4), "n": len(ordered)}


def prepare(folder: Path, cold: bool) -> Path:
    """A fresh library in ``folder``, indexed here unless ``cold``."""
    from aspire_tui.skills.library import Library

    lib = Library.open(folder / "lib")
    if not cold:
        lib.reindex()
    lib.close()
    return folder / "lib"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="Servers to start for the handshake figures.")
    parser.add_argument("--instruction", default=INSTRUCTION)
    parser.add_argument("--validate", type=int, default=5, help="Validation seeds of each run_task.")
    parser.add_argument("--cold", action="store_true", help="Leave the new library unindexed.")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="aspire-bench-mcp-") as tmp:
        os.environ["ASPIRE_HOME"] = str(Path(tmp) / "home")  # nothing of the person's own library is touched
        library = prepare(Path(tmp), args.cold)
        figures = {"instruction": args.instruction, "validate": args.validate, "cold_library": args.cold,
                   **anyio.run(handshakes, library, args.repeat),
                   **anyio.run(runs, library, args.instruction, args.validate)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "figures.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
