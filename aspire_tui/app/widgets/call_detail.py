"""The selected call: its arguments, result and error evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual.widgets import Static


def _short(value: Any, width: int = 300) -> str:
    text = json.dumps(value, default=str) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 1] + "…"


class CallDetail(Static):
    """Set ``data`` by calling `show`."""

    DEFAULT_CSS = """
    CallDetail { height: auto; max-height: 12; border: round $primary-darken-2; border-title-color: $text-muted;
                 overflow-y: auto; }
    """

    def on_mount(self) -> None:
        self.border_title = "call"
        self.update(Text("select a row of the trace", style="dim"))

    def show(self, d: dict[str, Any], run_dir: str = "") -> None:
        """One call; its keyframe as a link to the file (terminals that open links open the picture)."""
        lines = [f"[bold]#{d['index']} {escape(d.get('call', ''))}[/]  {escape(d.get('status', ''))}"
                 + (f"  [dim]{escape(d['where'])}[/]" if d.get("where") else "")]
        if "args" in d:
            lines.append(f"args: {escape(_short(d.get('args')))}  kwargs: {escape(_short(d.get('kwargs')))}")
            lines.append(f"result: {escape(_short(d.get('result')))}")
        elif d.get("signature"):
            lines.append(escape(d["signature"]))
        err = d.get("error") or {}
        if err:
            lines.append(f"[red]{escape(str(err.get('type')))}: {escape(str(err.get('message')))}[/]")
            if err.get("evidence"):
                lines.append(f"evidence: {escape(_short(err['evidence'], 600))}")
        if d.get("keyframe") and run_dir:
            path = Path(run_dir) / d["keyframe"]
            lines.append(f"[dim]keyframe [link={path.absolute().as_uri()}]{escape(str(path))}[/link] (Enter on the row: large)[/]")
        elif d.get("keyframe"):
            lines.append(f"[dim]keyframe {escape(d['keyframe'])}[/]")
        self.update(Text.from_markup("\n".join(lines)))
