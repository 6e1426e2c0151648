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


@dataclass
class BenchConfig:
    """How big a bench run is."""

    families: list[str] | None = None
    suite: str = "held-out"          # or "hard": a harder variant of each family (`aspire_tui.evaluation`)
    per_family: int = 3
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
        """A few-minute subset: a handful of families, one case each, small searches."""
        return cls(families or QUICK_FAMILIES, per_family=1, max_iterations=4, validate=2, population=3,
                   generations=2, debug=2, selection=2, fractions=(0.5,))


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
    from aspire_tui.search.curriculum import ordered_families
    from aspire_tui.search.heldout import CONDITION, run_search_case
    from aspire_tui.search.local import LocalBackend

    started = time.monotonic()
    work = Path(out_dir) / "libraries"
    cases = held_out_cases(config.families, config.per_family, suite=config.suite,
                           tasks_dir=Path(out_dir) / "tasks")
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
                        r = run_search_case(case, library=library, coder_factory=coder_factory, backend=backend,
                                            max_iterations=config.max_iterations, validate=config.validate,
                                            population=config.population, generations=config.generations,
                                            debug=config.debug, selection=config.selection,
                                            loop=suites["library"].results[n], histories=histories)
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

    fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(categories) + 2), 4))
    width = 0.8 / max(len(conditions), 1)
    for i, c in enumerate(conditions):
        xs = [j + i * width for j in range(len(categories))]
        ax.bar(xs, [100 * result.by_category[c].get(k, 0.0) for k in categories], width, label=c)
    ax.set_xticks([j + width * (len(conditions) - 1) / 2 for j in range(len(categories))], categories)
    ax.set_ylabel("held-out success (%)")
    ax.set_ylim(0, 105)
    ax.set_title("Success per category")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # beside the bars, never over them
    fig.tight_layout()
    fig.savefig(out / "per_category.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 4))
    zero_shot = sorted((s, 100 * r) for s, r, lab in result.skills_curve if lab != "continual")
    ax.plot([p[0] for p in zero_shot], [p[1] for p in zero_shot], "s-", label="zero-shot (fresh library of that size)")
    grown = [(s, 100 * r) for s, r, lab in result.skills_curve if lab == "continual"]
    if grown:
        ax.plot([p[0] for p in grown], [p[1] for p in grown], "o--", label="continual (cumulative)")
    ax.set_xlabel("program skills in the library")
    ax.set_ylabel("held-out success (%)")
    ax.set_ylim(-5, 105)
    ax.set_title("Success against library size")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "skills_vs_success.png", dpi=110)
    plt.close(fig)

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    if result.continual:
        left.plot(range(1, len(result.continual) + 1), [100 * c["running_rate"] for c in result.continual], "o-")
    left.xaxis.set_major_locator(MaxNLocator(integer=True))
    left.set_xlabel("tasks learned (curriculum order)")
    left.set_ylabel("cumulative success (%)")
    left.set_ylim(-5, 105)
    left.set_title("Continual learning")
    for curve in result.search_curves:
        right.plot(range(len(curve)), [100 * v for v in curve], "o-", alpha=0.7)
    right.xaxis.set_major_locator(MaxNLocator(integer=True))
    right.set_xlim(-0.5, max((len(c) for c in result.search_curves), default=1) - 0.5)
    right.set_xlabel("generation")
    right.set_ylabel("best debug success (%)")
    right.set_ylim(-5, 105)
    right.set_title("Evolutionary search")
    fig.tight_layout()
    fig.savefig(out / "learning_curves.png", dpi=110)
    plt.close(fig)

    cfg = result.config
    suite = cfg.get("suite", "held-out")
    where = ("harder variants of the families (perturbation ranges twice as wide, two more distractors; their "
             "task files are in `tasks/`), " if suite == "hard" else "")
    lines = [f"# aspire bench: {suite} suite", "",
             f"Offline coder, {where}held-out seeds >= 10000 with paraphrased instructions; "
             f"{len(next(iter(result.cases.values()), []))} cases per condition; {result.seconds:.0f} s.", "",
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
              "![skills vs success](skills_vs_success.png)", "", "## Learning curves", "",
              "![learning curves](learning_curves.png)", ""]
    if result.continual:
        retention = "n/a (nothing learned)" if result.retention is None else f"{100 * result.retention:.0f}%"
        lines += [f"Continual-learning retention: **{retention}** of the families solved when learned are "
                  "still solved with the final library.", "", "| family | skills before | learned | at end |",
                  "|---|---|---|---|"]
        lines += [f"| {c['family']} | {c['skills_before']} | {'yes' if c['success'] else 'no'} | "
                  f"{'yes' if c.get('at_end') else 'no'} |" for c in result.continual]
    lines += ["", "## Cases", "", "| condition | family | seed | success | seconds | message |", "|---|---|---|---|---|---|"]
    for c in conditions:
        for r in result.cases[c]:
            message = str(r.get("message", "")).replace("|", "/")[:90]
            lines.append(f"| {c} | {r['case']['family']} | {r['case']['seed']} | {'yes' if r['success'] else 'no'} | "
                         f"{r['seconds']:.0f} | {message} |")
    report = out / "report.md"
    report.write_text("\n".join(lines) + "\n")
    (out / "results.json").write_text(json.dumps(result.to_dict(), indent=1, default=str))
    return report


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
