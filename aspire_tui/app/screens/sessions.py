"""``aspire --resume``: pick a saved conversation to continue; Esc starts a new one."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from aspire_tui.app.session import Session


class SessionsScreen(ModalScreen["Session | None"]):
    """Dismisses with the chosen `Session`, or None (Esc: a new conversation)."""

    DEFAULT_CSS = """
    SessionsScreen { align: center middle; }
    SessionsScreen > Vertical { width: 90%; max-width: 110; height: 80%; border: thick $accent;
                                background: $surface; padding: 0 1; }
    SessionsScreen OptionList { height: 1fr; border: none; }
    SessionsScreen .help { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "new", "new conversation")]

    def __init__(self, sessions: list[Session]) -> None:
        super().__init__()
        self.sessions = sessions

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text.from_markup("[bold]resume a conversation[/]"))
            options = []
            for s in self.sessions:
                info = s.info()
                when = f"{s.id[:4]}-{s.id[4:6]}-{s.id[6:8]} {s.id[9:11]}:{s.id[11:13]}"
                options.append(Option(Text.from_markup(
                    f"{when}  [bold]{escape(info.title[:60])}[/]  [dim]{info.tasks} tasks, {info.entries} entries[/]"),
                    id=s.id))
            yield OptionList(*options)
            yield Label("Up/Down choose, Enter resumes, Esc starts a new conversation", classes="help")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sessions[event.option_index])

    def action_new(self) -> None:
        self.dismiss(None)
