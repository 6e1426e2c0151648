"""Pilot fixtures: a temp ASPIRE_HOME (seeded on first open) and an app that validates on one seed."""

from __future__ import annotations

import llm
import pytest

from ..fake_models import registered

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
        settings.setdefault("warm_up", False)   # its background work would only slow the tests and vary them
        return AspireApp(Settings(**settings), History(tmp_path / "history"))
    return make


@pytest.fixture
def anyio_backend():
    """Pilot tests run on asyncio through anyio's pytest plugin (anyio comes with httpx, via llm)."""
    return "asyncio"


class FailingModel(llm.Model):
    """A remote model that errors on every prompt, as a provider outage does mid-run."""

    model_id = "failing"
    can_stream = False

    def execute(self, prompt, stream, response, conversation=None):
        raise RuntimeError("503 Service Unavailable: the provider is overloaded")


@pytest.fixture
def failing_model():
    """`FailingModel`, registered as an llm plugin for the test (the only fake the project allows)."""
    model = FailingModel()

    with registered(model, "aspire-failing"):
        yield model


@pytest.fixture
def sessions_dir(home):
    """Where saved sessions go, in a library that exists already (as it does once aspire has run)."""
    from aspire_tui.skills.library import Library

    Library.open(None).close()
    return home / ".aspire" / "sessions"
