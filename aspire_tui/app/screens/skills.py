"""The skills screen: every skill with kind, success rate and uses; the selected one's code and git log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.markup import escape
from rich.syntax import Syntax
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from aspire_tui.app.render import code_theme


@dataclass
class SkillsLoaded(Message):
    rows: list[dict[str, Any]]
    error: str = ""


@dataclass
class SkillDetail(Message):
    name: str
    source: str
    log: list[Any]
    error: str = ""


class SkillsScreen(Screen):
    """Esc goes back to the conversation."""

    CSS_PATH = "skills.tcss"

    def compose(self) -> ComposeResult:
        with Horizontal(id="skills-body"):
            yield DataTable(id="skills-table", cursor_type="row")
            with Vertical(id="skills-side"):
                with VerticalScroll(id="skills-code"):
                    yield Static("", id="skills-source")
                with VerticalScroll(id="skills-log"):
                    yield Static("", id="skills-history")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.border_title = "skills (Esc: back)"
        table.add_columns("kind", "success", "uses", "name")
        self.load()

    @work(thread=True, exit_on_error=False, group="skills")
    def load(self) -> None:
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.app.settings.library)
            try:
                from aspire_tui.skills.lock import LockTimeout

                try:
                    lib.reindex(embed=False, timeout=3)
                except LockTimeout:
                    pass  # another writer holds it: list the index as it is
                rows = lib.index.all()
            finally:
                lib.close()
        except LibraryError as e:
            self.post_message(SkillsLoaded([], str(e)))
            return
        self.post_message(SkillsLoaded(rows))

    @work(thread=True, exclusive=True, exit_on_error=False, group="skill")
    def load_skill(self, name: str) -> None:
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.app.settings.library)
            try:
                self.post_message(SkillDetail(name, lib.source(name), lib.log(name, limit=30)))
            finally:
                lib.close()
        except LibraryError as e:
            self.post_message(SkillDetail(name, "", [], str(e)))

    def on_skills_loaded(self, m: SkillsLoaded) -> None:
        if m.error:
            self.notify(m.error, severity="error")
            return
        table = self.query_one(DataTable)
        for r in m.rows:
            uses = r.get("uses") or 0
            rate = f"{(r.get('successes') or 0) / uses:.0%}" if uses else "-"
            table.add_row(r["kind"], rate, str(uses), r["name"], key=r["name"])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value:
            self.load_skill(event.row_key.value)

    def on_skill_detail(self, m: SkillDetail) -> None:
        if m.error:
            self.notify(m.error, severity="error")
            return
        lexer = "markdown" if m.source.lstrip().startswith("#") else "python"
        theme = code_theme(self.app.current_theme.dark)
        self.query_one("#skills-source", Static).update(Syntax(m.source, lexer, theme=theme, line_numbers=True))
        self.query_one("#skills-code").border_title = m.name
        lines = [f"[yellow]{c.sha[:8]}[/] {escape(c.date[:16])} [dim]{escape(c.author)}[/] {escape(c.summary)}"
                 for c in m.log]
        self.query_one("#skills-history", Static).update(Text.from_markup("\n".join(lines) or "no commits"))
        self.query_one("#skills-log").border_title = "git log"
