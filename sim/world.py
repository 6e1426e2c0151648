"""A pybullet world: one physics client, its bodies, stepping and cameras.

A `World` owns a `BulletClient` (`world.p`), which adds its client id to
every pybullet call, so several worlds can live in one process. A world is
reused across episodes: `reset()` clears it without reconnecting, which is
what keeps a warm simulation worker cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from sim.bullet import BulletClient, p, pybullet_data, quiet

TIME_STEP = 1.0 / 240.0
# Contact solver passes a step (pybullet's default is 50): every family's reference program succeeds
# the same on 20, and a step costs a sixth less (bench/results/speed/overlapped_validation/whatif.json)
SOLVER_ITERATIONS = 20


@dataclass
class Body:
    """What the world knows about one named body (ground truth, never shown to programs)."""

    name: str
    uid: int
    kind: str
    color: str = ""
    size: tuple[float, float, float] = (0.0, 0.0, 0.0)
    movable: bool = True
    slot: str = ""  # the task's id for it ("block", "bowl"), empty for scenery
    tags: dict = field(default_factory=dict)


@dataclass
class Camera:
    """A pinhole camera; `jitter` moves the real eye without telling perception."""

    eye: tuple[float, float, float]
    target: tuple[float, float, float]
    width: int = 320
    height: int = 240
    fov: float = 60.0
    near: float = 0.05
    far: float = 6.0
    jitter: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def view(self, jittered: bool = True) -> list[float]:
        eye = np.add(self.eye, self.jitter) if jittered else np.asarray(self.eye)
        up = (0, 0, 1) if abs(eye[0] - self.target[0]) + abs(eye[1] - self.target[1]) > 1e-6 else (1, 0, 0)
        return p.computeViewMatrix(list(eye), list(self.target), up)

    def projection(self, width: int | None = None, height: int | None = None) -> list[float]:
        w, h = width or self.width, height or self.height
        return p.computeProjectionMatrixFOV(self.fov, w / h, self.near, self.far)


class World:
    """One physics client and the named bodies in it."""

    def __init__(self, gui: bool = False) -> None:
        self.gui = gui
        with quiet():  # connecting prints "argv[0]=" on fd 1
            self.p = BulletClient(p.GUI if gui else p.DIRECT)
        if not self.p.isConnected():
            raise RuntimeError("could not open a pybullet window; is there a display?")
        self._scratch: BulletClient | None = None
        self._scratch_bodies: dict[tuple, int] = {}  # (urdf, position, orientation) -> body there
        self.bodies: dict[str, Body] = {}
        self.t_sim = 0.0
        self.step_listeners: list[Callable[["World"], None]] = []
        self.reset()

    # -- lifecycle ---------------------------------------------------------
    def reset(self) -> None:
        """Empty the world (no reconnect): gravity, time step, search path."""
        self.p.resetSimulation()
        self.p.setAdditionalSearchPath(pybullet_data.getDataPath())
        self.p.setGravity(0, 0, -9.81)
        self.p.setTimeStep(TIME_STEP)
        self.p.setPhysicsEngineParameter(deterministicOverlappingPairs=1, numSolverIterations=SOLVER_ITERATIONS)
        self.bodies.clear()
        self.step_listeners.clear()
        self.t_sim = 0.0

    def close(self) -> None:
        """Disconnect the clients (a second close does nothing)."""
        for client in (self.p, self._scratch):
            if client is not None and client.isConnected():
                client.disconnect()

    def scratch(self) -> BulletClient:
        """A second client, never stepped, for copies of bodies that need kinematics but no physics.

        The arm's inverse kinematics runs on a ghost arm: inside the stepped world that ghost was
        simulated too, half of what every step cost.
        """
        if self._scratch is None:
            with quiet():
                self._scratch = BulletClient(p.DIRECT)
        return self._scratch

    def scratch_body(self, urdf: str, position, orientation) -> int:
        """A fixed-base body in the scratch client, loaded once per pose and kept across episodes."""
        key = (urdf, tuple(position), tuple(orientation))
        if key not in self._scratch_bodies:
            self._scratch_bodies[key] = self.scratch().loadURDF(urdf, list(position), list(orientation),
                                                                useFixedBase=True)
        return self._scratch_bodies[key]

    # -- bodies ------------------------------------------------------------
    def add(self, body: Body) -> Body:
        """Register a body under a unique name (a second "red_block" becomes "red_block_2")."""
        name, n = body.name, 2
        while name in self.bodies:
            name, n = f"{body.name}_{n}", n + 1
        body.name = name
        self.bodies[name] = body
        return body

    def by_uid(self, uid: int) -> Body | None:
        for body in self.bodies.values():
            if body.uid == uid:
                return body
        return None

    def name_of(self, uid: int) -> str:
        body = self.by_uid(uid)
        return body.name if body else f"body{uid}"

    def pose(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Ground-truth position and quaternion of a body (for success checks only)."""
        pos, orn = self.p.getBasePositionAndOrientation(self.bodies[name].uid)
        return np.asarray(pos), np.asarray(orn)

    def put(self, name: str, position, orientation=(0.0, 0.0, 0.0, 1.0)) -> None:
        """Set a body down at a pose by hand, at rest and awake (a sleeping body stays where it is put)."""
        uid = self.bodies[name].uid
        self.p.resetBasePositionAndOrientation(uid, list(position), list(orientation))
        self.p.resetBaseVelocity(uid, [0, 0, 0], [0, 0, 0])
        self.p.changeDynamics(uid, -1, activationState=p.ACTIVATION_STATE_WAKE_UP)

    def aabb(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Ground-truth axis-aligned bounds.

        Bodies tagged `box_from_size` get the exact bounds of their size in their current
        pose ("round": an upright cylinder, whose pybullet box is loose; "box": a box), as
        do bodies with no collision shape (a painted zone), which have none in pybullet.
        """
        body = self.bodies[name]
        lo, hi = self.p.getAABB(body.uid)
        lo, hi = np.asarray(lo), np.asarray(hi)
        shape = body.tags.get("box_from_size") or ("box" if np.allclose(lo, hi) else None)
        if shape and any(body.size):
            pos, orn = self.pose(name)
            rot = np.reshape(p.getMatrixFromQuaternion(orn.tolist()), (3, 3))
            size = np.asarray(body.size, dtype=float)
            if shape == "round":  # a cylinder of radius size[0]/2 along its local z
                axis = rot[:, 2]
                half = size[0] / 2 * np.sqrt(np.clip(1 - axis ** 2, 0, 1)) + size[2] / 2 * np.abs(axis)
            else:
                half = np.abs(rot) @ (size / 2)
            return pos - half, pos + half
        return lo, hi

    def pose_signature(self) -> tuple:
        """Every body's pose and joint positions: equal signatures render the same picture."""
        c = self.p
        out = []
        for i in range(c.getNumBodies()):
            uid = c.getBodyUniqueId(i)
            out.append(c.getBasePositionAndOrientation(uid))
            joints = c.getNumJoints(uid)
            if joints:
                out.append(tuple(s[0] for s in c.getJointStates(uid, range(joints))))
        return tuple(out)

    # -- time --------------------------------------------------------------
    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self.p.stepSimulation()
            self.t_sim += TIME_STEP
            for listener in self.step_listeners:
                listener(self)

    def settle(self, seconds: float = 0.5) -> None:
        self.step(int(seconds / TIME_STEP))

    # -- cameras -----------------------------------------------------------
    def capture(self, camera: Camera, width: int | None = None, height: int | None = None,
                segmentation: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Render RGB (H×W×3 uint8), depth buffer (H×W float) and segmentation ids (H×W int)."""
        w, h = width or camera.width, height or camera.height
        flags = 0 if segmentation else p.ER_NO_SEGMENTATION_MASK
        _, _, rgba, depth, seg = self.p.getCameraImage(
            w, h, camera.view(), camera.projection(w, h), renderer=p.ER_TINY_RENDERER, flags=flags)
        rgb = np.reshape(np.asarray(rgba, dtype=np.uint8), (h, w, 4))[:, :, :3]
        return rgb, np.reshape(np.asarray(depth, dtype=np.float32), (h, w)), np.reshape(np.asarray(seg), (h, w))
