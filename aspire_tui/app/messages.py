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
    """A decoded RGB frame (row-major, 3 bytes a pixel) from a call's keyframe."""

    rgb: bytes
    width: int
    height: int
    step: int


@dataclass
class TraceLoaded(Message):
    """A finished run's full trace (args, results, evidence for every call)."""

    trace: Any
    iteration: int


@dataclass
class Note(Message):
    """A line (or rich renderable) for the conversation log; ``severity`` "error" also notifies."""

    renderable: Any
    severity: str = "information"


@dataclass
class LoopDone(Message):
    """The loop's worker ended (``interrupted`` when Esc stopped it)."""

    interrupted: bool = False


@dataclass
class LibraryInfo(Message):
    """The library was opened: its path and git HEAD (or the error that stopped it)."""

    path: str
    head: str = ""
    error: str = ""
