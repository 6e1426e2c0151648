"""The live camera frame, drawn with half-block characters; newest frame only, refreshed at 15 fps."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from aspire_tui.app.frames import half_block_lines

FPS = 15


class FramePane(Widget):
    """Set ``frame`` (a `FrameReady`) as often as you like; the pane draws the newest one on its timer."""

    DEFAULT_CSS = """
    FramePane { height: 16; border: round $primary-darken-2; border-title-color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.frame = None          # newest frame (attribute down); older ones are simply replaced
        self._drawn_frame = None
        self._drawn_lines: list[list[Segment]] = []
        self._drawn_size = (0, 0)
        self.frames_drawn = 0      # for bench/tui.py

    def on_mount(self) -> None:
        self.border_title = "camera"
        self.set_interval(1 / FPS, self._tick)

    def _tick(self) -> None:
        if self.frame is not self._drawn_frame or self._drawn_size != (self.content_size.width, self.content_size.height):
            self._redraw()

    def _redraw(self) -> None:
        f = self.frame
        self._drawn_frame = f
        self._drawn_size = (self.content_size.width, self.content_size.height)
        if f is None:
            self._drawn_lines = []
        else:
            self._drawn_lines = half_block_lines(f.rgb, f.width, f.height, *self._drawn_size)
            self.border_title = f"camera  call #{f.step}"
            self.frames_drawn += 1
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if y < len(self._drawn_lines):
            return Strip(self._drawn_lines[y])
        if y == 0 and self.frame is None:
            return Strip([Segment("no frame yet", self.rich_style)])
        return Strip.blank(self.size.width, self.rich_style)
