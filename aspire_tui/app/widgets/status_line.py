"""Model, scene and seed, library path and git HEAD, iteration."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class StatusLine(Static):
    """Set the reactive attributes; the line redraws itself."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    model: reactive[str] = reactive("offline")
    scene: reactive[str] = reactive("pick_place_bowl")
    seed: reactive[str] = reactive("auto")
    library: reactive[str] = reactive("")
    head: reactive[str] = reactive("")
    iteration: reactive[int] = reactive(0)
    state: reactive[str] = reactive("ready")

    def render(self) -> Text:
        it = f"  iteration {self.iteration}" if self.iteration else ""
        head = f"@{self.head[:8]}" if self.head else ""
        library = self.library if len(self.library) <= 40 else "…" + self.library[-39:]
        return Text.from_markup(
            f"[b]{escape(self.state)}[/]  model [b]{escape(self.model)}[/]  scene [b]{escape(self.scene)}[/] "
            f"seed [b]{escape(self.seed)}[/]{it}  library {escape(library)}{head}")
