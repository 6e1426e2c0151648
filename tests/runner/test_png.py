"""Keyframes are written as PNG without Pillow (`runner.png`): any reader gets back the very pixels."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from aspire_tui.runner.png import png_bytes, write_png


@pytest.mark.parametrize("shape", [(120, 160, 3), (1, 1, 3), (7, 13, 3)])
def test_pixels_read_back_as_written(shape, tmp_path):
    rgb = np.random.default_rng(3).integers(0, 256, size=shape, dtype=np.uint8)
    decoded = np.asarray(Image.open(io.BytesIO(png_bytes(rgb))).convert("RGB"))
    assert decoded.shape == shape and np.array_equal(decoded, rgb)
    write_png(tmp_path / "k.png", rgb)
    assert np.array_equal(np.asarray(Image.open(tmp_path / "k.png")), rgb)


def test_a_frame_that_is_not_rgb_is_refused_in_one_line():
    with pytest.raises(ValueError, match="H×W×3"):
        png_bytes(np.zeros((4, 4), dtype=np.uint8))
