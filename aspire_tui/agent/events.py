"""Typed events the loop emits (DESIGN.md, "The loop"): the CLI prints them, the TUI renders them.

Every event is a small dataclass; ``to_dict()`` gives one JSON line with its
``event`` name first. The loop calls ``emit(event)`` for each one, in order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable


@dataclass
class Event:
    """Base class: ``to_dict()`` is ``{"event": "task_started", ...fields}``."""

    @classmethod
    def event_name(cls) -> str:
        return _snake(cls.__name__)

    def to_dict(self) -> dict[str, Any]:
        data = {"event": self.event_name()}
        for f in fields(self):
            data[f.name] = _plain(getattr(self, f.name))
        return data


@dataclass
class TaskStarted(Event):
    instruction: str
    scene: str
    seed: int
    coder: str
    goal: dict[str, Any] = field(default_factory=dict)
    library: str = ""


@dataclass
class Understood(Event):
    """What the words were read as, before anything runs: the goal and the task file it runs on."""

    goal: dict[str, Any]
    line: str
    task_file: str = ""     # the task file's text (made from the words, drafted by a model, or the one given)


def goal_line(goal: dict[str, Any]) -> str:
    """What was understood, in one line: ``goal: in(blue block, yellow bowl) · scene: block=blue block, ...``."""
    tree = goal.get("tree") or {}
    slots = ", ".join(f"{k}={', '.join(v) if isinstance(v, list) else v}" for k, v in goal.get("slots", {}).items())
    if not tree:
        return f"{goal['family']}: {slots}" if goal.get("family") else ""
    line = f"goal: {tree.get('goal')}"
    if tree.get("start"):
        line += f" · start: {', '.join(tree['start'])}"
    line += f" · scene: {slots}" if slots else ""
    if goal.get("variant_of"):
        line += f" · like {goal['variant_of']}"
    # how the words were read where they were not taken as said: "read 'blokc' as 'block'", "set aside 'hmm'"
    mended = [n for n in tree.get("notes") or [] if str(n).startswith(("read ", "set aside "))]
    return line + (f" · {'; '.join(mended)}" if mended else "")


@dataclass
class SkillsRetrieved(Event):
    skills: list[str]
    lessons: list[str] = field(default_factory=list)


@dataclass
class ProgramWritten(Event):
    iteration: int
    program: str
    origin: str = "write"  # write | repair


@dataclass
class CheckResult(Event):
    iteration: int
    ok: bool
    violations: list[str] = field(default_factory=list)


@dataclass
class CallRecorded(Event):
    iteration: int
    seed: int
    index: int
    call: str
    status: str
    signature: str = ""
    error: dict[str, Any] | None = None
    keyframe: str = ""   # relative to the run's folder, runs_dir/<run_id>/
    where: str = ""      # "program.py:12" or "skills/pick.py:30"
    run_id: str = ""


@dataclass
class Frame(Event):
    """A live camera frame while the robot moves (only when the loop is asked for frames)."""

    run_id: str
    seed: int
    call: int
    width: int
    height: int
    rgb: bytes = field(repr=False)  # row-major RGB, 3 bytes a pixel

    def to_dict(self) -> dict[str, Any]:
        """The frame's facts without its pixels (a JSON line stays one short line)."""
        return {"event": self.event_name(), "run_id": self.run_id, "seed": self.seed, "call": self.call,
                "width": self.width, "height": self.height, "bytes": len(self.rgb)}


@dataclass
class RunFinished(Event):
    iteration: int
    seed: int
    outcome: str
    headline: str
    run_id: str = ""
    trace_path: str = ""


@dataclass
class Diagnosis(Event):
    iteration: int
    error_type: str
    call: str
    summary: str
    actions: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class RepairDiff(Event):
    iteration: int
    diff: str
    actions: list[str] = field(default_factory=list)


@dataclass
class ValidationResult(Event):
    seeds: list[int]
    successes: int
    runs: int
    failures: list[str] = field(default_factory=list)
    recalled: int = 0  # of the runs, verdicts recalled from identical earlier runs (`runner.recall`)

    @property
    def passed(self) -> bool:
        return self.runs > 0 and self.successes == self.runs


def recalled_note(recalled: int) -> str:
    """What a validation line adds when some of its verdicts were recalled ("" when none were)."""
    return f" ({recalled} recalled: the same program ran on these scenes before)" if recalled else ""


@dataclass
class SkillCommitted(Event):
    name: str
    change: str
    sha: str
    path: str = ""
    message: str = ""


@dataclass
class Usage(Event):
    model: str
    prompts: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    failures: int = 0
    cost: float | None = None  # dollars, when the model's prices were given (``--prices``)


@dataclass
class TaskFinished(Event):
    success: bool
    iterations: int
    message: str
    program: str = ""
    validated: str = ""
    skill: str = ""
    seconds: float = 0.0


@dataclass
class Resolved(Event):
    """How a turn of a conversation was read against its world: the instruction it runs as, and what each
    reference ("it", "the same with ...", "put it back") was taken to mean."""

    said: str
    instruction: str
    notes: list[str] = field(default_factory=list)
    once: bool = False       # "just do it": run once on the world, not kept as a skill


@dataclass
class WorldChanged(Event):
    """The conversation's world moved on: a task ran on it, it was undone, reset or loaded."""

    reason: str              # task | undo | reset | loaded | start
    turn: int
    moved: list[str] = field(default_factory=list)   # objects whose place changed
    summary: str = ""
    world: dict[str, Any] = field(default_factory=dict)  # the whole world (`sim.worldstate.WorldState`)


@dataclass
class QuestionAnswered(Event):
    """A question about the world, answered from what the camera sees: nothing moved, nothing committed."""

    question: str
    answer: str
    facts: dict[str, Any] = field(default_factory=dict)
    run_id: str = ""         # the look (one ``scan`` in the sandbox) the answer came from


Emit = Callable[[Event], None]


def ignore(event: Event) -> None:
    """An ``emit`` that drops every event."""


def _snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _plain(value: Any) -> Any:
    if isinstance(value, Event):
        return value.to_dict()
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
