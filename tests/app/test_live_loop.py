"""What the app asks of `run_task`: live `Frame` events while the robot moves, and a ``stop`` that ends
the task at once with nothing committed."""

from __future__ import annotations

import threading
import time

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.agent.coder import coder_for
from aspire_tui.agent.loop import run_task
from aspire_tui.runner import Cancelled
from aspire_tui.skills.library import Library

TASK = "put the red block in the green bowl"


def test_frames_stream_and_stop_ends_the_task_mid_episode(home):
    """The first live frame sets stop: run_task raises Cancelled within a moment, the run never finishes,
    and the library's HEAD has not moved."""
    lib = Library.open(None)
    head = lib.repo.head_sha()
    stop = threading.Event()
    got: list = []
    stopped_at: list[float] = []

    def emit(event) -> None:
        got.append(event)
        if isinstance(event, ev.Frame) and not stop.is_set():
            stopped_at.append(time.monotonic())
            stop.set()

    try:
        with pytest.raises(Cancelled):
            run_task(TASK, coder=coder_for(), library=lib, emit=emit, validate=1, max_iterations=2,
                     stop=stop, frames=True)
        assert time.monotonic() - stopped_at[0] < 2.0
        frame = next(e for e in got if isinstance(e, ev.Frame))
        assert (frame.width, frame.height, len(frame.rgb)) == (160, 120, 160 * 120 * 3)
        assert frame.to_dict()["bytes"] == 160 * 120 * 3 and "rgb" not in frame.to_dict()
        assert not any(isinstance(e, (ev.RunFinished, ev.SkillCommitted, ev.TaskFinished)) for e in got)
        assert lib.repo.head_sha() == head
    finally:
        lib.close()


def test_without_stop_or_frames_no_frame_is_emitted(home):
    """The CLI's `aspire run` path: no frames are rendered or emitted unless asked for."""
    lib = Library.open(None)
    got: list = []
    try:
        run_task(TASK, coder=coder_for(), library=lib, emit=got.append, validate=0, max_iterations=1)
    finally:
        lib.close()
    assert any(isinstance(e, ev.RunFinished) for e in got)
    assert not any(isinstance(e, ev.Frame) for e in got)
