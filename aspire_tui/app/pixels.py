"""Real pixels for the camera pane (textual-image: sixel or the kitty graphics protocol) where the terminal has them.

textual-image learns what the terminal supports by asking it, which only works
before Textual owns the terminal, costs up to a few tenths of a second when the
terminal never answers, and can swallow a key typed meanwhile. So it is asked
only when ``$ASPIRE_PIXELS`` is 1, or when it is unset and the terminal names
itself as one known to draw images; ``ASPIRE_PIXELS=0`` keeps half-blocks.
"""

from __future__ import annotations

import os
import sys

# terminals that draw sixel or kitty images ($TERM and $TERM_PROGRAM values, lower case)
GRAPHIC_TERMINALS = ("kitty", "wezterm", "konsole", "foot", "mlterm", "contour", "ghostty", "iterm.app", "mintty")


def pixel_protocol() -> str | None:
    """"sixel" or "tgp" when the camera pane can draw real pixels here, else None (half-blocks).

    Call before the app starts: textual-image queries the terminal on import.
    """
    wanted = os.environ.get("ASPIRE_PIXELS", "")
    if wanted == "0" or not (sys.__stdout__ and sys.__stdout__.isatty()):
        return None
    names = f"{os.environ.get('TERM', '')} {os.environ.get('TERM_PROGRAM', '')}".lower()
    if wanted != "1" and not any(name in names for name in GRAPHIC_TERMINALS):
        return None
    try:
        import textual_image.widget  # noqa: F401 - measures the cell size now, while the terminal answers
        from textual_image.renderable import Image, SixelImage, TGPImage
    except Exception:  # noqa: BLE001 - pixels are a nicety; any failure means half-blocks
        return None
    return {SixelImage: "sixel", TGPImage: "tgp"}.get(Image)


def pixel_widget(protocol: str):
    """A textual-image widget that draws with ``protocol`` ("sixel" or "tgp")."""
    from textual_image.widget import SixelImage, TGPImage

    return (SixelImage if protocol == "sixel" else TGPImage)(id="pixels")
