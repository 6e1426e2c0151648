"""The robot API that programs call.

Every public method here is one call in DESIGN.md's table; `ROBOT_CALLS`
lists them for the sandbox proxy. Arguments are checked here because they
arrive from untrusted programs; results are plain data (see `sim.types`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.embodiments.base import Embodiment
from sim.errors import ObjectNotFound
from sim.perception import Perception, matches
from sim.types import Detection, Pose

ROBOT_CALLS = (
    "see", "detect", "get_object_pose", "move_to", "grasp", "release", "home",
    "get_joint_angles", "get_ee_pose", "gripper_width",
    "navigate_to", "get_base_pose", "scan", "workspace",
)


def _number(name: str, value: Any, lo: float = -1e3, hi: float = 1e3) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value) or not lo <= value <= hi:
        raise ValueError(f"{name} must be a finite number in [{lo}, {hi}], got {value}")
    return value


def _query(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise TypeError("query must be a non-empty phrase such as 'red block'")
    return value


class Robot:
    """What a program holds: perception through the camera, motion through the embodiment."""

    def __init__(self, embodiment: Embodiment, perception: Perception,
                 work_area: dict[str, tuple[float, float]] | None = None) -> None:
        self._body = embodiment
        self._eyes = perception
        self._work_area = dict(work_area or {})
        self.last_overlay: dict[str, Any] = {}

    # -- perception --------------------------------------------------------
    def see(self) -> np.ndarray:
        """The current RGB camera frame (H×W×3 uint8)."""
        self.last_overlay = {}
        cam = self._body.perception_cameras()[0]
        rgb, _, _ = self._body.world.capture(cam, segmentation=False)
        return rgb

    def detect(self, query: str) -> list[Detection]:
        """Objects matching a phrase ("red block"), nearest-first by confidence, or the one object an object's
        own name names ("red_block_2": not the other red blocks); raises ObjectNotFound."""
        query = _query(query)
        seen = self._eyes.look(self._body.perception_cameras())
        bodies = self._body.world.bodies
        named = query.strip().lower() if query.strip().lower() in bodies else None

        def fits(name: str) -> bool:
            return name == named if named else matches(bodies[name], query)

        hits = [d for d in seen if fits(d.name)]
        self.last_overlay = {"detections": [d.to_dict() for d in seen], "query": query}
        if not hits:
            last = {n: pos for n, pos in self._eyes.last_seen.items() if fits(n)}
            raise ObjectNotFound(f"nothing matching {query!r} is visible",
                                 query=query, visible=[d.name for d in seen], last_seen=last)
        return sorted(hits, key=lambda d: -d.confidence)

    def scan(self) -> list[Detection]:
        """Everything visible from here (all of the robot's cameras)."""
        seen = self._eyes.look(self._body.perception_cameras())
        self.last_overlay = {"detections": [d.to_dict() for d in seen]}
        return seen

    def get_object_pose(self, name: str) -> Pose:
        """Estimated pose of a named object, from a fresh look; raises ObjectNotFound."""
        det = self.detect(name)[0]
        return Pose(position=det.position)

    # -- arm ---------------------------------------------------------------
    def move_to(self, x, y, z, roll=0.0, pitch=0.0, yaw=0.0, speed=0.3, allow_contact=None) -> Pose:
        """Move the gripper (pointing down at roll=pitch=yaw=0) in a straight line."""
        target = [_number("x", x, -3, 3), _number("y", y, -3, 3), _number("z", z, -1, 3)]
        rpy = (_number("roll", roll, -7, 7), _number("pitch", pitch, -7, 7), _number("yaw", yaw, -7, 7))
        allow = _names(allow_contact)
        pos, orn = self._body.move_to(target, rpy, _number("speed", speed, 0.001, 10), allow)
        self.last_overlay = {"path": self._body.last_path, "target": target}
        return _pose(pos, orn)

    def grasp(self, force=40.0) -> bool:
        """Close the gripper; True when an object is held, GraspError otherwise."""
        self.last_overlay = {}
        return self._body.grasp(_number("force", force, 0, 1000))

    def release(self) -> bool:
        """Open the gripper and let go."""
        self.last_overlay = {}
        return self._body.release()

    def home(self) -> None:
        """Return the arm to its home pose (out of the camera's way)."""
        self.last_overlay = {}
        self._body.home()

    def get_joint_angles(self) -> list[float]:
        return [round(q, 5) for q in self._body.joint_angles()]

    def get_ee_pose(self) -> Pose:
        return _pose(*self._body.ee_pose())

    def gripper_width(self) -> float:
        return round(self._body.gripper_width(), 5)

    # -- mobile base -------------------------------------------------------
    def navigate_to(self, x, y) -> Pose:
        """Drive the base to (x, y); raises NavigationError when the way is blocked."""
        pos, yaw = self._body.navigate_to(_number("x", x, -10, 10), _number("y", y, -10, 10))
        self.last_overlay = {"path": self._body.last_path}
        return Pose(position=tuple(round(float(v), 4) for v in pos), orientation=(0.0, 0.0, round(yaw, 4)))

    def get_base_pose(self) -> Pose:
        pos, yaw = self._body.base_pose()
        return Pose(position=tuple(round(float(v), 4) for v in pos), orientation=(0.0, 0.0, round(yaw, 4)))

    def workspace(self) -> dict[str, list[float]]:
        """The table area this robot is set up to work in: ``{"x": [lo, hi], "y": [lo, hi], "z": table top}``.

        The work cell's configuration, as a real arm's setup records it (front is +x, away from the
        robot; left is +y). It says nothing about any object: positions still come from the camera.
        """
        self.last_overlay = {}
        area = {axis: [round(float(v), 4) for v in self._work_area.get(axis, (0.0, 0.0))] for axis in ("x", "y")}
        return {**area, "z": 0.0}


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value) and len(value) < 50:
        return tuple(value)
    raise TypeError("allow_contact must be a name or a list of names")


def _pose(pos, orn) -> Pose:
    from sim.bullet import p
    roll, pitch, yaw = p.getEulerFromQuaternion(list(orn))
    return Pose(position=tuple(round(float(v), 4) for v in pos),
                orientation=(round(roll, 4), round(pitch, 4), round(yaw, 4)))
