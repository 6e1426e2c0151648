"""Keyframes as PNG files, written with zlib alone.

A worker writes a keyframe after each call of a watched run. Importing Pillow to do so cost each worker's
first such run about 25 ms of CPU, on the path of the first answer to a task; an RGB image needs only the
PNG signature, a header, the rows deflated and an end chunk.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_bytes(rgb: np.ndarray, level: int = 1) -> bytes:
    """An H×W×3 uint8 image as PNG bytes (8-bit RGB, no filter: keyframes favour speed over size)."""
    image = np.ascontiguousarray(rgb, dtype=np.uint8)
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"a keyframe is H×W×3, not {image.shape}")
    height, width = image.shape[:2]
    rows = np.zeros((height, 1 + width * 3), dtype=np.uint8)  # each row starts with its filter type, 0
    rows[:, 1:] = image.reshape(height, width * 3)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), level))
            + _chunk(b"IEND", b""))


def write_png(path: Path, rgb: np.ndarray) -> None:
    """Write ``rgb`` to ``path`` as PNG."""
    Path(path).write_bytes(png_bytes(rgb))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
