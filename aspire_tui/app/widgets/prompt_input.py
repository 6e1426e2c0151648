"""The input at the bottom: up/down walk the history."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from aspire_tui.app.history import History


class PromptInput(Input):
    """An `Input` with shell-like history (set ``history`` from the parent)."""

    BINDINGS = [Binding("up", "history_previous", show=False), Binding("down", "history_next", show=False)]

    def __init__(self, history: History | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history = history or History(None)

    def action_history_previous(self) -> None:
        entry = self.history.previous()
        if entry is not None:
            self.value = entry
            self.cursor_position = len(entry)

    def action_history_next(self) -> None:
        self.value = self.history.next()
        self.cursor_position = len(self.value)
