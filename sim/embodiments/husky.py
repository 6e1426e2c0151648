"""A Husky mobile base from pybullet_data, driven kinematically.

The base turns in place, then drives straight, in short increments; before
each increment it checks the swept pose for contacts, so a blocked path stops
the robot in front of the obstacle with evidence of what blocked it.
"""

from __future__ import annotations

import math

import numpy as np
from sim.bullet import p, quiet

from sim.embodiments.base import Embodiment, register_embodiment
from sim.errors import NavigationError
from sim.world import Body, Camera, World

STEP_M = 0.03            # metres per drive increment
TURN_RAD = 0.12          # radians per turn increment
DRIVE_SPEED = 0.6        # m/s, for simulated time
BOUNDS = 3.8             # the floor is ±4 m
CLEARANCE = 0.02         # metres kept from obstacles


@register_embodiment("husky")
class Husky(Embodiment):
    """Clearpath Husky: a differential-drive base with a forward camera."""

    kind = "mobile"

    def __init__(self, world: World) -> None:
        super().__init__(world)
        self.z = 0.0
        self.overview = Camera(eye=(-1.0, -6.0, 5.5), target=(0.3, 0.0, 0.0), fov=55, far=20.0)

    def load(self, position=(0.0, 0.0, 0.0), yaw: float = 0.0) -> None:
        self.z = 0.14
        with quiet():  # the Husky URDF lacks inertials and pybullet says so on stdout
            self.uid = self.p.loadURDF("husky/husky.urdf", [position[0], position[1], self.z],
                                       p.getQuaternionFromEuler([0, 0, yaw]))
        for link in range(-1, self.p.getNumJoints(self.uid)):
            self.p.changeDynamics(self.uid, link, mass=0)
        self.world.add(Body(name="husky", uid=self.uid, kind="robot", movable=False))

    # -- cameras -----------------------------------------------------------
    def _onboard(self, yaw_offset: float) -> Camera:
        pos, yaw = self.base_pose()
        a = yaw + yaw_offset
        eye = (pos[0] + 0.2 * math.cos(a), pos[1] + 0.2 * math.sin(a), 1.6)
        target = (pos[0] + 3.0 * math.cos(a), pos[1] + 3.0 * math.sin(a), 0.0)
        return Camera(eye=eye, target=target, width=240, height=180, fov=90, far=9.0)

    def perception_cameras(self) -> list[Camera]:
        return [self._onboard(k * math.pi / 2) for k in range(4)]

    def view_camera(self) -> Camera:
        return self.overview

    # -- state -------------------------------------------------------------
    def base_pose(self) -> tuple[np.ndarray, float]:
        pos, orn = self.p.getBasePositionAndOrientation(self.uid)
        return np.asarray([pos[0], pos[1], 0.0]), float(p.getEulerFromQuaternion(orn)[2])

    def state(self) -> dict:
        pos, yaw = self.base_pose()
        return {"base": [round(float(pos[0]), 4), round(float(pos[1]), 4), round(yaw, 4)], "held": None}

    # -- motion ------------------------------------------------------------
    def _blocked(self) -> tuple[str, list[float]] | None:
        self.p.performCollisionDetection()
        for other in self.world.bodies.values():
            if other.uid == self.uid or other.kind in ("floor", "marker", "zone"):
                continue
            pts = self.p.getClosestPoints(self.uid, other.uid, CLEARANCE)
            if pts:
                return other.name, [round(float(v), 3) for v in pts[0][6]]
        return None

    def _place(self, x: float, y: float, yaw: float) -> None:
        self.p.resetBasePositionAndOrientation(self.uid, [x, y, self.z], p.getQuaternionFromEuler([0, 0, yaw]))

    def navigate_to(self, x: float, y: float) -> tuple[np.ndarray, float]:
        """Turn towards (x, y), then drive there; raises NavigationError when blocked."""
        goal = np.array([x, y, 0.0])
        if abs(x) > BOUNDS or abs(y) > BOUNDS:
            raise NavigationError(f"goal ({x:.2f}, {y:.2f}) is off the floor (±{BOUNDS} m)",
                                  goal=[x, y], reached=self.state()["base"], blocked_by="boundary")
        pos, yaw = self.base_pose()
        heading = math.atan2(y - pos[1], x - pos[0])
        self.last_path = [[round(float(pos[0]), 3), round(float(pos[1]), 3)]]
        turn = (heading - yaw + math.pi) % (2 * math.pi) - math.pi
        for k in range(1, int(abs(turn) / TURN_RAD) + 2):
            a = yaw + turn * min(1.0, k * TURN_RAD / max(abs(turn), 1e-9))
            self._place(pos[0], pos[1], a)
            self.world.step(4)
            if (hit := self._blocked()) is not None:
                self._place(pos[0], pos[1], yaw)
                raise NavigationError(f"turning in place hit {hit[0]}", goal=[x, y], reached=self.state()["base"],
                                      blocked_by=hit[0], point=hit[1])
            if k * TURN_RAD >= abs(turn):
                break
        distance = float(np.linalg.norm(goal[:2] - pos[:2]))
        steps = max(int(math.ceil(distance / STEP_M)), 1)
        sim_steps = max(int(STEP_M / DRIVE_SPEED * 240), 1)
        last = pos
        for i in range(1, steps + 1):
            here = pos + (goal - pos) * (i / steps)
            self._place(here[0], here[1], heading)
            self.world.step(sim_steps)
            if (hit := self._blocked()) is not None:
                self._place(last[0], last[1], heading)
                raise NavigationError(
                    f"path to ({x:.2f}, {y:.2f}) blocked by {hit[0]} after {np.linalg.norm(last[:2] - pos[:2]):.2f} m",
                    goal=[round(x, 3), round(y, 3)], reached=self.state()["base"], blocked_by=hit[0], point=hit[1])
            last = here
            if i % 10 == 0:
                self.last_path.append([round(float(here[0]), 3), round(float(here[1]), 3)])
        self.last_path.append([round(x, 3), round(y, 3)])
        return self.base_pose()
