"""The search's state: candidates, their episode results, generations, the best ever seen.

Everything lives in one JSON file under the library's ``runs/evolve/`` and is
rewritten (atomically) after every episode, so an interrupted search resumes
where it stopped and never scores an episode twice.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aspire_tui.evolve.evaluate import EpisodeResult, Fitness

STATE_VERSION = 1


@dataclass
class Candidate:
    """One program variant, where it came from, and how it did on each seed."""

    id: str
    source: str
    generation: int
    origin: str                                  # "write", "elite" or what the coder changed
    parents: list[str] = field(default_factory=list)
    debug: dict[str, dict[str, Any]] = field(default_factory=dict)      # seed -> EpisodeResult dict
    selection: dict[str, dict[str, Any]] = field(default_factory=dict)  # seed -> EpisodeResult dict
    failure: dict[str, Any] | None = None        # the first failing trace (what breeding reads)

    def record(self, result: EpisodeResult, phase: str) -> None:
        """Keep a result (``phase``: debug or selection); the first failing trace is kept for breeding."""
        data = result.to_dict()
        trace = data.pop("trace", None)
        getattr(self, phase)[str(result.seed)] = data
        if trace is not None and self.failure is None and phase == "debug":
            self.failure = trace

    def fitness(self, phase: str = "debug") -> Fitness:
        return Fitness.of([EpisodeResult.from_dict(d) for d in getattr(self, phase).values()])

    def missing(self, seeds: list[int], phase: str = "debug") -> list[int]:
        done = getattr(self, phase)
        return [s for s in seeds if str(s) not in done]


@dataclass
class Generation:
    """What one generation came to."""

    index: int
    members: list[str]
    best: str
    best_rate: float
    mean_rate: float
    best_ever: str
    best_ever_rate: float


@dataclass
class SearchState:
    """A whole search; ``status`` is running (resumable) or done."""

    key: str
    task: str
    instruction: str
    population: int
    generations: int
    debug_seeds: list[int]
    selection_seeds: list[int]
    coder: str
    target: float = 1.0
    backend: str = "local"
    status: str = "running"
    generation: int = 0                          # the generation being evaluated
    current: list[str] = field(default_factory=list)
    candidates: dict[str, Candidate] = field(default_factory=dict)
    history: list[Generation] = field(default_factory=list)
    best: str = ""                               # best ever seen on the debug seeds
    winner: str = ""
    episodes: int = 0
    crashes: int = 0
    seconds: float = 0.0
    outcome: dict[str, Any] = field(default_factory=dict)
    version: int = STATE_VERSION

    def ranked(self, ids: list[str] | None = None) -> list[Candidate]:
        """Candidates (all evaluated ones, or ``ids``), fittest first; earlier generations win exact ties."""
        pool = [self.candidates[i] for i in (ids if ids is not None else self.candidates)]
        pool = [c for c in pool if c.debug]
        return sorted(pool, key=lambda c: (c.fitness().key(), -c.generation), reverse=True)

    def update_best(self) -> Candidate | None:
        """The best ever seen; it changes only to a strictly fitter candidate, so it is never lost."""
        current = self.candidates.get(self.best)
        for c in self.ranked():
            if current is None or c.fitness().key() > current.fitness().key():
                current = c
        if current is not None:
            self.best = current.id
        return current

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(asdict(self), indent=1))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "SearchState | None":
        """The saved state, or None when there is none or it is unreadable (a fresh search starts)."""
        try:
            data = json.loads(Path(path).read_text())
        except (OSError, ValueError):
            return None
        if data.get("version") != STATE_VERSION:
            return None
        data["candidates"] = {k: Candidate(**v) for k, v in data.get("candidates", {}).items()}
        data["history"] = [Generation(**g) for g in data.get("history", [])]
        return cls(**data)
