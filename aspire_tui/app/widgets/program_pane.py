"""The program being tried, syntax-highlighted; a repair shows as its diff."""

from __future__ import annotations

from rich.syntax import Syntax
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from aspire_tui.app.render import code_theme


class ProgramPane(VerticalScroll):
    """Call `show_program` or `show_diff`; the pane scrolls."""

    DEFAULT_CSS = """
    ProgramPane { border: round $primary-darken-2; border-title-color: $text-muted; }
    ProgramPane > Static { width: auto; }
    """

    showing: str = ""   # "program" or "diff"
    text: str = ""      # what the pane shows, as plain text

    def compose(self):
        yield Static("", id="program-text")

    def on_mount(self) -> None:
        self.border_title = "program"

    def show_program(self, source: str, title: str = "program") -> None:
        self.border_title, self.showing, self.text = title, "program", source
        self.query_one("#program-text", Static).update(
            Syntax(source, "python", theme=code_theme(self.app.current_theme.dark), line_numbers=True,
                   word_wrap=False))
        self.scroll_home(animate=False)

    def show_none(self, why: str) -> None:
        """No program to show (a new task, a refused one): say so rather than keep the last one."""
        self.border_title, self.showing, self.text = "program", "", ""
        self.query_one("#program-text", Static).update(Text(why, style="dim"))
        self.scroll_home(animate=False)

    def show_diff(self, diff: str, title: str = "repair") -> None:
        self.border_title, self.showing, self.text = title, "diff", diff
        self.query_one("#program-text", Static).update(
            Syntax(diff or "(no change)", "diff", theme=code_theme(self.app.current_theme.dark), word_wrap=False))
        self.scroll_home(animate=False)
