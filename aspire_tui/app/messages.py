"""Small dataclass messages: the loop's worker posts them up, screens handle them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class AgentEvent(Message):
    """One event from the loop (`aspire_tui.agent.events`), posted from the worker thread."""

    event: Any


@dataclass
class FrameReady(Message):
    """A decoded RGB frame (row-major, 3 bytes a pixel): live while the robot moves, else a call's keyframe."""

    rgb: bytes
    width: int
    height: int
    step: int
    live: bool = False
    seed: int | None = None   # the scene the frame is of
    traced: bool = True       # False for a run the trace table does not list (a validation seed)


@dataclass
class FramesWaiting(Message):
    """The loop's worker has a newer live frame; one of these is in flight at a time (no backlog)."""


@dataclass
class TraceLoaded(Message):
    """A finished run's full trace (args, results, evidence for every call)."""

    trace: Any
    iteration: int


@dataclass
class ReplayLoaded(Message):
    """``/replay``: a past run's trace, for the replay screen."""

    trace: Any


@dataclass
class Note(Message):
    """A line (or rich renderable) for the conversation log; ``severity`` "error" also notifies."""

    renderable: Any
    severity: str = "information"
    refresh_library: bool = False  # the job changed the library: show its new HEAD


@dataclass
class Phase(Message):
    """What the loop's worker is doing before its first event (loading the agent, opening the library, ...)."""

    text: str


@dataclass
class LoopDone(Message):
    """The loop's worker ended (``interrupted`` when Esc stopped it)."""

    interrupted: bool = False


@dataclass
class SkillFileFound(Message):
    """``/edit``: the skill's file in the library, ready to open in the editor."""

    name: str
    path: str


@dataclass
class UndoAsked(Message):
    """``/undo SKILL``: the commit a revert would undo, found possible; the screen asks yes or no."""

    name: str
    question: str


@dataclass
class LibraryInfo(Message):
    """The library was opened: its path and git HEAD (or the error that stopped it)."""

    path: str
    head: str = ""
    error: str = ""
    runs_dir: str = ""   # where its runs' traces and keyframes are
