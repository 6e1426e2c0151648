"""aspire's simulation: pybullet worlds, embodiments, tasks and the robot API.

A standalone package: it knows nothing of skills, agents or the terminal app.
Heavy modules load on first use, so `sim.errors` and `sim.types` stay cheap to
import (the sandboxed program process imports only those).
"""

from __future__ import annotations

from typing import Any

__all__ = ["make_episode", "World", "Episode", "to_jsonable"]


def __getattr__(name: str) -> Any:
    if name in ("make_episode", "Episode"):
        from sim import episode
        return getattr(episode, name)
    if name == "World":
        from sim.world import World
        return World
    raise AttributeError(name)


def to_jsonable(value: Any) -> Any:
    """Robot call results as plain JSON data (Detections, Poses, arrays, tuples)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float):
        return round(value, 6)
    return value
