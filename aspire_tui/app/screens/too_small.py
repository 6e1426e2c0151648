"""Shown instead of any screen while the terminal is smaller than the app can lay out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 60, 16


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen):
    """Pops itself when the terminal is big enough again (the app watches resizes)."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: auto; max-width: 100%; padding: 0 1; text-align: center; }
    """

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size_text = _message(width, height)

    def compose(self) -> ComposeResult:
        yield Static(self.size_text)

    def show_size(self, width: int, height: int) -> None:
        self.size_text = _message(width, height)
        self.query_one(Static).update(self.size_text)


def _message(width: int, height: int) -> str:
    return (f"aspire needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {width}x{height}.\n"
            "Make the window bigger to go on (Ctrl+C twice quits).")
