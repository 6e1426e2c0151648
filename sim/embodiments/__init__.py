"""Embodiments: one file each, registered by name.

Adding a robot is a new module here that subclasses `Embodiment` and is
decorated with `@register_embodiment("name")`; nothing else changes.
"""

from __future__ import annotations

from sim.embodiments.base import EMBODIMENTS, Embodiment, get_embodiment, register_embodiment

# Importing the modules registers them.
from sim.embodiments import husky as _husky  # noqa: E402,F401
from sim.embodiments import panda as _panda  # noqa: E402,F401

__all__ = ["EMBODIMENTS", "Embodiment", "get_embodiment", "register_embodiment"]
