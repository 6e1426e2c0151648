"""Pilot fixtures: a temp ASPIRE_HOME (seeded on first open) and an app that validates on one seed."""

from __future__ import annotations

import asyncio
import time

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


async def wait_for(pilot, predicate, timeout: float = 120.0) -> None:
    """Let the app run until ``predicate()`` holds (raises on timeout)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.1)
        await asyncio.sleep(0)


async def submit(pilot, text: str) -> None:
    from aspire_tui.app.widgets.prompt_input import PromptInput

    pilot.app.main.query_one(PromptInput).value = text
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def anyio_backend():
    """Pilot tests run on asyncio through anyio's pytest plugin (anyio comes with httpx, via llm)."""
    return "asyncio"
