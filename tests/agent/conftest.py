"""Fixtures for the agent: a temp library (ASPIRE_HOME in tmp), isolated git config, a scripted llm model."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

import llm
import pytest

from ..fake_models import registered
from ..isolation import isolated, lib  # noqa: F401 - fixtures these tests use


@pytest.fixture
def events():
    """A list that collects the loop's events, and the ``emit`` that fills it."""
    got: list = []
    return got, got.append


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


class ScriptedModel(llm.Model):
    """A fake chat model: ``reply(prompt_text) -> str`` decides each answer; every prompt is kept."""

    model_id = "scripted"
    can_stream = False

    def __init__(self) -> None:
        self.prompts: list[str] = []
        self.attachments: list[list] = []
        self.reply: Callable[[str], str] = lambda text: "no idea"

    def execute(self, prompt, stream, response, conversation=None):
        self.prompts.append(prompt.prompt)
        self.attachments.append(list(prompt.attachments or []))
        text = self.reply(prompt.prompt)
        response.set_usage(input=len(prompt.prompt.split()), output=len(text.split()))
        yield text


@pytest.fixture
def fake_model():
    """The scripted model, registered as an llm plugin for the test (llm's tests/conftest.py)."""
    model = ScriptedModel()

    with registered(model, "aspire-scripted"):
        yield model
