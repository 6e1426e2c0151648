"""The conversation log: task, programs, checks, outcomes, diagnoses, repairs, notes."""

from __future__ import annotations

from collections import deque

from textual.widgets import RichLog

# the scrollback the log keeps, as a terminal's does: a task writes about 45 screen lines, so this is the last
# hundred or so tasks; an unbounded log held every line's styled segments for the whole session (about 0.3 MB
# a task, `bench/soak.py`). The session file keeps everything, and `aspire -c` shows it again.
MAX_LINES = 5000
MAX_ENTRIES = 1000   # plain-text entries (one per `say`, several screen lines each)


class Conversation(RichLog):
    """A `RichLog` that also keeps plain text of what it showed (for tests and copying); both keep only the
    newest `MAX_LINES` screen lines / `MAX_ENTRIES` entries."""

    DEFAULT_CSS = """
    Conversation { height: 1fr; border: round $primary-darken-2; border-title-color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_lines", MAX_LINES)
        super().__init__(wrap=True, markup=False, highlight=False, min_width=40, **kwargs)
        self.plain: deque[str] = deque(maxlen=MAX_ENTRIES)

    def on_mount(self) -> None:
        self.border_title = "conversation"

    def say(self, renderable) -> None:
        self.plain.append(plain_text(renderable))
        self.write(renderable)

    def text(self) -> str:
        return "\n".join(self.plain)

    def reset(self) -> None:
        self.clear()
        self.plain.clear()


def plain_text(renderable) -> str:
    """A renderable's text without styles (a Syntax or a Group as the console would print it)."""
    if isinstance(renderable, str):
        return renderable
    plain = getattr(renderable, "plain", None)
    if plain is None:
        from io import StringIO

        from rich.console import Console

        buf = StringIO()
        Console(file=buf, width=100, color_system=None, force_terminal=False).print(renderable)
        plain = buf.getvalue().rstrip()
    return plain
