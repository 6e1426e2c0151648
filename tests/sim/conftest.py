"""Shared fixtures of the simulator's tests."""

from __future__ import annotations

import pytest

from sim import World


@pytest.fixture(scope="module")
def world():
    """One pybullet world per test module (each episode resets it)."""
    w = World()
    yield w
    w.close()
