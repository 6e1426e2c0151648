"""Fixtures for the search: a temp library and git identity, and a local backend of real simulation workers."""

from __future__ import annotations

import pytest

from ..isolation import isolate_env


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A temp ASPIRE_HOME and global git config for every test."""
    isolate_env(tmp_path, monkeypatch)
    return tmp_path


@pytest.fixture
def lib(tmp_path):
    """A fresh library seeded from skills_repo/."""
    from aspire_tui.skills.library import Library

    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


@pytest.fixture
def backend(lib):
    """Two local simulation workers writing traces into the library's runs/."""
    from aspire_tui.search.local import LocalBackend

    be = LocalBackend(2, runs_dir=lib.runs_dir, timeout=30)
    yield be
    be.close()
