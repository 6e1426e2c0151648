"""Held-out evaluation of the agent loop: cases, one case, a suite, under three conditions.

What a case is: a task family, a held-out seed (>= 10000, used nowhere else)
and an everyday instruction for that seed's scene, paraphrased beyond the
family's templates (``paraphrases.toml``).

What success of a case means: the loop runs on the instruction as a person
would give it, but only ever on development seeds (its debug, selection and
validation scenes are all < 10000; when no development scene holds the very
objects named, it develops on the family's first scene with the same kinds
and counts, each scene with its own words). The case succeeds when the loop
produced a validated program within ``max_iterations`` *and* that program,
with the case's own words as its ``ARGS``, then succeeds on the held-out
scene in one run. A program that cannot take the case's words (the
instruction was misunderstood: another family, slots that do not fit) fails.

Suites: ``held-out`` draws the cases' scenes from the families themselves;
``hard`` from a variant of each family (`sim.variants`: perturbation ranges
twice as wide and two more distractors), where the loop develops on the
variant's development seeds and is judged on its held-out ones.

Conditions (the paper's comparisons):

- ``library``: a fresh library seeded from ``skills_repo/`` for every case;
- ``empty``: a fresh library with no program skills and no lessons;
- ``error-only``: the seeded library, but the coder diagnoses from the
  failing call's error type and message alone, not the trace (no evidence,
  no call history, no keyframes): the ablation of trace-based diagnosis.

``run_suite(..., fresh=False)`` keeps one library across all its cases, for
continual learning.
"""

from __future__ import annotations

import re
import shutil
import time
import tomllib
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Callable

HELD_OUT = 10_000
CONDITIONS = ("library", "empty", "error-only")
SUITES = ("held-out", "hard")
HARD = {"widen": 1.0, "clutter": 2}   # how the hard suite's variants differ from their families
PHASES = ("writing", "checking", "simulating", "diagnosing")


class EvaluationError(ValueError):
    """A suite that cannot be set up (unknown family or condition); one line."""


@dataclass
class Case:
    """One held-out evaluation case."""

    family: str
    category: str
    seed: int                # >= 10000 (held out)
    instruction: str         # paraphrased beyond the family's templates
    scene: str = ""          # a variant's task file whose scenes the case uses; "" for the family's own

    @property
    def task(self) -> str:
        """The task whose scenes the case uses: the family, or the variant (named as its file)."""
        return Path(self.scene).stem if self.scene else self.family


@dataclass
class CaseResult:
    """What the loop came to on one case, and what it cost."""

    case: Case
    success: bool
    iterations: int
    episodes: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)  # writing / checking / simulating / diagnosing, s
    validated: bool = False  # the loop produced a validated program (on development seeds)
    message: str = ""        # why it failed, or what was committed
    repairs: list[str] = field(default_factory=list)   # each repair the coder made, in order (its first line)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SuiteResult:
    """All results of one condition."""

    condition: str
    results: list[CaseResult] = field(default_factory=list)

    def by_category(self) -> dict[str, float]:
        """Success rate per task category."""
        groups: dict[str, list[bool]] = {}
        for r in self.results:
            groups.setdefault(r.case.category, []).append(r.success)
        return {k: sum(v) / len(v) for k, v in sorted(groups.items())}

    def by_family(self) -> dict[str, float]:
        """Success rate per task family."""
        groups: dict[str, list[bool]] = {}
        for r in self.results:
            groups.setdefault(r.case.family, []).append(r.success)
        return {k: sum(v) / len(v) for k, v in sorted(groups.items())}

    def rate(self) -> float:
        """Overall success rate (0 for no cases)."""
        return sum(r.success for r in self.results) / len(self.results) if self.results else 0.0


# ---------------------------------------------------------------- cases

def paraphrases() -> dict[str, list[str]]:
    """The shipped everyday phrasings, family -> templates over the family's slots."""
    text = resources.files(__package__).joinpath("paraphrases.toml").read_text(encoding="utf-8")
    return {k: list(v) for k, v in tomllib.loads(text).items()}


def held_out_cases(families: list[str] | None = None, per_family: int = 3, *, suite: str = "held-out",
                   tasks_dir: str | Path | None = None, seeds: dict[str, list[int]] | None = None) -> list[Case]:
    """``per_family`` cases for each family: seeds 10000, 10001, ... with a paraphrase for each scene.

    Args:
        suite: ``held-out`` (the families' scenes) or ``hard`` (a harder variant of each family).
        tasks_dir: where the hard suite writes its variants' task files (people can read them).
        seeds: family -> the held-out seeds to use instead (a chosen case list, as ``aspire bench --quick``
            has); a seed's paraphrase is the one ``per_family`` cases would give it, and ``families`` are
            then the keys of ``seeds`` (in its order) unless given.

    Raises:
        EvaluationError: an unknown suite, a family that is not built in, or one with no paraphrases, or a
            chosen seed below 10000.
    """
    from sim.episode import make_episode
    from sim.tasks import builtin_tasks
    from sim.variants import propose_variant
    from sim.world import World

    if suite not in SUITES:
        raise EvaluationError(f"unknown suite {suite!r} (use {', '.join(SUITES)})")
    if suite == "hard" and tasks_dir is None:
        raise EvaluationError("the hard suite needs a folder for its variants' task files")
    tasks = builtin_tasks()
    names = families or (list(seeds) if seeds else sorted(tasks))
    phrases = paraphrases()
    for name, chosen in (seeds or {}).items():
        low = [s for s in chosen if s < HELD_OUT]
        if low:
            raise EvaluationError(f"seed {low[0]} of {name} is a development seed; held-out seeds are >= {HELD_OUT}")
    for name in names:
        if name not in tasks:
            raise EvaluationError(f"unknown task family {name!r} (built in: {', '.join(sorted(tasks))})")
        if not phrases.get(name):
            raise EvaluationError(f"no paraphrases for {name!r} in aspire_tui/evaluation/paraphrases.toml")
    cases = []
    world = World()
    try:
        for name in names:
            spec = tasks[name]
            scene = str(propose_variant(name, Path(tasks_dir), 1, **HARD)) if suite == "hard" else ""
            for seed in (seeds or {}).get(name) or [HELD_OUT + i for i in range(per_family)]:
                i = seed - HELD_OUT
                episode = make_episode(scene or spec, seed, world=world)
                template = phrases[name][i % len(phrases[name])]
                words = {k: str(v) for k, v in episode.scene.slots.items()}
                cases.append(Case(name, spec.category, seed, template.format_map(words), scene))
    finally:
        world.close()
    return cases


# ---------------------------------------------------------------- conditions

def open_library(path: str | Path, condition: str):
    """A library for ``condition`` at ``path``: seeded, or with no skills and no lessons (``empty``)."""
    from aspire_tui.skills.library import Library

    if condition not in CONDITIONS:
        raise EvaluationError(f"unknown condition {condition!r} (use {', '.join(CONDITIONS)})")
    root = Path(path)
    if condition == "empty" and not root.exists():
        for folder in ("skills", "lessons"):
            (root / folder).mkdir(parents=True)
            # git keeps no empty folder; the note makes the empty library a commit like any other
            (root / folder / "README.txt").write_text("Empty on purpose: the no-library condition.\n")
    return Library.open(root)


class ErrorOnlyTrace:
    """A trace seen through the error message alone: no evidence, no call history, no keyframes."""

    def __init__(self, trace) -> None:
        self._trace = trace
        failure = trace.failure
        self.failure = None
        if failure is not None:
            error = {"type": failure.error.get("type"), "message": failure.error.get("message")} \
                if failure.error else None
            self.failure = replace(failure, error=error, keyframe=None, overlay={}, result=None)
        self.outcome = trace.outcome
        self.failure_reason = trace.failure_reason
        self.program = trace.program
        self.instruction = trace.instruction
        self.run_dir = None
        self.records = [self.failure] if self.failure is not None else []
        self.checks: dict[str, bool] = {}

    def headline(self) -> str:
        return self._trace.headline()

    def summary(self, *args: Any, **kwargs: Any) -> str:
        """The error line only."""
        return self._trace.headline()


class ErrorOnlyCoder:
    """A coder whose diagnosis sees only the error message (the paper's error-only ablation)."""

    def __init__(self, coder) -> None:
        self._coder = coder
        self.name = f"{getattr(coder, 'name', 'coder')}+error-only"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._coder, name)

    def diagnose(self, trace, lessons: list):
        """The inner coder's diagnosis of the error line alone."""
        return self._coder.diagnose(ErrorOnlyTrace(trace), lessons)


# ---------------------------------------------------------------- running

def understood_as(case: Case, task: str) -> bool:
    """Whether the loop read the case's words as its task: the family, or for a hard case its variant.

    A variant is its family with wider perturbations, so words read as the family name the same goal; the
    held-out run on the variant's scene still judges the program.
    """
    return task in (case.task, case.family)


def case_goal(case: Case):
    """The case's words understood for its family: the ``ARGS`` a program gets on the held-out scene."""
    from aspire_tui.agent.loop import understand

    goal, _ = understand(case.instruction, case.scene or None)
    return goal


def run_case(case: Case, *, library, coder, condition: str = "library", max_iterations: int = 10,
             validate: int = 3, pool=None, emit=None) -> CaseResult:
    """Run the loop on ``case`` (development seeds only), then judge its program on the held-out scene.

    Args:
        library: an open `Library` (`open_library` makes one for a condition).
        coder: a `Coder`; wrapped in `ErrorOnlyCoder` for ``condition="error-only"``.
        emit: receives the loop's events (default: none).
    """
    from aspire_tui.agent import events as ev
    from aspire_tui.agent.coder import CoderError
    from aspire_tui.agent.loop import AgentError, run_task
    from aspire_tui.runner import RunnerError, run_program
    from aspire_tui.runner.program_args import with_args

    if condition not in CONDITIONS:
        raise EvaluationError(f"unknown condition {condition!r} (use {', '.join(CONDITIONS)})")
    if case.seed < HELD_OUT:
        raise EvaluationError(f"case seed {case.seed} is a development seed; held-out seeds are >= {HELD_OUT}")
    if condition == "error-only":
        coder = ErrorOnlyCoder(coder)
    started = time.monotonic()
    repairs: list[str] = []
    forward = emit or ev.ignore

    def watch(event) -> None:
        if isinstance(event, ev.RepairDiff):   # what each condition's diagnosis led to, for the report
            repairs.append("; ".join(str(a) for a in event.actions) or "(no description)")
        forward(event)

    try:
        result = run_task(case.instruction, scene=case.scene or None, coder=coder, library=library,
                          max_iterations=max_iterations,
                          validate=validate, emit=watch, pool=pool, keyframes=False,
                          any_scene=True)
    except (AgentError, CoderError, RunnerError) as e:
        return CaseResult(case, False, 0, 0, round(time.monotonic() - started, 2), {p: 0.0 for p in PHASES},
                          message=f"not attempted: {e}", repairs=repairs)
    timings = {p: round(result.timings.get(p, 0.0), 3) for p in PHASES}

    def done(success: bool, message: str) -> CaseResult:
        return CaseResult(case, success, result.iterations, result.episodes, round(time.monotonic() - started, 2),
                          timings, result.success, message, repairs)

    if not result.success:
        return done(False, result.message)
    if not understood_as(case, result.family):
        return done(False, f"understood as {result.family}, not {case.task}")
    try:
        source = with_args(result.program, case_goal(case).slots)
    except (AgentError, KeyError, ValueError) as e:
        return done(False, f"the program does not take the case's words: {e}")
    try:
        trace = run_program(source, case.scene or case.family, case.seed, skills_dir=library.skills_dir,
                            runs_dir=library.runs_dir, keyframes=False, pool=pool)
    except RunnerError as e:
        return done(False, f"held-out run failed to start: {e}")
    if trace.outcome != "succeeded":
        return done(False, f"held-out seed {case.seed}: {trace.headline()}")
    return done(True, result.message)


def run_suite(cases: list[Case], *, condition: str, library_dir: str | Path,
              coder_factory: Callable[[], Any], max_iterations: int = 10, validate: int = 3,
              on_result: Callable[[CaseResult], None] | None = None, fresh: bool = True,
              pool=None) -> SuiteResult:
    """Run every case under ``condition``; a fresh library per case unless ``fresh=False``.

    Args:
        library_dir: where the libraries go (``<library_dir>/<n>-<family>``, or ``library_dir`` itself
            when not fresh); libraries made here are removed after their case.
        coder_factory: a new coder for each case (coders keep per-task state).
        on_result: called after each case (progress).
    """
    if condition not in CONDITIONS:
        raise EvaluationError(f"unknown condition {condition!r} (use {', '.join(CONDITIONS)})")
    base = Path(library_dir)
    suite = SuiteResult(condition)
    shared = None if fresh else open_library(base, condition)
    try:
        for n, case in enumerate(cases):
            path = base / f"{n:03d}-{re.sub(r'[^a-z0-9_]', '_', case.family)}"
            library = shared or open_library(path, condition)
            try:
                result = run_case(case, library=library, coder=coder_factory(), condition=condition,
                                  max_iterations=max_iterations, validate=validate, pool=pool)
            finally:
                if shared is None:
                    library.close()
                    shutil.rmtree(path, ignore_errors=True)
            suite.results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        if shared is not None:
            shared.close()
    return suite
