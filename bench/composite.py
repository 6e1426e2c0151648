"""The composite suite (issue 17): task files people might write, run by the offline coder on held-out seeds.

    python -m bench.composite                         # every task file in bench/composite/, seed 10000
    python -m bench.composite --kind referents --limit 2 --seeds 10000 10001
    python -m bench.composite --transfer 0 --out /tmp/composite   # no transfer runs
    python -m bench.composite --report bench/results/composite/composite.json --out /tmp/again   # re-plot only

``bench/composite/<kind>/*.toml`` holds the suite: one folder per kind of goal (groups, referents,
sequences, start states, constraints, arrangements, sorting), each file written from a one-line description
of what someone asks a robot at a table, with its own regions, counts, colours and distractors, blind to
the offline coder's code. The folder is the kind.

For each task file and held-out seed (>= 10000) the real loop runs (`run_task`, offline coder, a fresh
seeded library) on that seed's instruction, developing on development seeds only; a case succeeds when the
loop validated a program and that program, given the held-out scene's words as its ``ARGS``, succeeds on
the held-out scene (as in `aspire_tui.evaluation`). Reported, against the issue's targets:

- success ("validated on held-out") overall and per kind, and the loop's own validated rate;
- "coder gave up" before any episode ran (and instructions not attempted at all);
- iterations to validation, median and p90;
- repeated identical repairs within one task (the same edit applied twice);
- transfer: after task A validates and a new skill is distilled from it, task B of the same kind and shape
  (the same goal over the same kinds of object, with another count, colours and layout: `shape`; the
  ``*_again`` files are such partners) runs on A's library; it transfers when B's first program calls
  A's skill and B succeeds with no repair. The loop keeps no skill from a task file's goal, so unless
  ``--no-distill`` the bench distils A as the loop's distil step would (`bench_distill`);
- per case: the failure reason in one line (the loop's message, or its last diagnosis).

Results go to ``--out`` (default ``bench/results/composite/``): ``composite.json`` (settings, figures,
every case without its programs and diffs, transfers), ``composite.png`` (success per kind) and
``cases.jsonl`` (each case in full, programs and repair diffs included, written as it finishes).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

HERE = Path(__file__).parent
SUITE = HERE / "composite"
RESULTS = HERE / "results" / "composite"
KINDS = ("groups", "referents", "sequences", "start_states", "constraints", "arrangements", "sorting")
TARGETS = {"overall": 0.85, "per_kind": 0.75, "gave_up": 0.05, "repeated_repairs": 0}
HELD_OUT = 10_000

console = Console(width=160)


def suite_files(kinds: list[str] | None = None, limit: int | None = None) -> list[tuple[str, Path]]:
    """(kind, task file) for every file of the suite, kinds in order; ``limit`` files of each kind."""
    out = []
    for kind in kinds or KINDS:
        files = sorted((SUITE / kind).glob("*.toml"))
        out += [(kind, f) for f in files[:limit]]
    return out


@dataclass
class Case:
    """What one task file came to on one held-out seed."""

    task: str
    kind: str
    seed: int
    instruction: str
    success: bool = False          # validated, and the program succeeded on the held-out scene
    validated: bool = False        # the loop validated a program (development seeds)
    attempted: bool = True         # False: the loop refused the instruction before planning
    gave_up: bool = False          # "coder gave up" before any episode ran
    iterations: int = 0
    episodes: int = 0
    seconds: float = 0.0
    goal: str = ""
    skill: str = ""                # the skill committed for this case, if any
    distilled_by: str = ""         # "loop", or "bench" (see `bench_distill`), when a skill was committed
    first_calls: list[str] = field(default_factory=list)  # library skills the first program imports
    retrieved: list[str] = field(default_factory=list)     # the skills retrieval handed the coder
    first_program: str = ""        # the program as first written
    program: str = ""              # the last program (the validated one, on success)
    repairs: list[dict] = field(default_factory=list)      # each applied repair: iteration, actions, diff
    repeated_repairs: int = 0      # repairs whose edit equals an earlier one in the same task
    empty_repairs: int = 0         # repairs that changed nothing
    message: str = ""              # the loop's last word
    reason: str = ""               # why it failed, in one line ('' on success)


def skills_called(program: str) -> list[str]:
    """The library skills a program imports (``from skills.NAME import ...``)."""
    return sorted(set(re.findall(r"^\s*(?:from|import)\s+skills\.(\w+)", program, flags=re.M)))


def held_out_instruction(path: Path, seed: int, world) -> str:
    """The held-out scene's own instruction (one of the file's templates filled with its words)."""
    from sim.episode import make_episode

    return make_episode(path, seed, world=world).instruction


def run_case(kind: str, path: Path, seed: int, instruction: str, library, args) -> Case:
    """The loop on one task file's held-out case, then its program on the held-out scene."""
    from aspire_tui.agent import events as ev
    from aspire_tui.agent.coder import CoderError, coder_for
    from aspire_tui.agent.loop import AgentError, run_task
    from aspire_tui.evaluation import Case as EvalCase, case_goal
    from aspire_tui.runner import RunnerError, run_program
    from aspire_tui.runner.program_args import with_args

    case = Case(path.stem, kind, seed, instruction)
    got: list = []
    started = time.monotonic()
    coder = coder_for(None)
    try:
        result = run_task(instruction, scene=str(path), coder=coder, library=library,
                          max_iterations=args.max_iterations, validate=args.validate, emit=got.append,
                          budget=args.budget, timeout=args.timeout, keyframes=False, any_scene=True)
    except (AgentError, CoderError, RunnerError) as e:
        case.attempted = False
        case.seconds = round(time.monotonic() - started, 1)
        case.message = case.reason = f"not attempted: {e}"
        return case
    except Exception as e:  # noqa: BLE001 - a crash of the loop is a finding; the suite goes on
        import traceback

        where = traceback.extract_tb(e.__traceback__)[-1]
        case.seconds = round(time.monotonic() - started, 1)
        case.message = case.reason = (f"loop crashed: {type(e).__name__}: {e} "
                                      f"({Path(where.filename).name}:{where.lineno})")
        return case
    understood = next((e for e in got if isinstance(e, ev.Understood)), None)
    case.goal = understood.line if understood else ""
    retrieved = next((e for e in got if isinstance(e, ev.SkillsRetrieved)), None)
    case.retrieved = list(retrieved.skills) if retrieved else []
    written = [e for e in got if isinstance(e, ev.ProgramWritten)]
    case.first_calls = skills_called(written[0].program) if written else []
    case.first_program = written[0].program if written else ""
    seen: set[str] = set()
    for e in got:
        if isinstance(e, ev.RepairDiff):
            case.repairs.append({"iteration": e.iteration, "actions": list(e.actions), "diff": e.diff})
            if not e.diff.strip():
                case.empty_repairs += 1
            elif e.diff in seen:
                case.repeated_repairs += 1
            seen.add(e.diff)
    case.iterations, case.episodes, case.message = result.iterations, result.episodes, result.message
    case.program = result.program
    case.validated = result.success
    case.skill = (result.skill or {}).get("name", "")
    case.distilled_by = "loop" if case.skill else ""
    case.gave_up = result.message.startswith("coder gave up") and result.episodes == 0
    if not result.success:
        diagnoses = [e for e in got if isinstance(e, ev.Diagnosis)]
        last = diagnoses[-1] if diagnoses else None
        said = f"{last.error_type}: {last.summary}" if last is not None and last.error_type else \
            (last.summary if last is not None else "")
        if result.message.startswith("no validated program") and said:
            case.reason = said  # the last diagnosis says more than "no validated program after N iterations"
        else:
            case.reason = result.message + (f" (last diagnosis: {said})" if said and said not in result.message else "")
    else:  # the validated program, given the held-out scene's words, on the held-out scene
        try:
            words = case_goal(EvalCase(path.stem, "", seed, instruction, str(path))).slots
            trace = run_program(with_args(result.program, words), str(path), seed, timeout=args.timeout,
                                skills_dir=library.skills_dir, runs_dir=library.runs_dir, keyframes=False)
            case.success = trace.outcome == "succeeded"
            if not case.success:
                case.reason = f"held-out seed {seed}: {trace.headline()}"
        except (AgentError, KeyError, ValueError, RunnerError) as e:
            case.reason = f"the program does not take the held-out scene's words: {e}"
        if not case.skill and args.distill:
            case.skill, note = bench_distill(coder, result, instruction, path, library)
            case.distilled_by = "bench" if case.skill else ""
            case.message += f" · bench distill: {note}"
    case.seconds = round(time.monotonic() - started, 1)
    case.reason = " ".join(case.reason.split())[:300]
    return case


def bench_distill(coder, result, instruction: str, path: Path, library) -> tuple[str, str]:
    """Keep a validated program as a new skill the way the loop's distil step does (``coder.generalize``, then
    ``library.save``), for runs the loop validated but kept nothing from: it keeps no skill for a task
    file's goal ("not kept as a skill: ... can be re-validated"), which leaves nothing to transfer.
    Only a new skill is kept (a refinement of a seed skill would prove nothing about transfer).

    Returns:
        (the committed skill's name or '', what happened in a few words).
    """
    import inspect

    from aspire_tui.agent.loop import understand

    try:
        goal, _ = understand(instruction, str(path))
        evidence = {"seeds": result.validation_seeds, "success": result.validated,
                    "run": result.runs[-1] if result.runs else ""}
        extra = {}
        if "sources" in inspect.signature(coder.generalize).parameters:  # the skills the program was written from
            extra["sources"] = {n: library.source(n) for n in skills_called(result.program)}
        distilled = coder.generalize(result.program, goal, evidence, **extra)
        if distilled is None:
            return "", "the library's skills already do this"
        if distilled.change != "new":  # a refined seed skill would be called by any later program anyway
            return "", f"would refine {distilled.name}; only a new skill counts for transfer"
        change = library.save(distilled.name, distilled.source, change=distilled.change, summary=distilled.summary,
                              why=f"Task: {instruction}\n{distilled.why}", task=path.stem,
                              run=evidence["run"], success=result.validated, model="offline")
    except Exception as e:  # noqa: BLE001 - any refusal is a finding to report, not a crash of the bench
        return "", f"{type(e).__name__}: {str(e)[:120]}"
    return (change.name, f"{distilled.change} skill {change.name}") if change.committed else ("", "unchanged")


def fresh_library(template: Path, to: Path):
    """A copy of the seeded, indexed library (seeding and indexing once saves seconds per case)."""
    from aspire_tui.skills.library import Library

    shutil.copytree(template, to)
    return Library.open(to)


# ---------------------------------------------------------------- figures

def rate(cases: list[Case], attr: str = "success") -> float:
    return sum(getattr(c, attr) for c in cases) / len(cases) if cases else 0.0


def percentile(values: list[int], q: float) -> float | None:
    """The q-quantile by nearest rank (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))])


def cause_of(reason: str) -> str:
    """A failure reason with its numbers, colours and quoted names blanked, so like failures group."""
    from sim.objects import COLORS

    said = re.match(r"(.*?) \(last diagnosis: (\w+)", reason)
    left = re.match(r"(coder gave up: no repair left for \w+ at \S+?):", reason)
    if left:  # "no repair left for CollisionError at move_to: <evidence>: every edit ..." -> type and call
        part = re.search(r"(\w+)\(.*?\) does not hold", reason)
        reason = left[1] + (f": {part[1]}(…) does not hold" if part else
                            ": no conjunct named" if "NotDone" in left[1] else "")
    elif said:  # the give-up line and the kind of failure it gave up on
        reason = f"{said[1]} (last diagnosis: {said[2]})"
    else:  # "CollisionError: CollisionError at move_to: detail; try: ..." -> the error, the call, the detail
        reason = re.sub(r"^(\w+): \1 at ", r"\1 at ", reason).split("; try:")[0]
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    text = re.sub(r"-?\d+(\.\d+)?", "N", text)
    text = re.sub(r"\b(" + "|".join(COLORS) + r")\b", "C", text)
    text = re.sub(r"\bC(, C)*( and C)?\b", "C", text)
    text = re.sub(r"\b(" + "|".join(KINDS) + r")_\w+", "TASK", text)
    return text[:110]


def summarise(cases: list[Case], transfers: list[dict]) -> dict:
    validated_its = [c.iterations for c in cases if c.validated]
    per_kind = {}
    for kind in KINDS:
        ks = [c for c in cases if c.kind == kind]
        if ks:
            per_kind[kind] = {"cases": len(ks), "success": round(rate(ks), 3),
                              "validated": round(rate(ks, "validated"), 3), "gave_up": sum(c.gave_up for c in ks),
                              "not_attempted": sum(not c.attempted for c in ks)}
    causes: dict[str, list[str]] = {}
    for c in cases:
        if not c.success:
            causes.setdefault(cause_of(c.reason), []).append(f"{c.task}@{c.seed}")
    transfer_by_kind = {}
    for t in transfers:
        transfer_by_kind.setdefault(t["kind"], []).append(t["transferred"])
    return {
        "cases": len(cases),
        "success": round(rate(cases), 3),
        "validated": round(rate(cases, "validated"), 3),
        "gave_up_rate": round(rate(cases, "gave_up"), 3),
        "not_attempted": sum(not c.attempted for c in cases),
        "iterations_to_validation": {"median": statistics.median(validated_its) if validated_its else None,
                                     "p90": percentile(validated_its, 0.9), "n": len(validated_its)},
        "repeated_identical_repairs": sum(c.repeated_repairs for c in cases),
        "tasks_with_repeated_repairs": sum(1 for c in cases if c.repeated_repairs),
        "empty_repairs": sum(c.empty_repairs for c in cases),
        "skills_committed_by_loop": sum(1 for c in cases if c.distilled_by == "loop"),
        "skills_committed_by_bench": sum(1 for c in cases if c.distilled_by == "bench"),
        "transfer": {"pairs": len(transfers),
                     "rate": round(sum(t["transferred"] for t in transfers) / len(transfers), 3) if transfers else None,
                     "skill_retrieved_for_b": sum(t.get("retrieved", False) for t in transfers),
                     "first_program_calls_skill": sum(t["calls_skill"] for t in transfers),
                     "b_solved_unrepaired_any_skill": sum(t["solved_unrepaired"] for t in transfers),
                     "per_kind": {k: f"{sum(v)}/{len(v)}" for k, v in transfer_by_kind.items()}},
        "per_kind": per_kind,
        "failures_by_cause": dict(sorted(causes.items(), key=lambda kv: -len(kv[1]))),
    }


def kind_table(summary: dict) -> Table:
    table = Table(title="Composite suite, offline coder, held-out seeds")
    for col in ("kind", "cases", "success", "loop validated", "gave up", "not attempted", "transfer"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, k in summary["per_kind"].items():
        met = k["success"] >= TARGETS["per_kind"]
        table.add_row(kind, str(k["cases"]), f"[{'green' if met else 'red'}]{k['success']:.2f}[/]",
                      f"{k['validated']:.2f}", str(k["gave_up"]), str(k["not_attempted"]),
                      summary["transfer"]["per_kind"].get(kind, "-"))
    met = summary["success"] >= TARGETS["overall"]
    table.add_row("all", str(summary["cases"]), f"[{'green' if met else 'red'}]{summary['success']:.2f}[/]",
                  f"{summary['validated']:.2f}", f"{summary['gave_up_rate']:.0%}", str(summary["not_attempted"]),
                  f"{summary['transfer']['rate']}" if summary["transfer"]["pairs"] else "-")
    return table


def plot(summary: dict, path: Path) -> None:
    """Bars: success and loop-validated rate per kind, with the issue's targets."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = list(summary["per_kind"])
    x = list(range(len(kinds) + 1))
    success = [summary["per_kind"][k]["success"] for k in kinds] + [summary["success"]]
    validated = [summary["per_kind"][k]["validated"] for k in kinds] + [summary["validated"]]
    labels = [f"{k.replace('_', ' ')}\n({summary['per_kind'][k]['cases']})" for k in kinds] + \
        [f"all\n({summary['cases']})"]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    w = 0.38
    ax.bar([i - w / 2 for i in x], validated, w, label="loop validated (dev seeds)", color="#9ecae1")
    bars = ax.bar([i + w / 2 for i in x], success, w, label="validated + held-out run succeeded", color="#3182bd")
    for b, v in zip(bars, success):
        ax.text(b.get_x() + b.get_width() / 2, v + 0.01, f"{v:.2f}", ha="center", va="bottom", fontsize=8)
    ax.axhline(TARGETS["per_kind"], color="#e6550d", ls="--", lw=1, label="target per kind 0.75")
    ax.axhline(TARGETS["overall"], color="#31a354", ls=":", lw=1, label="target overall 0.85")
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_ylim(0, 1.22)
    ax.axvline(len(kinds) - 0.5, color="#bbbbbb", lw=0.8)
    ax.set_ylabel("rate")
    its = summary["iterations_to_validation"]
    ax.set_title(f"Composite suite, offline coder: {summary['cases']} held-out cases · gave up "
                 f"{summary['gave_up_rate']:.0%} · iterations to validation median {its['median']}, p90 {its['p90']}",
                 fontsize=9)
    ax.legend(fontsize=7, loc="upper center", ncol=4, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# ---------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", nargs="*", choices=KINDS, default=None, help="only these kinds (folders)")
    parser.add_argument("--limit", type=int, default=None, help="the first N task files of each kind")
    parser.add_argument("--task", nargs="*", default=None, help="only task files whose name holds one of these")
    parser.add_argument("--seeds", nargs="*", type=int, default=[HELD_OUT], help="held-out seeds (>= 10000)")
    parser.add_argument("--max-iterations", type=int, default=6)
    parser.add_argument("--validate", type=int, default=3, help="fresh dev seeds a program must pass")
    parser.add_argument("--budget", type=float, default=180.0, help="wall seconds per case (the loop stops)")
    parser.add_argument("--timeout", type=float, default=60.0, help="wall seconds per simulated run")
    parser.add_argument("--transfer", type=int, default=1, help="transfer pairs per kind (0: none)")
    parser.add_argument("--no-distill", dest="distill", action="store_false",
                        help="keep only the skills the loop itself commits (see `bench_distill`)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--report", type=Path, default=None, metavar="JSON",
                        help="run nothing: summarise and plot an earlier run's composite.json again (into --out)")
    args = parser.parse_args()
    if args.report is not None:
        return show(json.loads(args.report.read_text(encoding="utf-8")), args.out)
    if any(s < HELD_OUT for s in args.seeds):
        parser.error(f"held-out seeds are >= {HELD_OUT}")

    from aspire_tui.skills.library import Library
    from sim.world import World

    started = time.perf_counter()
    files = suite_files(args.kind, args.limit)
    if args.task:
        files = [(k, f) for k, f in files if any(t in f.stem for t in args.task)]
    args.out.mkdir(parents=True, exist_ok=True)
    jsonl = args.out / "cases.jsonl"
    jsonl.write_text("")
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    console.print(f"[bold]{len(files)} task files x {len(args.seeds)} held-out seeds[/], offline coder, "
                  f"--max-iterations {args.max_iterations} --validate {args.validate} --budget {args.budget:.0f} s "
                  f"--timeout {args.timeout:.0f} s, transfer pairs per kind {args.transfer}")
    world = World()
    try:
        jobs = [(kind, f, s, held_out_instruction(f, s, world)) for kind, f in files for s in args.seeds]
    finally:
        world.close()
    cases: list[Case] = []
    transfers: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, Progress(TextColumn("{task.description}"), BarColumn(),
                                                         MofNCompleteColumn(), TimeElapsedColumn(),
                                                         console=console) as progress:
        template = Path(tmp) / "seeded"
        Library.open(template).reindex()  # seeded and indexed once; every case gets a copy
        bar = progress.add_task("composite", total=len(jobs))
        for n, (kind, path, seed, instruction) in enumerate(jobs):
            progress.update(bar, description=f"{kind}/{path.stem}"[:48].ljust(48))
            where = Path(tmp) / f"{n:03d}"
            library = fresh_library(template, where)
            try:
                case = run_case(kind, path, seed, instruction, library, args)
                record(case, progress, jsonl)
                cases.append(case)
                wanted = sum(1 for t in transfers if t["kind"] == kind) < args.transfer
                b_path = partner(kind, path) if case.success and case.skill and wanted else None
                if b_path is not None:
                    transfers.append(transfer(case, kind, path, b_path, seed, library, args, progress, jsonl))
            finally:
                library.close()
                shutil.rmtree(where, ignore_errors=True)
            progress.advance(bar)
    report = {"settings": settings, "cases": [asdict(c) for c in cases], "transfers": transfers}
    show(report, args.out, round(time.perf_counter() - started))


def compact(case: dict) -> dict:
    """A case for ``composite.json``: no repair diffs, no last program, the first program only when it failed
    (``cases.jsonl`` keeps everything)."""
    kept = {k: v for k, v in case.items() if k != "program"}
    kept["repairs"] = [{k: v for k, v in r.items() if k != "diff"} for r in case.get("repairs", [])]
    if case.get("success"):
        kept["first_program"] = ""
    return kept


def show(report: dict, out: Path, seconds: int | None = None) -> None:
    """Summarise a run's cases, write ``composite.json`` and ``composite.png`` to ``out``, print the tables."""
    cases = [Case(**c) for c in report["cases"]]
    summary = summarise(cases, report["transfers"])
    summary["seconds"] = seconds if seconds is not None else (report.get("summary") or {}).get("seconds")
    report = {"settings": report["settings"], "summary": summary, "cases": [compact(c) for c in report["cases"]],
              "transfers": report["transfers"]}
    out.mkdir(parents=True, exist_ok=True)
    (out / "composite.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    plot(summary, out / "composite.png")
    console.print(kind_table(summary))
    its, transfer = summary["iterations_to_validation"], summary["transfer"]
    console.print(f"gave up before any episode: {summary['gave_up_rate']:.0%} (target <= 5%) · not attempted: "
                  f"{summary['not_attempted']} · iterations to validation: median {its['median']}, p90 {its['p90']} "
                  f"(n={its['n']}) · repeated identical repairs: {summary['repeated_identical_repairs']} (target 0) "
                  f"in {summary['tasks_with_repeated_repairs']} tasks · empty repairs: {summary['empty_repairs']} · "
                  f"skills committed by the loop: {summary['skills_committed_by_loop']}, by the bench: "
                  f"{summary['skills_committed_by_bench']} · transfer: {transfer['rate']} ({transfer['pairs']} pairs; "
                  f"A's skill retrieved for B in {transfer['skill_retrieved_for_b']}, called by B's first program in "
                  f"{transfer['first_program_calls_skill']}; B solved unrepaired with any skill in "
                  f"{transfer['b_solved_unrepaired_any_skill']})")
    causes = Table(title="Failures by cause")
    causes.add_column("n", justify="right")
    causes.add_column("cause")
    causes.add_column("cases")
    for cause, who in summary["failures_by_cause"].items():
        causes.add_row(str(len(who)), cause, ", ".join(who)[:70])
    console.print(causes)
    console.print(f"{summary['seconds']} s in all; results in {out}")


def record(case: Case, progress: Progress, jsonl: Path, label: str = "") -> None:
    """One line on screen and one in the JSONL file, as each case finishes."""
    with open(jsonl, "a", encoding="utf-8") as f:
        f.write(json.dumps({"transfer": bool(label), **asdict(case)}) + "\n")
    mark = "[green]ok[/]" if case.success else ("[yellow]validated[/]" if case.validated else "[red]fail[/]")
    progress.console.print(f"  {label}{case.kind:<12} {case.task:<44} {case.seed} {mark} {case.iterations} it, "
                           f"{case.episodes} ep, {case.seconds:.0f} s" + (f" → {case.skill}" if case.skill else "")
                           + ("" if case.success else f"  [dim]{case.reason[:110]}[/]"))


def shape(path: Path) -> str:
    """A task file's goal with its object ids replaced by their kinds ("blocks" for a group, a referent's rule
    in brackets), then its start states: two files of one shape ask the same of different scenes.

    ``sorted_into(blocks, bowls)``; ``all(in(block[nearest bowl], bowl), unmoved(blocks))``;
    ``in(block, tray) | block on block``.
    """
    from sim.taskspec import load_task_file

    spec = load_task_file(path)
    objects = {o.id: o for o in spec.objects}

    def word(oid: str) -> str:
        o = objects[oid]
        text = o.kind + ("s" if o.count[1] > 1 or o.match else "")
        if o.chosen is not None:
            anchor = objects[o.chosen.anchor].kind if o.chosen.anchor in objects else o.chosen.anchor
            rank = f" {o.chosen.rank}" if o.chosen.rank > 1 else ""
            text += f"[{o.chosen.rule}{rank}{' ' + anchor if anchor else ''}]"
        return text

    goal = re.sub(r"\b[a-z_]+\b(?!\()", lambda m: word(m[0]) if m[0] in objects else m[0], str(spec.success))
    starts = sorted(f"{word(o.id)} {'in' if o.inside else 'on'} {word(o.inside or o.on)}"
                    for o in spec.objects if o.inside or o.on)
    return goal + (" | " + ", ".join(starts) if starts else "")


def partner(kind: str, path: Path) -> Path | None:
    """Another task file of the same kind and shape (new count, colours, layout), if the suite has one."""
    mine = shape(path)
    return next((f for _, f in suite_files([kind]) if f != path and shape(f) == mine), None)


def transfer(a: Case, kind: str, path: Path, b_path: Path, seed: int, library, args, progress, jsonl) -> dict:
    """Task B (same kind and shape as A) run on A's library: does its first program reuse A's skill, unrepaired?"""
    from sim.world import World

    world = World()
    try:
        instruction = held_out_instruction(b_path, seed, world)
    finally:
        world.close()
    b = run_case(kind, b_path, seed, instruction, library, args)
    record(b, progress, jsonl, label=f"transfer from {a.task}: ")
    calls = a.skill in b.first_calls
    retrieved = a.skill in b.retrieved
    return {"kind": kind, "shape": shape(path), "from": a.task, "to": b.task, "skill": a.skill,
            "distilled_by": a.distilled_by,
            "retrieved": retrieved, "calls_skill": calls,
            "first_calls": b.first_calls, "success": b.success, "repairs": len(b.repairs),
            "solved_unrepaired": b.success and not b.repairs,
            "transferred": calls and b.success and not b.repairs, "reason": b.reason}


if __name__ == "__main__":
    main()
