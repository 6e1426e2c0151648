"""Pilot fixtures: a temp ASPIRE_HOME (seeded on first open) and an app that validates on one seed."""

from __future__ import annotations

import pytest

from aspire_tui.app.app import AspireApp, Settings
from aspire_tui.app.history import History


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("ASPIRE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ASPIRE_LIBRARY", raising=False)
    return tmp_path / "home"


@pytest.fixture
def make_app(home, tmp_path):
    def make(**settings) -> AspireApp:
        settings.setdefault("validate", 1)
        settings.setdefault("max_iterations", 3)
        return AspireApp(Settings(**settings), History(tmp_path / "history"))
    return make


@pytest.fixture
def anyio_backend():
    """Pilot tests run on asyncio through anyio's pytest plugin (anyio comes with httpx, via llm)."""
    return "asyncio"
