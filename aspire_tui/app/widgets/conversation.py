"""The conversation log: task, programs, checks, outcomes, diagnoses, repairs, notes."""

from __future__ import annotations

from collections import deque

from textual.strip import Strip
from textual.widgets import RichLog

# the scrollback the log keeps, as a terminal's does: a task writes about 55 screen lines, so this is the last
# thirty-five or so tasks; an unbounded log held every line's styled segments for the whole session (about
# 0.3 MB a task, `bench/soak.py`), and even a bare stored line costs 3-4 KB. The session file keeps
# everything, and `aspire -c` shows it again.
MAX_LINES = 2000
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

    def _render_line(self, y: int, scroll_x: int, width: int) -> Strip:
        # RichLog crops the stored line itself, and Strip caches that crop (and each strip later derived from it
        # for the screen) on the line, so every line that was ever on screen kept about five strips for the
        # session: 8 KB a screen line, measured, most of what the app grew by per task. Cropping a copy leaves
        # the derived strips only in RichLog's own bounded line cache (the key is RichLog's; an override of its
        # private method, so tests/app/test_long_session.py checks the lines stay bare).
        key = (y + self._start_line, scroll_x, width, self._widest_line_width)
        if y >= len(self.lines) or key in self._line_cache:
            return super()._render_line(y, scroll_x, width)
        stored = self.lines[y]
        line = Strip(stored, stored.cell_length).crop_extend(scroll_x, scroll_x + width, self.rich_style)
        self._line_cache[key] = line
        return line

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
