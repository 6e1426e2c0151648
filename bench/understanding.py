"""How well words become goals, on the hand-labelled instruction sets in ``bench/instructions/``.

    python -m bench.understanding                      # goal trees, refusals, parse time; every set
    python -m bench.understanding --set dev --misses   # one set, with every miss
    python -m bench.understanding validate --per-category 2 --validate 2   # words -> validated runs
    python -m bench.understanding validate --skip 2 --per-category 2   # cases 3-4 of each category (*_skip2.json)
    python -m bench.understanding plot                 # understanding.png: each set first read blind, and now
    python -m bench.understanding robustness --dev     # the same goal tree after small changes of wording?

``dev.jsonl`` and ``dev2.jsonl`` are the sets the reader may be improved
against (``dev2`` was written later, by other imagined people, and scored
once before any change was made for it); ``dev3`` onward came later the
same way, each scored once before the reader was changed for it
(``blind_first_quality_<set>.json``). The ``heldout*.jsonl`` sets were
written independently and nobody tunes on them: report them beside the
others (``heldout4`` was scored once when written, mid-way through a change
to the reader, and its figure then kept as ``blind_first``). All were
written from FORMAT.md alone, blind to the reader's code.

The first command prints, per set: goal trees exactly right (the labelled
tree and the read one compared in `canonical` form, start states included),
refusals right (the right reason: of the words, or, where the words read but
no scene can hold what they ask, of the scene made from them, as `aspire run`
answers before anything runs), parse time p50/p95 (no model, the words
alone), and the
same per category. ``validate`` runs the whole loop (offline coder, words
only) on N instructions of each category (the first N, or those after the
first K with ``--skip K``) and counts a case right
when it validated with the labelled goal; a run that validated a goal other
than the labelled one is a false "validated" and is reported on its own.
``robustness`` takes every goal case a set's reader reads right today and
changes its words a little, one perturbation at a time, in ways that leave
what is asked the same (a lead-in, a manner adverb, shouting, a typing slip,
a synonym, a contraction: ``bench/perturbations.py``); it reports, per
perturbation, the fraction still read to the same goal tree
(``robustness_<set>.json``, or ``robustness_dev.json`` for ``--dev``).
Refusals are never perturbed: their labels hang on the exact words.
Figures go to ``bench/results/understanding/``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent


def _in_order(path: Path) -> tuple[bool, int]:
    """dev sets before held-out ones, each in the order written (dev, dev2, ..., dev10, ...)."""
    digits = "".join(c for c in path.stem if c.isdigit())
    return path.stem.startswith("heldout"), int(digits or 1)


SETS = {path.stem: path for path in sorted((HERE / "instructions").glob("*.jsonl"), key=_in_order)}
RESULTS = HERE / "results" / "understanding"


@dataclass
class Case:
    """One labelled instruction."""

    text: str
    category: str
    goal: str = ""
    start: list[str] = field(default_factory=list)
    refuse: str = ""


@dataclass
class Reading:
    """What the reader made of one case."""

    case: Case
    right: bool
    got: str
    want: str
    seconds: float


def load(path: Path) -> list[Case]:
    """The cases of one labelled set."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            cases.append(Case(d["text"], d["category"], d.get("goal", ""), d.get("start", []), d.get("refuse", "")))
    return cases


def want_of(case: Case) -> str:
    """The labelled reading in the form readings are compared in."""
    from aspire_tui.agent.goal import canonical, read_condition

    if case.refuse:
        return f"refuse:{case.refuse}"
    start = sorted(str(canonical(read_condition(s))) for s in case.start)
    return str(canonical(read_condition(case.goal))) + (f" start {start}" if start else "")


def read_case(case: Case) -> Reading:
    """Read one case and compare it with its label."""
    from aspire_tui.agent.goal import canonical
    from aspire_tui.agent.words import InstructionError, read

    t0 = time.perf_counter()
    try:
        goal = read(case.text)
        start = sorted(str(canonical(s)) for s in goal.start)
        got = str(canonical(goal.condition)) + (f" start {start}" if start else "")
    except InstructionError as e:
        goal, got = None, f"refuse:{e.reason}"
    seconds = time.perf_counter() - t0
    if goal is not None and case.refuse:
        got = _scene_refusal(goal) or got
    want = want_of(case)
    return Reading(case, got == want, got, want, seconds)


def _scene_refusal(goal) -> str | None:
    """``refuse:<reason>`` when no scene can hold what the words ask (a plate wider than the tray it goes in,
    a block pushed over a bowl's wall): `aspire run` says so in one line before anything runs, as it does for
    a refusal of the words."""
    from aspire_tui.agent.scene import SceneError, spec_for

    try:
        spec_for(goal)
    except SceneError as e:
        reason = str(e).split(":", 1)[0]  # "impossible: a plate 17 cm across does not fit inside the tray"
        return f"refuse:{reason if re.fullmatch(r'[a-z_]+', reason) else 'scene'}"
    return None


def quality(cases: list[Case]) -> dict:
    """Goal trees right, refusals right, parse time and per-category figures for one set."""
    readings = [read_case(c) for c in cases]
    goals = [r for r in readings if not r.case.refuse]
    refusals = [r for r in readings if r.case.refuse]
    times = sorted(r.seconds * 1000 for r in readings)
    per_category: dict[str, list[int]] = {}
    for r in readings:
        per_category.setdefault(r.case.category, [0, 0])
        per_category[r.case.category][0] += r.right
        per_category[r.case.category][1] += 1
    wrongly_refused = sum(1 for r in goals if r.got.startswith("refuse:"))
    return {
        "cases": len(readings),
        "goal_trees_right": round(sum(r.right for r in goals) / max(1, len(goals)), 3),
        "refusals_right": round(sum(r.right for r in refusals) / max(1, len(refusals)), 3),
        "overall_right": round(sum(r.right for r in readings) / max(1, len(readings)), 3),
        "goals_refused": wrongly_refused,
        "refusals_read_as_goals": sum(1 for r in refusals if not r.got.startswith("refuse:")),
        "parse_ms_p50": round(statistics.median(times), 2),
        "parse_ms_p95": round(times[int(0.95 * (len(times) - 1))], 2),
        "per_category": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_category.items())},
        "misses": [{"text": r.case.text, "want": r.want, "got": r.got} for r in readings if not r.right],
    }


def robustness(cases: list[Case], seed: int = 0) -> dict:
    """Per perturbation, the fraction of the goal cases read right today that are read to the same goal tree
    once perturbed; with every changed reading listed."""
    from bench.perturbations import PERTURBATIONS, perturb

    right = [c for c in cases if not c.refuse and read_case(c).right]
    counts = {name: [0, 0] for name in PERTURBATIONS}
    changed = []
    for case in right:
        for name in PERTURBATIONS:
            text = perturb(case.text, name, seed)
            if text is None:
                continue
            reading = read_case(Case(text, case.category, case.goal, case.start))
            counts[name][0] += reading.right
            counts[name][1] += 1
            if not reading.right:
                changed.append({"perturbation": name, "text": case.text, "perturbed": text, "want": reading.want,
                                "got": reading.got})
    same, tried = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    return {
        "cases_read_right": len(right),
        "perturbed": tried,
        "same_goal_tree": round(same / max(1, tried), 3),
        "per_perturbation": {name: {"same": c[0], "tried": c[1], "fraction": round(c[0] / max(1, c[1]), 3)}
                             for name, c in counts.items()},
        "changed": changed,
    }


def _pooled(per_set: dict[str, dict]) -> dict:
    """One set's figures out of several sets' ``robustness`` figures (``--dev``): counts added, fractions redone."""
    counts: dict[str, list[int]] = {}
    for figures in per_set.values():
        for name, c in figures["per_perturbation"].items():
            counts.setdefault(name, [0, 0])
            counts[name][0] += c["same"]
            counts[name][1] += c["tried"]
    same, tried = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    return {
        "sets": list(per_set),
        "cases_read_right": sum(f["cases_read_right"] for f in per_set.values()),
        "perturbed": tried,
        "same_goal_tree": round(same / max(1, tried), 3),
        "per_perturbation": {name: {"same": c[0], "tried": c[1], "fraction": round(c[0] / max(1, c[1]), 3)}
                             for name, c in counts.items()},
        "per_set": {name: f["same_goal_tree"] for name, f in per_set.items()},
        "changed": [dict(m, set=name) for name, f in per_set.items() for m in f["changed"]],
    }


def validate(cases: list[Case], per_category: int, validate_n: int, max_iterations: int, skip: int = 0) -> dict:
    """Run the loop on ``per_category`` goal cases of each category, after its first ``skip``; count right, wrong and false."""
    from rich.progress import Progress

    from aspire_tui.agent.coder import coder_for
    from aspire_tui.agent.goal import canonical
    from aspire_tui.agent.loop import AgentError, run_task
    from aspire_tui.skills.library import Library

    chosen: list[Case] = []
    for category in sorted({c.category for c in cases}):
        chosen += [c for c in cases if c.category == category and not c.refuse][skip:skip + per_category]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Progress() as progress:
        library = Library.open(Path(tmp) / "lib")
        task = progress.add_task("words -> validated", total=len(chosen))
        for case in chosen:
            t0 = time.monotonic()
            row = {"text": case.text, "category": case.category, "want": want_of(case)}
            try:
                result = run_task(case.text, coder=coder_for(), library=library, validate=validate_n,
                                  max_iterations=max_iterations)
                tree = (result.goal or {}).get("tree") or {}
                shown = tree.get("goal", "")
                from aspire_tui.agent.goal import read_condition
                shown_c = str(canonical(read_condition(shown))) if shown else ""
                start = sorted(str(canonical(read_condition(s))) for s in tree.get("start", []))
                shown_c += f" start {start}" if start else ""
                row.update(validated=result.success, shown=shown_c or f"family {result.family}",
                           message=result.message[:160], iterations=result.iterations)
            except AgentError as e:
                row.update(validated=False, shown="", message=str(e)[:160], iterations=0)
            row["right_goal"] = row["shown"] == row["want"]
            row["seconds"] = round(time.monotonic() - t0, 1)
            rows.append(row)
            mark = "ok" if row["validated"] and row["right_goal"] else "FALSE" if row["validated"] else "fail"
            progress.console.print(f"  {mark:<5} {case.category:<12} {case.text[:60]:<60} {row['message'][:60]}")
            progress.advance(task)
        library.close()
    per: dict[str, list[int]] = {}
    for r in rows:
        per.setdefault(r["category"], [0, 0])
        per[r["category"]][0] += bool(r["validated"] and r["right_goal"])
        per[r["category"]][1] += 1
    return {
        "cases": len(rows),
        "validated_with_right_goal": round(sum(r["validated"] and r["right_goal"] for r in rows) / max(1, len(rows)), 3),
        "false_validated": sum(1 for r in rows if r["validated"] and not r["right_goal"]),
        "per_category": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per.items())},
        "rows": rows,
    }


def plot(out: Path) -> Path:
    """``understanding.png``: goal trees right per set, as first read blind (before the reader was changed for
    it) and now, the held-out sets beside; from the figures files in ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def right(path: Path) -> float | None:
        return json.loads(path.read_text(encoding="utf-8"))["goal_trees_right"] if path.is_file() else None

    names = [n for n in SETS if (out / f"quality_{n}.json").is_file()]
    now = [right(out / f"quality_{n}.json") for n in names]
    blind = [right(out / f"blind_first_quality_{n}.json") for n in names]
    fig, ax = plt.subplots(figsize=(11, 4))
    xs = range(len(names))
    ax.bar([x - 0.2 for x in xs], [b or 0 for b in blind], 0.4, label="first read, blind", color="#c9a227")
    ax.bar([x + 0.2 for x in xs], now, 0.4, label="now", color=["#4c72b0" if n.startswith("dev") else "#dd5555"
                                                               for n in names])
    ax.axhline(0.95, color="gray", linestyle="--", linewidth=1, label="target 0.95")
    ax.set_xticks(list(xs), names, rotation=45)
    ax.set_ylim(0.4, 1.02)
    ax.set_ylabel("goal trees exactly right")
    ax.set_title("words -> goal trees per labelled set (held-out sets in red: nobody tunes on them)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False)
    fig.tight_layout()
    path = out / "understanding.png"
    fig.savefig(path, dpi=100)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", choices=("quality", "validate", "plot", "robustness"), default="quality")
    parser.add_argument("--set", choices=tuple(SETS), action="append", help="one set (default: every set)")
    parser.add_argument("--dev", action="store_true",
                        help="only the development sets: the held-out ones stay unseen by whoever tunes the reader")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--per-category", type=int, default=2)
    parser.add_argument("--skip", type=int, default=0,
                        help="validate: leave out the first K goal cases of each category (take cases K+1..)")
    parser.add_argument("--category", action="append",
                        help="validate: only this category (repeatable); figures go to validate_<set>_<categories>.json")
    parser.add_argument("--validate", type=int, default=2, help="validation seeds per run")
    parser.add_argument("--max-iterations", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0, help="robustness: which perturbations are drawn")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.what == "plot":
        print(f"wrote {plot(args.out)}")
        return
    names = args.set or [n for n in SETS if not (args.dev and n.startswith("heldout"))]
    if args.what == "robustness":
        if not (args.set or args.dev):
            parser.error("robustness reads the dev sets only: pass --dev or --set S")
        if any(n.startswith("heldout") for n in names):
            parser.error("robustness lists the texts it misreads: the held-out sets stay unseen")
        per_set = {name: robustness(load(SETS[name]), args.seed) for name in names}
        figures = _pooled(per_set) if len(per_set) > 1 else next(iter(per_set.values()))
        stem = "robustness_" + ("dev" if args.dev and not args.set else "_".join(names))
        (args.out / f"{stem}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        print(f"{stem}: {figures['cases_read_right']} cases read right, {figures['perturbed']} perturbed, "
              f"same goal tree {figures['same_goal_tree']}")
        for name, c in figures["per_perturbation"].items():
            print(f"  {name:<20} {c['fraction']:.3f}  ({c['same']}/{c['tried']})")
        if args.misses:
            for m in figures["changed"]:
                print(f"  {m['perturbation']:<19} {m['perturbed'][:90]!r}\n    want {m['want']}\n    got  {m['got']}")
        return
    for name in names:
        cases = load(SETS[name])
        if args.what == "quality":
            figures = quality(cases)
        else:
            cases = [c for c in cases if not args.category or c.category in args.category]
            figures = validate(cases, args.per_category, args.validate, args.max_iterations, args.skip)
        stem = f"{args.what}_{name}"
        if args.what == "validate":
            stem += (f"_skip{args.skip}" if args.skip else "") + "".join(f"_{c}" for c in sorted(args.category or []))
        (args.out / f"{stem}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        shown = {k: v for k, v in figures.items() if k not in ("misses", "rows")}
        print(f"{name}: {json.dumps(shown)}")
        if args.misses:
            for m in figures.get("misses", []):
                print(f"  {m['text'][:80]!r}\n    want {m['want']}\n    got  {m['got']}")


if __name__ == "__main__":
    main()
