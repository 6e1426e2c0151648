"""RGB frames: decode a keyframe PNG, and draw a frame with half-block characters."""

from __future__ import annotations

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
    px = im.load()
    lines = []
    for y in range(0, h, 2):
        segs = []
        for x in range(w):
            top, bottom = px[x, y], px[x, min(y + 1, h - 1)]
            segs.append(Segment("▀", Style(color=Color.from_rgb(*top), bgcolor=Color.from_rgb(*bottom))))
        lines.append(segs)
    return lines
