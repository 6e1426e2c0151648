"""``aspire bench``: the held-out suite under four conditions, continual learning, and a report with plots.

Conditions (the paper's comparisons, offline coder by default):

- ``empty``: the coder without the library (no program skills, no lessons);
- ``library``: the seeded library;
- ``library+search``: the loop, then evolutionary search where it failed;
- ``error-only``: the seeded library, diagnosis from the error message alone.

Each case gets a fresh library (``aspire_tui.evaluation.run_suite``). The
continual run keeps one library over the families in curriculum order and
then asks each family again: *retention* is the share of families solved
when learned that are still solved at the end. Everything is judged on
held-out seeds (>= 10000) with paraphrased instructions.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

CONDITIONS = ("empty", "library", "library+search", "error-only")
QUICK_FAMILIES = ["navigate_goal", "pick_place_bowl", "place_corner", "stack_two"]
# The quick suite's cases (family -> held-out seeds of its hard variant): a control the seed library solves
# at once, and three where its first program fails on a development scene, so the loop's diagnosis and
# repair decide them and the conditions can differ (a case the library solves at once tells library, search
# and error-only apart in nothing); bench/results/hard-quick/README.md says how they were chosen.
QUICK_CASES: dict[str, list[int]] = {"navigate_goal": [10000], "place_corner": [10000, 10002],
                                     "place_next_to": [10003]}


@dataclass
class BenchConfig:
    """How big a bench run is."""

    families: list[str] | None = None
    suite: str = "held-out"          # or "hard": a harder variant of each family (`aspire_tui.evaluation`)
    per_family: int = 3
    seeds: dict[str, list[int]] | None = None   # chosen held-out seeds per family instead of per_family
    max_iterations: int = 8
    validate: int = 3
    population: int = 6
    generations: int = 4
    debug: int = 3
    selection: int = 3
    workers: int = 2
    continual: bool = True
    fractions: tuple[float, ...] = (0.25, 0.5, 0.75)   # partial seed libraries for the zero-shot curve

    @classmethod
    def quick(cls, families: list[str] | None = None) -> "BenchConfig":
        """A few-minute subset, small searches: the chosen cases (`QUICK_CASES`), or one case (seed 10000)
        of each of ``families`` when given."""
        seeds = None if families else {f: list(v) for f, v in QUICK_CASES.items()} or None
        return cls(families or list(seeds or QUICK_FAMILIES), per_family=1, seeds=seeds, max_iterations=4,
                   validate=2, population=3, generations=2, debug=2, selection=2, fractions=(0.5,))


@dataclass
class BenchResult:
    """Every figure the report shows."""

    config: dict[str, Any]
    by_category: dict[str, dict[str, float]] = field(default_factory=dict)      # condition -> category -> rate
    overall: dict[str, float] = field(default_factory=dict)
    cases: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    skills_curve: list[tuple[int, float, str]] = field(default_factory=list)     # (skills, success, label)
    continual: list[dict[str, Any]] = field(default_factory=list)
    retention: float | None = None
    search_curves: list[list[float]] = field(default_factory=list)              # best-ever rate per generation
    search_labels: list[str] = field(default_factory=list)                      # the family of each curve
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def program_skills(library) -> int:
    """How many program skills the library holds."""
    return sum(1 for p in Path(library.skills_dir).glob("*.py") if not p.name.startswith("."))


def skill_subsets(fractions: tuple[float, ...]) -> list[list[str]]:
    """For each fraction, that share of the seed program skills (a fixed order), closed under dependencies."""
    import skills_repo

    from aspire_tui.agent.loop import stable_seed

    folder = Path(skills_repo.__file__).parent / "skills"
    deps = {p.stem: set(re.findall(r"(?m)^from skills\.(\w+) import", p.read_text())) for p in folder.glob("*.py")}
    order = sorted(deps, key=lambda name: stable_seed(name))
    subsets = []
    for fraction in fractions:
        chosen: set[str] = set()
        todo = order[:round(fraction * len(order))]
        while todo:
            name = todo.pop()
            if name in deps and name not in chosen:
                chosen.add(name)
                todo.extend(deps[name])
        subsets.append(_dependency_order(chosen, deps))
    return subsets


def _dependency_order(names: set[str], deps: dict[str, set[str]]) -> list[str]:
    out: list[str] = []
    while len(out) < len(names):
        out += sorted(n for n in names if n not in out and deps[n] <= set(out))
    return out


def partial_library(path: Path, names: list[str]):
    """A library with only ``names`` of the seed program skills (and every seed lesson)."""
    import skills_repo

    from aspire_tui.evaluation import open_library

    seed = Path(skills_repo.__file__).parent
    library = open_library(path, "empty")
    for name in names:
        library.import_file(seed / "skills" / f"{name}.py")
    for lesson in sorted((seed / "lessons").glob("*.md")):
        library.import_file(lesson)
    return library


def run_bench(out_dir: Path, config: BenchConfig, *, coder_factory: Callable[[], Any],
              note: Callable[[str], None] = lambda m: None) -> BenchResult:
    """Run the suite under every condition and the continual run; libraries live under ``out_dir/libraries``."""
    from aspire_tui.evaluation import SuiteResult, held_out_cases, open_library, run_case
    from aspire_tui.evolve.curriculum import ordered_families
    from aspire_tui.evolve.heldout import CONDITION, run_search_case
    from aspire_tui.evolve.local import LocalBackend

    started = time.monotonic()
    work = Path(out_dir) / "libraries"
    cases = held_out_cases(config.families, config.per_family, suite=config.suite,
                           tasks_dir=Path(out_dir) / "tasks", seeds=config.seeds)
    result = BenchResult(asdict(config))
    suites: dict[str, SuiteResult] = {}
    skills_at: dict[str, int] = {}
    backend = LocalBackend(config.workers, runs_dir=work / "search-runs")
    histories: list = []
    try:
        for condition in ("empty", "library", "error-only", CONDITION):
            suite = suites[condition] = SuiteResult(condition)
            for n, case in enumerate(cases):
                path = work / f"{condition.replace('+', '-')}-{n:03d}"
                library = open_library(path, "library" if condition == CONDITION else condition)
                skills_at.setdefault(condition, program_skills(library))
                try:
                    if condition == CONDITION:
                        searched = len(histories)
                        r = run_search_case(case, library=library, coder_factory=coder_factory, backend=backend,
                                            max_iterations=config.max_iterations, validate=config.validate,
                                            population=config.population, generations=config.generations,
                                            debug=config.debug, selection=config.selection,
                                            loop=suites["library"].results[n], histories=histories)
                        result.search_labels += [f"{case.family} {case.seed}"] * (len(histories) - searched)
                    else:
                        r = run_case(case, library=library, coder=coder_factory(), condition=condition,
                                     max_iterations=config.max_iterations, validate=config.validate)
                finally:
                    library.close()
                    shutil.rmtree(path, ignore_errors=True)
                suite.results.append(r)
                note(f"{condition:<15} {case.family:<20} seed {case.seed}: "
                     f"{'ok' if r.success else 'failed'} ({r.seconds:.0f} s) {r.message[:80]}")
        for fraction, names in zip(config.fractions, skill_subsets(config.fractions)):
            solved = 0
            for n, case in enumerate(cases):
                path = work / f"part{int(100 * fraction)}-{n:03d}"
                library = partial_library(path, names)
                try:
                    r = run_case(case, library=library, coder=coder_factory(), max_iterations=config.max_iterations,
                                 validate=config.validate)
                finally:
                    library.close()
                    shutil.rmtree(path, ignore_errors=True)
                solved += r.success
                note(f"{len(names):>2} skills       {case.family:<20} seed {case.seed}: "
                     f"{'ok' if r.success else 'failed'}")
            result.skills_curve.append((len(names), round(solved / len(cases), 3), "part of the seed library"))
        if config.continual:
            result.continual, result.retention = _continual(work / "continual", cases, config, coder_factory,
                                                            ordered_families, note)
    finally:
        backend.close()
        shutil.rmtree(work, ignore_errors=True)
    for condition, suite in suites.items():
        result.by_category[condition] = suite.by_category()
        result.overall[condition] = round(suite.rate(), 3)
        result.cases[condition] = [r.to_dict() for r in suite.results]
    result.skills_curve += [(skills_at["empty"], result.overall["empty"], "empty library"),
                            (skills_at["library"], result.overall["library"], "seed library")]
    result.skills_curve += [(c["skills_before"], c["running_rate"], "continual") for c in result.continual]
    result.search_curves = [[g["best_ever_rate"] for g in h] for h in histories]
    result.seconds = round(time.monotonic() - started, 1)
    return result


def _continual(path: Path, cases, config: BenchConfig, coder_factory, ordered_families, note):
    """One library over the families easier first; then every case again: (per-case rows, retention)."""
    from aspire_tui.evaluation import open_library, run_case

    order = {f: i for i, f in enumerate(ordered_families())}
    ordered = sorted(cases, key=lambda c: (order.get(c.family, 99), c.seed))
    rows = []
    library = open_library(path, "library")
    try:
        solved = 0
        for i, case in enumerate(ordered):
            before = program_skills(library)
            r = run_case(case, library=library, coder=coder_factory(), max_iterations=config.max_iterations,
                         validate=config.validate)
            solved += r.success
            rows.append({"family": case.family, "seed": case.seed, "skills_before": before,
                         "success": r.success, "running_rate": round(solved / (i + 1), 3)})
            note(f"continual       {case.family:<20} seed {case.seed}: {'ok' if r.success else 'failed'} "
                 f"(library {before} skills)")
        for row, case in zip(rows, ordered):
            again = run_case(case, library=library, coder=coder_factory(), max_iterations=config.max_iterations,
                             validate=config.validate)
            row["at_end"] = again.success
        learned = [r for r in rows if r["success"]]
        retention = round(sum(r["at_end"] for r in learned) / len(learned), 3) if learned else None
    finally:
        library.close()
    return rows, retention


# ---------------------------------------------------------------- the report

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a success rate k/n (0..1); (0, 1) when there are no cases.

    Unlike k/n ± its standard error it stays inside 0..1 and is not zero-width at 0/n or n/n, which is
    what a bench of a few cases mostly measures.
    """
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def category_counts(result: BenchResult) -> dict[str, dict[str, tuple[int, int]]]:
    """condition -> category (and "all") -> (successes, cases), from the per-case rows."""
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for condition, rows in result.cases.items():
        groups: dict[str, list[bool]] = {}
        for r in rows:
            groups.setdefault(r["case"]["category"], []).append(bool(r["success"]))
            groups.setdefault("all", []).append(bool(r["success"]))
        counts[condition] = {k: (sum(v), len(v)) for k, v in groups.items()}
    return counts


def _plot_per_category(result: BenchResult, conditions: list[str], path: Path, plt) -> None:
    """Bars per category and condition, each labelled k/n with its 95 % interval; a 0 % bar is a visible stub."""
    counts = category_counts(result)
    categories = sorted({k for c in conditions for k in counts.get(c, {}) if k != "all"}) + ["all"]
    cases = {k: max(counts[c].get(k, (0, 0))[1] for c in conditions) for k in categories}
    fig, ax = plt.subplots(figsize=(max(7, 1.6 * len(categories) + 3), 4.4))
    width = 0.8 / max(len(conditions), 1)
    for i, c in enumerate(conditions):
        xs = [j + i * width for j in range(len(categories))]
        kn = [counts[c].get(k, (0, 0)) for k in categories]
        rates = [100 * k / n if n else 0.0 for k, n in kn]
        intervals = [wilson(k, n) for k, n in kn]
        # a 0 % bar drawn 0 high looks like a missing one: draw a stub and write the value on every bar
        bars = ax.bar(xs, [max(r, 1.2) for r in rates], width, label=c, edgecolor="black", linewidth=0.5)
        ax.errorbar(xs, rates, yerr=[[r - 100 * lo for r, (lo, _) in zip(rates, intervals)],
                                     [100 * hi - r for r, (_, hi) in zip(rates, intervals)]],
                    fmt="none", ecolor="0.25", elinewidth=0.8, capsize=2.5)
        for bar, x, r, (k, n) in zip(bars, xs, rates, kn):
            if n:
                light = r >= 25   # white on the bar; else black on a white patch over the whisker
                ax.text(x, 3, f"{r:.0f}%", ha="center", va="bottom", fontsize=7, rotation=90,
                        color="white" if light else "black",
                        bbox=None if light else {"facecolor": "white", "edgecolor": "none", "pad": 0.6})
                ax.text(x, 103, f"{k}/{n}", ha="center", va="bottom", fontsize=7)
            else:
                bar.set_height(0)
                ax.text(x, 3, "no cases", ha="center", va="bottom", fontsize=7, rotation=90)
    ax.set_xticks([j + width * (len(conditions) - 1) / 2 for j in range(len(categories))],
                  [f"{k}\n({cases[k]} case{'s' if cases[k] != 1 else ''})" for k in categories])
    ax.axvline(len(categories) - 1.1, color="0.7", linewidth=0.8)   # "all" apart from the categories
    ax.set_ylabel("held-out success (%)")
    ax.set_ylim(0, 112)
    ax.set_title(f"Success per category ({result.config.get('suite', 'held-out')} suite; "
                 "whiskers: 95% interval, top: successes/cases)", fontsize=10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # beside the bars, never over them
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plot_skills(result: BenchResult, path: Path, plt, MaxNLocator) -> None:
    """Held-out success against the number of program skills, each point labelled with its value."""
    n = len(next(iter(result.cases.values()), []))
    fig, ax = plt.subplots(figsize=(6.5, 4))
    zero_shot = sorted((s, 100 * r) for s, r, lab in result.skills_curve if lab != "continual")
    ax.plot([p[0] for p in zero_shot], [p[1] for p in zero_shot], "s-", label="fresh library of that size")
    for s, r in zero_shot:
        ax.annotate(f"{r:.0f}%", (s, r), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    grown = [(s, 100 * r) for s, r, lab in result.skills_curve if lab == "continual"]
    if len({s for s, _ in grown}) > 1:
        ax.plot([p[0] for p in grown], [p[1] for p in grown], "o--", alpha=0.7,
                label="continual run, after each task (cumulative)")
    elif grown:   # a library that never grew: its points would stack into one vertical line
        ax.text(0.02, 0.97, f"continual run: the library stayed at {grown[0][0]} program skills",
                transform=ax.transAxes, fontsize=8, va="top", color="0.35")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("program skills in the library")
    ax.set_ylabel("held-out success (%)")
    ax.set_ylim(-5, 112)
    ax.set_title(f"Success against library size ({n} cases a point)", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plot_learning(result: BenchResult, path: Path, plt, MaxNLocator) -> list[str]:
    """Continual learning and the searches' curves, one panel each that has data; returns the panels drawn
    (none: no file is written and the report says so)."""
    panels = []
    if result.continual:
        panels.append("continual")
    if result.search_curves:
        panels.append("search")
    if not panels:
        return []
    fig, axes = plt.subplots(1, len(panels), figsize=(5.2 * len(panels), 4), squeeze=False)
    for ax, panel in zip(axes[0], panels):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(-5, 112)
        if panel == "continual":
            rows = result.continual
            xs = range(1, len(rows) + 1)
            ax.plot(xs, [100 * c["running_rate"] for c in rows], "o-")
            for x, c in zip(xs, rows):
                ax.annotate(f"{c['family']} {c.get('seed', '')}\n{100 * c['running_rate']:.0f}%",
                            (x, 100 * c["running_rate"]), textcoords="offset points", xytext=(0, 7),
                            ha="center", fontsize=7, color="green" if c["success"] else "red")
            ax.set_xlim(0.5, len(rows) + 0.5)
            ax.set_ylim(-5, 124)   # room for the two-line labels over a 100 % point
            ax.set_xlabel("tasks learned (curriculum order; green: solved)")
            ax.set_ylabel("cumulative success (%)")
            ax.set_title("Continual learning")
        else:
            labels = result.search_labels or [""] * len(result.search_curves)
            n = len(result.search_curves)
            for i, (curve, label) in enumerate(zip(result.search_curves, labels)):
                # curves that coincide (one generation, the same rate) would hide each other: set each a little
                # apart along x, with its own marker, and write its last value
                dx = 0.06 * (i - (n - 1) / 2) if n > 1 else 0.0
                xs = [g + dx for g in range(len(curve))]
                ax.plot(xs, [100 * v for v in curve], "-", marker="osD^v<>p"[i % 8], alpha=0.85, label=label or None)
                ax.annotate(f"{100 * curve[-1]:.0f}%", (xs[-1], 100 * curve[-1]), textcoords="offset points",
                            xytext=(0, 7 + 9 * (i % 2)), ha="center", fontsize=7)
            ax.set_xlim(-0.5, max(max(len(c) for c in result.search_curves) - 0.5, 1.5))
            ax.set_xlabel("generation")
            ax.set_ylabel("best debug success (%)")
            ax.set_title(f"Evolutionary search ({n} searched case{'s' if n != 1 else ''})")
            if any(labels):
                ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return panels


def write_report(result: BenchResult, out_dir: Path) -> Path:
    """``report.md`` and its PNG plots in ``out_dir``; returns the report's path."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    conditions = [c for c in CONDITIONS if c in result.by_category]
    categories = sorted({k for c in conditions for k in result.by_category[c]})
    _plot_per_category(result, conditions, out / "per_category.png", plt)
    _plot_skills(result, out / "skills_vs_success.png", plt, MaxNLocator)
    (out / "learning_curves.png").unlink(missing_ok=True)   # a rerun with no data leaves no old picture
    panels = _plot_learning(result, out / "learning_curves.png", plt, MaxNLocator)

    cfg = result.config
    suite = cfg.get("suite", "held-out")
    where = ("harder variants of the families (perturbation ranges twice as wide, two more distractors; their "
             "task files are in `tasks/`), " if suite == "hard" else "")
    lines = [f"# aspire bench: {suite} suite", "",
             f"Offline coder, {where}held-out seeds >= 10000 with paraphrased instructions; "
             f"{len(next(iter(result.cases.values()), []))} cases per condition; {result.seconds:.0f} s.", "",
             *(["Chosen cases (family and held-out seed; `QUICK_CASES` in `aspire_tui/evolve/report.py`): "
                + ", ".join(f"{f} {', '.join(map(str, v))}" for f, v in cfg["seeds"].items()) + ".", ""]
               if cfg.get("seeds") else []),
             f"Settings: loop up to {cfg.get('max_iterations')} iterations and {cfg.get('validate')} validation "
             f"seeds; search population {cfg.get('population')}, up to {cfg.get('generations')} generations, "
             f"{cfg.get('debug')} debug + {cfg.get('selection')} selection seeds (development seeds only).", "",
             "## Success per category (%)", "",
             "| category | " + " | ".join(conditions) + " |", "|---|" + "---|" * len(conditions)]
    for k in categories:
        lines.append(f"| {k} | " + " | ".join(f"{100 * result.by_category[c].get(k, 0):.0f}" for c in conditions)
                     + " |")
    lines.append("| **all** | " + " | ".join(f"**{100 * result.overall[c]:.0f}**" for c in conditions) + " |")
    lines += ["", "![per category](per_category.png)", "", "## Library size and success", "",
              "![skills vs success](skills_vs_success.png)", "", "## Learning curves", ""]
    lines += ["![learning curves](learning_curves.png)", ""] if panels else \
        ["No data: no continual-learning run, and no search ran (search runs only where the loop failed).", ""]
    if panels and "search" not in panels:
        lines += ["No evolutionary search ran: it runs only where the loop failed, and the loop solved every "
                  "case.", ""]
    if result.continual:
        retention = "n/a (nothing learned)" if result.retention is None else f"{100 * result.retention:.0f}%"
        lines += [f"Continual-learning retention: **{retention}** of the families solved when learned are "
                  "still solved with the final library.", "", "| family | seed | skills before | learned | at end |",
                  "|---|---|---|---|---|"]
        lines += [f"| {c['family']} | {c.get('seed', '')} | {c['skills_before']} | {'yes' if c['success'] else 'no'} | "
                  f"{'yes' if c.get('at_end') else 'no'} |" for c in result.continual]
    lines += ["", "## Cases", "", "| condition | family | seed | success | seconds | message |", "|---|---|---|---|---|---|"]
    for c in conditions:
        for r in result.cases[c]:
            message = str(r.get("message", "")).replace("|", "/")[:90]
            lines.append(f"| {c} | {r['case']['family']} | {r['case']['seed']} | {'yes' if r['success'] else 'no'} | "
                         f"{r['seconds']:.0f} | {message} |")
    lines += _diagnosis_lines(result)
    report = out / "report.md"
    report.write_text("\n".join(lines) + "\n")
    (out / "results.json").write_text(json.dumps(result.to_dict(), indent=1, default=str))
    return report


def _repairs_text(row: dict[str, Any]) -> str:
    repairs = row.get("repairs") or []
    text = " → ".join(str(r).replace("|", "/")[:100] for r in repairs[:4]) or "none"
    return text + (f" (+{len(repairs) - 4} more)" if len(repairs) > 4 else "")


def _diagnosis_lines(result: BenchResult) -> list[str]:
    """The library and error-only conditions side by side, case by case: the repairs each diagnosis led to.

    Success alone hides whether the trace changed anything: a case both conditions fail (or both solve at
    once) says nothing about trace-based diagnosis, one where they repaired differently does."""
    full, bare = result.cases.get("library"), result.cases.get("error-only")
    if not full or not bare:
        return []
    pairs = list(zip(full, bare))
    repaired = [(a, b) for a, b in pairs if a.get("repairs") or b.get("repairs")]
    differed = [(a, b) for a, b in repaired if a.get("repairs") != b.get("repairs")]
    lines = ["", "## Trace against error line: the repairs each diagnosis led to", "",
             f"{len(repaired)} of {len(pairs)} cases needed a repair in either condition; the repairs differed "
             f"on {len(differed)}; success differed on {sum(a['success'] != b['success'] for a, b in pairs)}.", "",
             "| family | seed | library (trace) | error-only |", "|---|---|---|---|"]
    for a, b in pairs:
        cells = [f"{'solved' if r['success'] else 'failed'} after {r['iterations']} iteration"
                 f"{'s' if r['iterations'] != 1 else ''}: {_repairs_text(r)}" for r in (a, b)]
        lines.append(f"| {a['case']['family']} | {a['case']['seed']} | {cells[0]} | {cells[1]} |")
    return lines


def summary_table(result: BenchResult):
    """A rich table: categories by conditions, plus the overall row."""
    from rich.table import Table

    conditions = [c for c in CONDITIONS if c in result.by_category]
    table = Table(title=f"{result.config.get('suite', 'held-out')} success per category (%)")
    table.add_column("category")
    for c in conditions:
        table.add_column(c, justify="right")
    for k in sorted({k for c in conditions for k in result.by_category[c]}):
        table.add_row(k, *[f"{100 * result.by_category[c].get(k, 0):.0f}" for c in conditions])
    table.add_row("all", *[f"{100 * result.overall[c]:.0f}" for c in conditions], style="bold")
    return table
