"""The live camera frame, drawn with half-block characters (or real pixels); newest frame only, no backlog."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from aspire_tui.app.frames import half_block_lines


class FramePane(Widget):
    """Set ``frame`` (a `FrameReady`) as often as you like; only the newest one is drawn.

    Setting it asks for a refresh, and Textual folds every refresh asked for before
    its next screen update into one, so frames that arrive faster than the screen
    updates are dropped, never queued. The half-block cells are computed while
    painting, once per frame that reaches the screen. Where the terminal draws
    images (``app.pixels``, see `aspire_tui.app.pixels`), a textual-image child
    shows the frame's real pixels instead.
    """

    DEFAULT_CSS = """
    FramePane { height: 16; border: round $primary-darken-2; border-title-color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._frame = None
        self._drawn: tuple[Any, int, int] | None = None   # (frame, cols, rows) that _lines shows
        self._lines: list[list[Segment]] = []
        self._pixels = None        # the textual-image child, when the terminal draws images
        self.frames_painted = 0    # frames that reached the screen (bench/tui.py counts these)

    @property
    def frame(self) -> Any:
        """The newest frame (a `FrameReady`), or None."""
        return self._frame

    @frame.setter
    def frame(self, value: Any) -> None:
        self._frame = value
        if value is None:
            self.border_title = "camera"
        else:
            self.border_title = f"camera  {'live' if value.live else 'keyframe'}  call #{value.step}"
        if self._pixels is not None:
            from PIL import Image

            self._pixels.image = None if value is None else Image.frombytes("RGB", (value.width, value.height),
                                                                             value.rgb)
            if value is not None:
                self.frames_painted += 1
        self.refresh()

    def on_mount(self) -> None:
        self.border_title = "camera"
        protocol = getattr(self.app, "pixels", None)
        if protocol:
            from aspire_tui.app.pixels import pixel_widget

            self._pixels = pixel_widget(protocol)
            self._pixels.styles.width, self._pixels.styles.height = "100%", "100%"
            self.mount(self._pixels)

    def render_line(self, y: int) -> Strip:
        if self._pixels is not None:
            return Strip.blank(self.size.width, self.rich_style)
        f, cols, rows = self._frame, self.content_size.width, self.content_size.height
        if self._drawn is None or self._drawn[0] is not f or self._drawn[1:] != (cols, rows):
            self._drawn = (f, cols, rows)
            self._lines = half_block_lines(f.rgb, f.width, f.height, cols, rows) if f is not None else []
            if f is not None:
                self.frames_painted += 1
        if y < len(self._lines):
            return Strip(self._lines[y])
        if y == 0 and f is None:
            return Strip([Segment("no frame yet", self.rich_style)])
        return Strip.blank(self.size.width, self.rich_style)
