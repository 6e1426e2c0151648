"""Fixtures for the search: a temp library and git identity, and a local backend of real simulation workers."""

from __future__ import annotations

import pytest

from ..isolation import isolated, lib  # noqa: F401 - fixtures these tests use


@pytest.fixture
def backend(lib):
    """Two local simulation workers writing traces into the library's runs/."""
    from aspire_tui.evolve.local import LocalBackend

    be = LocalBackend(2, runs_dir=lib.runs_dir, timeout=30)
    yield be
    be.close()
