"""Showing a saved conversation again (``aspire -c``, ``--resume``): a `SessionRestore` the main screen holds.

It replays the session's entries through the screen's own handlers (the same ones the live loop's events go
through), so a restored screen is drawn by the code that drew it the first time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text

from aspire_tui.app.frames import load_png
from aspire_tui.app.messages import AgentEvent, FrameReady, Note, TraceLoaded
from aspire_tui.app.widgets.trace_table import TraceTable


class SessionRestore:
    """Restores a saved session onto the screen that holds it."""

    def __init__(self, screen) -> None:
        self.screen = screen

    def restore(self, session) -> None:
        """Show a saved conversation as it was (log, program, last task's trace and frame, scene) and
        continue it: what happens next is added to the same session."""
        screen = self.screen
        screen.app.session = session
        screen.clear_all()
        runs: list[tuple[str, int]] = []      # the last task's runs, for its trace rows and keyframes
        tasks = 0
        table = None                          # the conversation's table as the last turn left it
        for entry in session.entries():
            kind = entry["kind"]
            if kind == "conversation":
                table = entry.get("conversation")
            elif kind == "task":
                tasks += 1
                for key, value in (entry.get("settings") or {}).items():
                    if key in ("model", "scene", "seed"):
                        setattr(screen.settings, key, value)
                screen.settings_changed()  # then the task's own events show the scene it ran on
                screen.query_one(TraceTable).reset()
                runs = []
                screen.say(Text(f"> {entry.get('text', '')}", style="bold cyan"))
            elif kind == "event" and isinstance(entry.get("event"), dict):
                d = entry["event"]
                screen.on_agent_event(AgentEvent(SavedEvent(d)))
                if d.get("event") == "run_finished" and d.get("trace_path"):
                    runs.append((d["trace_path"], d.get("iteration", 1)))
            elif kind == "note":
                style = {"error": "bold red", "warning": "yellow"}.get(entry.get("severity", ""), "")
                screen.say(Text(str(entry.get("text", "")), style=style))
        screen.table.restore(table)
        screen.say(Text(f"resumed conversation {session.id} ({tasks} tasks); new tasks continue it"
                        + (" on its table (/world shows it)" if table and table.get("world") else ""), style="dim"))
        if runs:
            screen.run_worker(lambda: self.load_runs(runs), thread=True, exit_on_error=False, group="library")

    def load_runs(self, runs: list[tuple[str, int]]) -> None:
        """In a worker thread: load a restored task's traces into the table, and its last keyframe into the
        camera (posted as messages, the only call on the screen that is thread-safe)."""
        from aspire_tui.runner.trace import Trace

        post = self.screen.post_message
        last = None
        for path, iteration in runs:
            try:
                trace = Trace.load(path)
            except (OSError, ValueError, KeyError) as e:
                post(Note(f"run {Path(path).parent.name} is gone: {e}", "warning"))
                continue
            post(TraceLoaded(trace, max(1, int(iteration))))
            last = trace
        keyframes = [r for r in (last.records if last else []) if r.keyframe]
        if keyframes and last.run_dir:
            frame = load_png(Path(last.run_dir) / keyframes[-1].keyframe)
            if frame:
                post(FrameReady(*frame, step=keyframes[-1].index, seed=last.seed))


class SavedEvent:
    """A loop event read back from a session file: it only needs ``to_dict`` to be shown again."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return self.data
