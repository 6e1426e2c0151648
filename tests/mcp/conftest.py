"""Fixtures for the MCP server's tests: a temp home and git identity, and a ready library per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..isolation import isolate_env, isolated  # noqa: F401 - the autouse fixture these tests use


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Path:
    """A seeded library whose index holds every embedding: made once, here, where the embedder is warm.

    A fresh library's first search embeds every seed skill, which takes the server process most of
    a test's time; a copy of this one has nothing left to embed.
    """
    from aspire_tui.skills.library import Library

    folder = tmp_path_factory.mktemp("mcp-seed")
    with pytest.MonkeyPatch.context() as mp:
        isolate_env(folder, mp)
        lib = Library.open(folder / "lib")
        lib.reindex()
        lib.close()
    return folder / "lib"


@pytest.fixture
def library(indexed, tmp_path) -> Path:
    """This test's own copy of the indexed library."""
    return Path(shutil.copytree(indexed, tmp_path / "lib", symlinks=True))
