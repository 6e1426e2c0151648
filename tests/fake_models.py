"""Register a fake model for one test through llm's own plugin mechanism (as llm's tests/conftest.py does)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import llm
from llm.plugins import pm


@contextmanager
def registered(model: llm.Model, name: str) -> Iterator[llm.Model]:
    """Make ``model`` reachable by its id through ``llm.get_model`` while the block runs."""

    class Plugin:
        __name__ = name

        @llm.hookimpl
        def register_models(self, register):
            register(model)

    pm.register(Plugin(), name=name)
    try:
        yield model
    finally:
        pm.unregister(name=name)
