"""Typed errors raised by the robot API, each carrying evidence.

These classes are plain Python (no pybullet) so that the sandboxed program
process can import them and re-raise what the simulation worker reports.
"""

from __future__ import annotations

from typing import Any


class RobotError(Exception):
    """A robot call failed; ``evidence`` says what the world looked like."""

    def __init__(self, message: str, **evidence: Any) -> None:
        super().__init__(message)
        self.message = message
        self.evidence = evidence

    def to_dict(self) -> dict[str, Any]:
        """Plain data for traces and for the pipe to the program process."""
        return {"type": type(self).__name__, "message": self.message, "evidence": self.evidence}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> "RobotError":
        """Rebuild the typed error from ``to_dict`` output (unknown types become RobotError)."""
        cls = ERROR_TYPES.get(str(data.get("type")), RobotError)
        evidence = data.get("evidence") or {}
        return cls(str(data.get("message", "")), **(evidence if isinstance(evidence, dict) else {}))


class ObjectNotFound(RobotError):
    """No object matching the query is visible (evidence: query, last_seen, visible)."""


class IKError(RobotError):
    """The target pose cannot be reached (evidence: target, residual, reach)."""


class CollisionError(RobotError):
    """The motion hit something (evidence: bodies, point, force)."""


class MotionTimeout(RobotError):
    """The motion did not converge in time (evidence: target, reached, distance)."""


class GraspError(RobotError):
    """Nothing ended up between the fingers (evidence: width, contacts, nearest)."""


class NavigationError(RobotError):
    """The base could not reach its goal (evidence: goal, reached, blocked_by)."""


class UnsupportedCall(RobotError):
    """The embodiment cannot do this call (an arm cannot navigate, a base cannot grasp)."""


ERROR_TYPES: dict[str, type[RobotError]] = {
    cls.__name__: cls
    for cls in (RobotError, ObjectNotFound, IKError, CollisionError, MotionTimeout,
                GraspError, NavigationError, UnsupportedCall)
}


class TaskError(ValueError):
    """Base for problems with a task name, seed or task file (said in one line)."""


class UnknownTask(TaskError):
    """No task family has this name."""


class TaskFileError(TaskError):
    """A task file is malformed; the message names the field and the line."""
