"""RGB frames: decode a keyframe PNG, and draw a frame with half-block characters."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rich.color import Color
from rich.segment import Segment
from rich.style import Style


def load_png(path: str | Path) -> tuple[bytes, int, int] | None:
    """(rgb bytes, width, height) of an image file, or None when it cannot be read (yet)."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            im = im.convert("RGB")
            return im.tobytes(), im.width, im.height
    except (OSError, ValueError):
        return None


def half_block_lines(rgb: bytes, width: int, height: int, cols: int, rows: int) -> list[list[Segment]]:
    """The frame scaled to ``cols`` x ``rows`` cells: each cell is "▀", top pixel as fg, bottom as bg."""
    from PIL import Image

    if cols <= 0 or rows <= 0 or width <= 0 or height <= 0:
        return []
    # keep the aspect ratio: a cell is one pixel wide and two tall
    scale = min(cols / width, (rows * 2) / height)
    w, h = max(1, int(width * scale)), max(2, int(height * scale) // 2 * 2)
    im = Image.frombytes("RGB", (width, height), rgb).resize((w, h), Image.BILINEAR)
    data = im.tobytes()
    row = 3 * w
    lines = []
    for y in range(0, h, 2):
        top, bottom = data[y * row:(y + 1) * row], data[(y + 1) * row:(y + 2) * row]
        lines.append([Segment("▀", _cell_style(top[i:i + 3], bottom[i:i + 3])) for i in range(0, row, 3)])
    return lines


@lru_cache(maxsize=8192)
def _cell_style(top: bytes, bottom: bytes) -> Style:
    """One cell's colours; cached because a scene's table, floor and sky repeat the same few."""
    return Style(color=Color.from_rgb(*top), bgcolor=Color.from_rgb(*bottom))
