"""The evaluation function every backend runs: one program on one seed, judged by the simulation worker.

A `Job` is plain data (so it travels to Ray workers as it is); an
`EpisodeResult` is what comes back. Fitness is computed from results only:
the success verdict of the trusted simulation worker, never anything the
program says about itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Failure reasons that say the simulation worker (not the program) broke: such an
# episode says nothing about the candidate, so it is run again once.
INFRA_FAILURES = ("the simulation worker", "the simulation did not return")
RETRIES = 1


class SearchError(Exception):
    """The search cannot start or go on (bad task, backend unavailable); one line."""


@dataclass
class Job:
    """One episode to run: a candidate's program on one seed, with that scene's ``ARGS``."""

    candidate: str
    source: str
    task: str                    # a family name or the path of a task file
    seed: int
    args: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EpisodeResult:
    """How one episode went. ``crashed``: the worker broke on every try (counted as a failure, marked)."""

    candidate: str
    seed: int
    outcome: str
    seconds: float
    run_id: str = ""
    headline: str = ""
    retried: int = 0
    crashed: bool = False
    trace: dict[str, Any] | None = None   # failures only: what the coder breeds from

    @property
    def success(self) -> bool:
        return self.outcome == "succeeded"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EpisodeResult":
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass
class Fitness:
    """Success rate on the debug seeds; mean episode seconds breaks ties (faster is fitter)."""

    successes: int = 0
    episodes: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.successes / self.episodes if self.episodes else 0.0

    def key(self) -> tuple[float, float]:
        """Sort key, larger is fitter."""
        return (self.rate, -self.seconds)

    def __str__(self) -> str:
        return f"{self.successes}/{self.episodes}"

    @classmethod
    def of(cls, results: list[EpisodeResult]) -> "Fitness":
        if not results:
            return cls()
        return cls(sum(r.success for r in results), len(results),
                   round(sum(r.seconds for r in results) / len(results), 3))


def program_id(source: str) -> str:
    """A candidate's id: the hash of its source, so the same program is never scored twice."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def seed_args(task: str, seeds: list[int]) -> dict[int, dict[str, Any]]:
    """Each seed's ``ARGS`` (what its instruction says), computed once in the coordinator."""
    from aspire_tui.runner.program_args import slot_args
    from sim.episode import make_episode
    from sim.world import World

    world = World()
    try:
        out = {}
        for seed in seeds:
            episode = make_episode(task, seed, world=world)
            out[seed] = slot_args(episode)
        return out
    finally:
        world.close()


def is_infra_failure(outcome: str, reason: str) -> bool:
    """Did the simulation worker break (crash, hang) rather than the program fail?"""
    return outcome in ("error", "timeout") and any(marker in reason for marker in INFRA_FAILURES)


def run_episode(job: Job, *, skills_dir: Path, runs_dir: Path, pool, timeout: float = 60.0) -> EpisodeResult:
    """Run ``job`` in the sandbox and judge it; a worker crash or hang is run again once.

    Args:
        skills_dir: the library snapshot's ``skills/`` the program may import.
        runs_dir: where traces go.
        pool: a `WorkerPool` (its broken workers are replaced by the pool itself).
        timeout: the program's wall-clock limit, in seconds.
    """
    from aspire_tui.runner import RunnerError, run_program
    from aspire_tui.runner.program_args import with_args

    try:
        source = with_args(job.source, job.args) if job.args else job.source
    except (ValueError, KeyError, SyntaxError) as e:
        # a program that cannot take this scene's ARGS is not general: a failure of the program
        return EpisodeResult(job.candidate, job.seed, "rejected", 0.0, headline=f"cannot fill ARGS: {e}"[:200])
    retried = 0
    while True:
        try:
            # a child identical to a program already run on this scene (offline mutations often are) is recalled
            trace = run_program(source, job.task, job.seed, timeout=timeout, skills_dir=skills_dir,
                                runs_dir=runs_dir, keyframes=False, pool=pool, recall=True)
        except RunnerError as e:  # no worker could be started for this episode
            trace, reason = None, str(e)
        else:
            reason = trace.failure_reason
        infra = trace is None or is_infra_failure(trace.outcome, reason)
        if not infra or retried >= RETRIES:
            break
        retried += 1
    if trace is None:
        return EpisodeResult(job.candidate, job.seed, "error", 0.0, headline=reason[:200], retried=retried,
                             crashed=True)
    result = EpisodeResult(job.candidate, job.seed, trace.outcome, round(trace.duration, 3), trace.run_id,
                           trace.headline()[:200], retried, crashed=infra)
    if not result.success:
        result.trace = blind(trace.to_dict())
    return result


def blind(trace: dict[str, Any]) -> dict[str, Any]:
    """A failing trace as the coder may see it: the success check's verdicts and predicate names removed.

    Fitness uses the worker's verdict; breeding reads only calls, errors and evidence.
    """
    return {k: v for k, v in trace.items() if k not in ("checks", "path")}
