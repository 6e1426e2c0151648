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


# The share of the frame's width and height a zoomed view keeps at least: closer, and a lone block would
# fill the pane with no table around it to say where it is.
MIN_ZOOM_SHARE = 0.4
# How far the view reaches past the objects, as a share of the objects' extent (and at least this many pixels).
ZOOM_MARGIN, ZOOM_MARGIN_PX = 0.2, 4

Box = tuple[float, float, float, float]   # x0, y0, x1, y1 in the frame's pixels


def work_area(rgb: bytes, width: int, height: int) -> Box | None:
    """Where the objects are in a frame: the bounding box of its strongly coloured (or black) pixels.

    The table (a pale brown), the floor, the sky and the arm (greys and whites) are weakly coloured, so what
    stands out is the blocks, bowls, zones and markers a task is about. None when nothing stands out.
    """
    import numpy as np

    if width <= 0 or height <= 0 or len(rgb) < width * height * 3:
        return None
    a = np.frombuffer(rgb, dtype=np.uint8, count=width * height * 3).reshape(height, width, 3).astype(np.int16)
    hi, lo = a.max(axis=2), a.min(axis=2)
    saturation = (hi - lo) / np.maximum(hi, 1)
    mask = ((saturation > 0.5) & (hi > 40)) | (hi < 35)
    ys, xs = np.nonzero(mask)
    if len(xs) < 4:   # a speck is noise, not an object
        return None
    return float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)


def union(a: Box | None, b: Box | None) -> Box | None:
    """The smallest box holding both (either may be None)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def view_box(width: int, height: int, cols: int, rows: int, area: Box | None = None) -> Box:
    """The part of a ``width`` x ``height`` frame that fills a ``cols`` x ``rows`` pane of half-block cells.

    The box has the pane's shape (a cell is one pixel wide and two tall), so the picture fills the pane
    with no bands. With an ``area`` (`work_area`), the box is the smallest such shape around it plus a
    margin, and at least `MIN_ZOOM_SHARE` of the frame's width or of its height (the camera zooms to
    the work, not to a single block); without
    one, the largest that fits (the whole width or height of the frame, centred).
    """
    aspect = cols / max(1, 2 * rows)                    # the pane's width over height, in pixels
    full_w, full_h = (width, width / aspect) if width / height <= aspect else (height * aspect, height)
    if area is None:
        cx, cy, w, h = width / 2, height / 2, full_w, full_h
    else:
        x0, y0, x1, y1 = area
        mx = max(ZOOM_MARGIN * (x1 - x0), ZOOM_MARGIN_PX)
        my = max(ZOOM_MARGIN * (y1 - y0), ZOOM_MARGIN_PX)
        w, h = x1 - x0 + 2 * mx, y1 - y0 + 2 * my
        w, h = max(w, h * aspect), max(h, w / aspect)   # grow to the pane's shape
        grow = max(1.0, min(MIN_ZOOM_SHARE * width / w, MIN_ZOOM_SHARE * height / h))
        w, h = min(w * grow, full_w), min(h * grow, full_h)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x0 = min(max(cx - w / 2, 0.0), width - w)          # slide it inside the frame rather than shrink it
    y0 = min(max(cy - h / 2, 0.0), height - h)
    return x0, y0, x0 + w, y0 + h


def crop(rgb: bytes, width: int, height: int, box: Box | None):
    """The frame as a PIL image, cropped to ``box`` when given."""
    from PIL import Image

    im = Image.frombytes("RGB", (width, height), rgb)
    return im if box is None else im.crop(tuple(round(v) for v in box))


def half_block_lines(rgb: bytes, width: int, height: int, cols: int, rows: int,
                     box: Box | None = None) -> list[list[Segment]]:
    """The frame scaled to ``cols`` x ``rows`` cells: each cell is "▀", top pixel as fg, bottom as bg.

    Args:
        box: the part of the frame to draw (`view_box`); it is stretched to fill every cell. Without one,
            the whole frame keeps its aspect ratio and may leave cells empty.
    """
    from PIL import Image

    if cols <= 0 or rows <= 0 or width <= 0 or height <= 0:
        return []
    if box is not None:
        im = crop(rgb, width, height, box)
        w, h = cols, rows * 2
    else:
        # keep the aspect ratio: a cell is one pixel wide and two tall
        scale = min(cols / width, (rows * 2) / height)
        w, h = max(1, int(width * scale)), max(2, int(height * scale) // 2 * 2)
        im = Image.frombytes("RGB", (width, height), rgb)
    im = im.resize((w, h), Image.BILINEAR)
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
