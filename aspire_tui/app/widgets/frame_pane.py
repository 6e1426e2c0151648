"""The live camera frame, drawn with half-block characters (or real pixels); newest frame only, no backlog."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from aspire_tui.app.frames import Box, crop, half_block_lines, union, view_box, work_area


class FramePane(Widget):
    """Set ``frame`` (a `FrameReady`) as often as you like; only the newest one is drawn.

    Setting it asks for a refresh, and Textual folds every refresh asked for before
    its next screen update into one, so frames that arrive faster than the screen
    updates are dropped, never queued. The half-block cells are computed while
    painting, once per frame that reaches the screen. Where the terminal draws
    images (``app.pixels``, see `aspire_tui.app.pixels`), a textual-image child
    shows the frame's real pixels instead.

    The picture always fills the pane: with ``zoom`` on (the default) it shows the
    work area, the part of the frame that holds the task's objects, grown to the
    pane's shape (a 160-pixel frame across 40 cells leaves a block one cell wide;
    the work area makes it several); with ``zoom`` off, as much of the frame as
    the pane's shape allows. The work area only grows while a task runs (the arm
    carrying a block widens it), so the view does not jump; `reset_view` forgets it.
    """

    DEFAULT_CSS = """
    FramePane { height: 16; border: round $primary-darken-2; border-title-color: $text-muted;
                border-subtitle-color: $text-muted; }
    """

    zoom: reactive[bool] = reactive(True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._frame = None
        self._area: Box | None = None   # where the objects have been, in the frame's pixels
        self._frame_seed: int | None = None   # the scene _area was found in
        self._drawn: tuple[Any, int, int, bool] | None = None   # (frame, cols, rows, zoom) that _lines shows
        self._lines: list[list[Segment]] = []
        self._pixels = None        # the textual-image child, when the terminal draws images
        self.frames_painted = 0    # frames that reached the screen (bench/tui.py counts these)
        self.box: Box | None = None  # the part of the frame drawn last (tests measure the zoom with it)

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
            seed = getattr(value, "seed", None)
            if seed is not None:
                if seed != self._frame_seed:
                    self._area = None   # another scene (a validation seed): its objects are elsewhere
                self._frame_seed = seed
            self._area = union(self._area, work_area(value.rgb, value.width, value.height))
            self.border_title = self.title_of(value)
        if self._pixels is not None:
            self._pixels.image = None if value is None else self._image(value)
            if value is not None:
                self.frames_painted += 1
        self.refresh()

    @staticmethod
    def title_of(frame: Any) -> str:
        """``camera  live  call #9  seed 20``; a run the trace does not list (validation) says so."""
        title = f"camera  {'live' if frame.live else 'keyframe'}  call #{frame.step}"
        seed = getattr(frame, "seed", None)
        if seed is not None:
            title += f"  {'seed' if getattr(frame, 'traced', True) else 'validation seed'} {seed}"
        return title

    def reset_view(self) -> None:
        """Forget the work area (a new task, a new table): the next frame finds it again."""
        self._area = self._frame_seed = None
        self._drawn = None
        self.refresh()

    def watch_zoom(self) -> None:
        self.border_subtitle = "F4 whole frame" if self.zoom else "F4 zoom to the work"
        if self._pixels is not None and self._frame is not None:
            self._pixels.image = self._image(self._frame)
        self.refresh()

    def on_mount(self) -> None:
        self.border_title = "camera"
        protocol = getattr(self.app, "pixels", None)
        if protocol:
            from aspire_tui.app.pixels import pixel_widget

            self._pixels = pixel_widget(protocol)
            self._pixels.styles.width, self._pixels.styles.height = "100%", "100%"
            self.mount(self._pixels)

    def on_resize(self) -> None:
        if self._pixels is not None and self._frame is not None:
            self._pixels.image = self._image(self._frame)   # the box follows the pane's shape

    def _box(self, frame: Any, cols: int, rows: int) -> Box:
        return view_box(frame.width, frame.height, cols, rows, self._area if self.zoom else None)

    def _image(self, frame: Any):
        """The frame's pixels for textual-image, cropped as the half-blocks would be."""
        size = self.content_size
        box = self._box(frame, size.width, size.height) if size.width and size.height else None
        self.box = box
        return crop(frame.rgb, frame.width, frame.height, box)

    def render_line(self, y: int) -> Strip:
        if self._pixels is not None:
            return Strip.blank(self.size.width, self.rich_style)
        f, cols, rows = self._frame, self.content_size.width, self.content_size.height
        if self._drawn is None or self._drawn[0] is not f or self._drawn[1:] != (cols, rows, self.zoom):
            self._drawn = (f, cols, rows, self.zoom)
            self._lines = []
            if f is not None and cols > 0 and rows > 0:
                self.box = self._box(f, cols, rows)
                self._lines = half_block_lines(f.rgb, f.width, f.height, cols, rows, self.box)
                self.frames_painted += 1
        if y < len(self._lines):
            return Strip(self._lines[y])
        if y == 0 and f is None:
            return Strip([Segment("no frame yet", self.rich_style)])
        return Strip.blank(self.size.width, self.rich_style)
