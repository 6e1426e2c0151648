"""The conversation log: task, programs, checks, outcomes, diagnoses, repairs, notes."""

from __future__ import annotations

from textual.widgets import RichLog


class Conversation(RichLog):
    """A `RichLog` that also keeps plain text of what it showed (for tests and copying)."""

    DEFAULT_CSS = """
    Conversation { height: 1fr; border: round $primary-darken-2; border-title-color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, min_width=40, **kwargs)
        self.plain: list[str] = []

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
