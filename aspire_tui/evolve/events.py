"""Events the search emits: the CLI draws progress bars from them, or prints them as JSON lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aspire_tui.agent.events import Event


@dataclass
class SearchStarted(Event):
    task: str
    instruction: str
    population: int
    generations: int
    debug_seeds: list[int]
    selection_seeds: list[int]
    backend: str
    workers: int
    resumed_at: int | None = None     # the generation a resumed search picks up at


@dataclass
class GenerationStarted(Event):
    generation: int
    candidates: int
    episodes: int                     # episodes still to run in this generation


@dataclass
class EpisodeFinished(Event):
    phase: str                        # debug | selection
    candidate: str
    seed: int
    outcome: str
    seconds: float
    retried: int = 0
    crashed: bool = False


@dataclass
class GenerationFinished(Event):
    generation: int
    best: str
    best_fitness: str
    best_rate: float
    mean_rate: float
    best_ever: str
    best_ever_rate: float


@dataclass
class SelectionStarted(Event):
    finalists: list[str]
    episodes: int


@dataclass
class SearchFinished(Event):
    task: str
    winner: str
    debug: str
    selection: str
    generations: int
    episodes: int
    crashes: int
    seconds: float
    message: str
    skill: dict[str, Any] | None = field(default=None)


@dataclass
class Note(Event):
    message: str
