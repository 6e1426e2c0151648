"""``/replay RUN``: a past run's trace, stepped call by call with its keyframes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from aspire_tui.app.frames import load_png
from aspire_tui.app.messages import FrameReady
from aspire_tui.app.widgets.call_detail import CallDetail
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.program_pane import ProgramPane
from aspire_tui.app.widgets.trace_table import TraceTable


class ReplayScreen(Screen):
    """One trace: its calls on the left, the selected call's keyframe and evidence on the right."""

    CSS_PATH = "replay.tcss"
    # priority: the trace table has focus and would take left/right/home/end for its own cursor
    BINDINGS = [
        Binding("right,j,n", "step(1)", "next call", priority=True),
        Binding("left,k,p", "step(-1)", "previous call", priority=True),
        Binding("home", "jump('first')", "first", priority=True),
        Binding("end", "jump('last')", "last", priority=True),
        Binding("f", "jump('failure')", "failing call", priority=True),
    ]

    def __init__(self, trace: Any) -> None:
        super().__init__()
        self.trace = trace

    def compose(self) -> ComposeResult:
        t = self.trace
        color = "green" if t.outcome == "succeeded" else "red"
        yield Static(Text.from_markup(f"[bold]replay[/] {escape(t.run_id)}  [{color}]{escape(t.headline())}[/]"),
                     id="replay-head")
        with Horizontal(id="replay-body"):
            with Vertical(id="replay-left"):
                yield TraceTable()
                yield ProgramPane()
            with Vertical(id="replay-side"):
                yield FramePane()
                yield CallDetail()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(TraceTable)
        table.attach_trace(self.trace, 1)
        table.border_title = f"trace  {len(self.trace.records)} calls"
        self.query_one(ProgramPane).show_program(self.trace.program, f"program  {self.trace.run_id}")
        table.focus()
        if not table.failed_keys:
            table.move_cursor(row=0)   # a run with no failed call starts at its first call (else: at the failure)

    def on_trace_table_call_selected(self, m: TraceTable.CallSelected) -> None:
        self.query_one(CallDetail).show(m.data)
        if m.run_dir and m.data.get("keyframe"):
            frame = load_png(Path(m.run_dir) / m.data["keyframe"])
            if frame:
                self.query_one(FramePane).frame = FrameReady(*frame, step=m.data["index"])

    def action_step(self, delta: int) -> None:
        table = self.query_one(TraceTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def action_jump(self, where: str) -> None:
        table = self.query_one(TraceTable)
        if not table.row_count:
            return
        if where == "failure":
            if self.trace.failure_index is None and not table.failed_keys:
                self.notify("this run has no failing call")
                return
            index = self.trace.failure_index
            row = index if index is not None and index < table.row_count else \
                table.get_row_index(table.failed_keys[-1])
        else:
            row = 0 if where == "first" else table.row_count - 1
        table.move_cursor(row=row)
