"""Fixtures for runner tests: one warm worker pool for the session, real processes, real sim."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from aspire_tui.runner import WorkerPool, run_program

from .runner_helpers import SECRET


@pytest.fixture(scope="session")
def pool():
    """One warm simulation worker shared by the runner tests (replaced when a test kills it)."""
    os.environ["ASPIRE_TEST_SECRET"] = SECRET  # the caller's environment must not reach programs
    with WorkerPool(1) as p:
        p.warm()
        yield p


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    return tmp_path / "runs"


@pytest.fixture
def run(pool, runs_dir):
    """Run a program (dedented) in the sandbox; the static check is off unless asked for."""

    def _run(source: str, *, check: bool = False, timeout: float = 10, task: str = "pick_place_bowl",
             seed: int = 0, skills_dir: Path | None = None, keyframes: bool = False, **kw):
        return run_program(textwrap.dedent(source), task, seed, pool=pool, runs_dir=runs_dir, check=check,
                           timeout=timeout, keyframes=keyframes, skills_dir=skills_dir, **kw)

    return _run
