"""The interface every embodiment implements, and the registry."""

from __future__ import annotations

from typing import Callable

import numpy as np

from sim.bullet import BulletClient
from sim.errors import UnsupportedCall
from sim.world import Camera, World

EMBODIMENTS: dict[str, type["Embodiment"]] = {}


def register_embodiment(name: str) -> Callable[[type["Embodiment"]], type["Embodiment"]]:
    def register(cls: type[Embodiment]) -> type[Embodiment]:
        cls.name = name
        EMBODIMENTS[name] = cls
        return cls
    return register


def get_embodiment(name: str) -> type["Embodiment"]:
    try:
        return EMBODIMENTS[name]
    except KeyError:
        raise ValueError(f"unknown embodiment {name!r}; known: {', '.join(sorted(EMBODIMENTS))}") from None


class Embodiment:
    """A robot in a world. Calls it cannot do raise `UnsupportedCall`."""

    name = "base"
    kind = "arm"  # "arm" or "mobile"

    def __init__(self, world: World) -> None:
        self.world = world
        self.uid = -1
        self.held: str | None = None
        self.last_path: list[list[float]] = []

    @property
    def p(self) -> BulletClient:
        """The world's pybullet client."""
        return self.world.p

    def load(self, position=(0.0, 0.0, 0.0), yaw: float = 0.0) -> None:
        raise NotImplementedError

    # Cameras: what `detect` looks through, and the overview shown to people.
    def perception_cameras(self) -> list[Camera]:
        raise NotImplementedError

    def view_camera(self) -> Camera:
        raise NotImplementedError

    def _unsupported(self, call: str):
        raise UnsupportedCall(f"{self.name} cannot {call}", embodiment=self.name, call=call)

    # Arm calls
    def move_to(self, target, rpy, speed, allow_contact) -> tuple[np.ndarray, np.ndarray]:
        self._unsupported("move_to")

    def grasp(self, force: float) -> bool:
        self._unsupported("grasp")

    def release(self) -> bool:
        self._unsupported("release")

    def home(self) -> None:
        self._unsupported("home")

    def joint_angles(self) -> list[float]:
        self._unsupported("get_joint_angles")

    def ee_pose(self) -> tuple[np.ndarray, np.ndarray]:
        self._unsupported("get_ee_pose")

    def gripper_width(self) -> float:
        self._unsupported("gripper_width")

    def restore(self, joints, gripper: float | None = None, held: str | None = None) -> None:
        """Set the arm as a saved world left it (joint angles, finger gap, the body it holds)."""
        self._unsupported("restore")

    # Mobile calls
    def navigate_to(self, x: float, y: float) -> tuple[np.ndarray, float]:
        self._unsupported("navigate_to")

    def base_pose(self) -> tuple[np.ndarray, float]:
        self._unsupported("get_base_pose")

    def state(self) -> dict:
        """Plain data for traces: end effector, gripper, held object."""
        return {"held": self.held}
