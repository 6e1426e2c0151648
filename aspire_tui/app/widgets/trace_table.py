"""One row per robot call: status coloured, the failing call highlighted; a selection posts `CallSelected`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

FAIL_STYLE = "bold white on dark_red"


class TraceTable(DataTable):
    """Rows keyed ``"<iteration>:<seed>:<index>"``; each key maps to the call's data (a dict)."""

    # no horizontal scrollbar: at small sizes it covered the newest (often the failing) row, and the call
    # pane shows every column of the selected row anyway
    DEFAULT_CSS = """
    TraceTable { height: 1fr; border: round $primary-darken-2; border-title-color: $text-muted; overflow-x: hidden; }
    """

    @dataclass
    class CallSelected(Message):
        """A row was highlighted: its call's data (CallRecorded dict, then the full record once loaded)."""

        data: dict[str, Any]
        run_dir: str

    @dataclass
    class CallOpened(Message):
        """Enter (or a click) on a row: show that call's keyframe large."""

        data: dict[str, Any]
        run_dir: str

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.calls: dict[str, dict[str, Any]] = {}
        self.run_dirs: dict[str, str] = {}     # "<iteration>:<seed>" -> run folder
        self.failed_keys: list[str] = []

    def on_mount(self) -> None:
        self.border_title = "trace"
        self.add_columns("it", "#", "status", "call", "where")

    def reset(self) -> None:
        self.clear()
        self.calls.clear()
        self.run_dirs.clear()
        self.failed_keys.clear()

    def add_call(self, d: dict[str, Any]) -> None:
        """Add a row for a `CallRecorded` dict (or a trace record with ``iteration``/``seed`` added)."""
        key = f"{d.get('iteration', 0)}:{d.get('seed', 0)}:{d['index']}"
        if key in self.calls:
            self.calls[key].update(d)
            return
        self.calls[key] = dict(d)
        failed = d.get("status") != "ok"
        style = FAIL_STYLE if failed else ""
        status = Text(d.get("status", ""), style=FAIL_STYLE if failed else "green")
        sig = d.get("signature") or d.get("call", "")
        self.add_row(Text(str(d.get("iteration", "")), style=style), Text(str(d["index"]), style=style), status,
                     Text(sig[:48], style=style), Text(d.get("where", ""), style=style), key=key)
        if failed:
            self.failed_keys.append(key)
            self.move_cursor(row=self.row_count - 1)   # the failing call is where the eye goes
        elif not self.failed_keys:
            self.move_cursor(row=self.row_count - 1)

    def attach_trace(self, trace: Any, iteration: int) -> None:
        """Merge a loaded trace's full records (args, result, evidence) into the rows of its run."""
        self.run_dirs[f"{iteration}:{trace.seed}"] = str(trace.run_dir or "")
        for r in trace.records:
            d = r.to_dict()
            d.update(iteration=iteration, seed=trace.seed, signature=r.signature(70))
            self.add_call(d)

    def run_dir_of(self, key: str) -> str:
        """The run folder of a row's call: from its loaded trace, or from the ``run_id`` its event named."""
        it, seed, _ = key.split(":")
        return self.run_dirs.get(f"{it}:{seed}", "") or self.calls.get(key, {}).get("run_dir", "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None
        if key in self.calls:
            self.post_message(self.CallSelected(self.calls[key], self.run_dir_of(key)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value if event.row_key is not None else None
        if key in self.calls:
            self.post_message(self.CallOpened(self.calls[key], self.run_dir_of(key)))
