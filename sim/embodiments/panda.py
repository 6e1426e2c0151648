"""A Franka Panda on a table: IK with limits and a null-space rest pose,
collision-checked straight-line and joint-space motions, a parallel gripper.

Grasping holds an object with a fixed constraint once both fingers touch it:
friction-only grasps in pybullet slip unpredictably, and the point of the
simulation is to fail for reasons a program can see and fix.
"""

from __future__ import annotations

import functools
import math
import os
import tempfile

import numpy as np
from sim.bullet import BulletClient, p, pybullet_data

from sim.embodiments.base import Embodiment, register_embodiment
from sim.errors import CollisionError, GraspError, IKError, MotionTimeout
from sim.world import Camera, World

ARM = list(range(7))
FINGERS = (9, 10)
EE_LINK = 11
HOME = [0.0, -0.5, 0.0, -2.3, 0.0, 1.8, 0.785]
REST = HOME + [0.04, 0.04]
ARM_FORCES = [87.0] * 4 + [12.0] * 3
MAX_WIDTH = 0.08
WAYPOINT_STEPS = 4           # physics steps per IK waypoint (60 Hz control)
REACH_TOL = 0.004            # metres: a motion has arrived
CONTACT_REACH_TOL = 0.01     # metres: the same, while pushing or pulling something it was told to touch
IK_TOL = 0.006               # metres: beyond this residual the pose is unreachable
WAYPOINT_IK = 0.0025         # metres: a path's waypoint is solved once within this (most poses level out at 1-2 mm)
CONTACT_FORCE = 1.0          # newtons: lighter touches are not collisions


@functools.lru_cache(maxsize=None)
def panda_urdf(visual: bool = True) -> str:
    """A Panda URDF that draws the light collision meshes (fast TinyRenderer
    frames), or, for the IK ghost, has no visuals at all."""
    src = os.path.join(pybullet_data.getDataPath(), "franka_panda")
    text = open(os.path.join(src, "panda.urdf")).read()
    text = text.replace("package://meshes/visual/", "package://meshes/collision/")
    if not visual:
        import re
        text = re.sub(r"<visual>.*?</visual>", "", text, flags=re.S)
    text = text.replace("package://", src + "/")
    out = os.path.join(tempfile.gettempdir(), f"aspire-panda-{os.getuid()}-{'v' if visual else 'g'}.urdf")
    tmp = f"{out}.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, out)
    return out


def down_quaternion(roll: float = 0.0, pitch: float = 0.0, yaw: float = 0.0) -> list[float]:
    """Gripper orientation: (0, 0, 0) points straight down with the fingers along y."""
    return list(p.getQuaternionFromEuler([math.pi + roll, pitch, yaw]))


@register_embodiment("panda")
class Panda(Embodiment):
    """Franka Emika Panda, 7 DoF arm with a parallel gripper, base at the table's edge."""

    kind = "arm"

    def __init__(self, world: World) -> None:
        super().__init__(world)
        self._ghost_pose: tuple | None = None  # where the ghost arm stands, once the arm is loaded
        self._ghost = -1
        self.grasp_constraint: int | None = None
        self.camera = Camera(eye=(1.2, 0.0, 0.8), target=(0.45, 0.0, 0.0))
        self.overview = Camera(eye=(1.25, 0.55, 0.75), target=(0.35, 0.0, 0.1))

    # -- loading -----------------------------------------------------------
    def load(self, position=(0.0, 0.0, 0.0), yaw: float = 0.0) -> None:
        orn = p.getQuaternionFromEuler([0, 0, yaw])
        self.uid = self.p.loadURDF(panda_urdf(True), list(position), orn, useFixedBase=True)
        self._ghost_pose, self._ghost = (tuple(position), tuple(orn)), -1
        self.base = np.asarray(position, dtype=float)
        info = [self.p.getJointInfo(self.uid, j) for j in range(9)]
        movable = [j for j in range(self.p.getNumJoints(self.uid))
                   if self.p.getJointInfo(self.uid, j)[2] != p.JOINT_FIXED]
        self.movable = movable
        self.lower = [self.p.getJointInfo(self.uid, j)[8] for j in movable]
        self.upper = [self.p.getJointInfo(self.uid, j)[9] for j in movable]
        self.ranges = [u - lo for lo, u in zip(self.lower, self.upper)]
        del info
        for j, q in zip(ARM, HOME):
            self.p.resetJointState(self.uid, j, q)
        for j in FINGERS:
            self.p.resetJointState(self.uid, j, MAX_WIDTH / 2)
            self.p.changeDynamics(self.uid, j, lateralFriction=1.5)
        self._hold_arm(HOME)
        self._set_fingers(MAX_WIDTH / 2, 40.0)
        # The real gripper's fingers are geared together: they close symmetrically and so
        # centre what they grasp (pybullet's own Panda demo couples them the same way).
        gear = self.p.createConstraint(self.uid, FINGERS[0], self.uid, FINGERS[1], p.JOINT_GEAR, [1, 0, 0],
                                       [0, 0, 0], [0, 0, 0])
        self.p.changeConstraint(gear, gearRatio=-1, erp=0.1, maxForce=50)
        self.world.bodies["panda"] = _robot_body(self.uid)

    def perception_cameras(self) -> list[Camera]:
        return [self.camera]

    def view_camera(self) -> Camera:
        return self.overview

    # -- state -------------------------------------------------------------
    def ee_pose(self) -> tuple[np.ndarray, np.ndarray]:
        s = self.p.getLinkState(self.uid, EE_LINK, computeForwardKinematics=True)
        return np.asarray(s[4]), np.asarray(s[5])

    def joint_angles(self) -> list[float]:
        return [s[0] for s in self.p.getJointStates(self.uid, ARM)]

    def gripper_width(self) -> float:
        return float(sum(s[0] for s in self.p.getJointStates(self.uid, FINGERS)))

    def state(self) -> dict:
        pos, _ = self.ee_pose()
        return {"ee": [round(float(v), 5) for v in pos], "gripper": round(self.gripper_width(), 5),
                "held": self.held}

    # -- inverse kinematics on the ghost -----------------------------------
    @property
    def ik(self) -> BulletClient:
        """The world's scratch client, where the ghost arm lives."""
        return self.world.scratch()

    @property
    def ghost(self) -> int:
        """The ghost arm the solver moves, loaded at the first solve: a scene built only to be read (which
        objects it holds) never pays for a second arm, and a worker's world keeps its ghost across episodes."""
        if self._ghost < 0:
            self._ghost = self.world.scratch_body(panda_urdf(False), *self._ghost_pose)
        return self._ghost

    def solve_ik(self, target, quat, seed: list[float] | None = None,
                 enough: float = 1e-3) -> tuple[list[float], float]:
        """Joint angles for the end effector at `target`; returns (angles, residual in metres).

        Passes stop once the residual is within ``enough`` metres: a path's waypoints (`move_to`) settle
        for the residual most poses level out at, so most take one pass from the last waypoint's angles."""
        seed = seed if seed is not None else self.joint_angles()
        self._seed_ghost(seed)
        goal = np.asarray(target, dtype=float)
        angles, residual = list(seed), float("inf")
        for _ in range(12):  # short passes, each from where the last stopped: a far pose needs them all
            before = residual
            angles = self._ik_pass(goal.tolist(), quat)
            reached = self.ik.getLinkState(self.ghost, EE_LINK, computeForwardKinematics=True)
            residual = float(np.linalg.norm(np.asarray(reached[4]) - goal))
            # Most poses level out a millimetre or two off (the rest pose pulls against the
            # target): another pass from there would return the same angles
            if residual < enough or before - residual < 5e-5:
                break
        return angles, residual

    def _seed_ghost(self, seed) -> None:
        # the fingers open, as in the rest pose: their angles sway the solver. One call for every joint: the
        # solver runs hundreds of times a motion, and a call a joint was a tenth of its cost
        self.ik.resetJointStatesMultiDof(self.ghost, (*ARM, *FINGERS),
                                         [[q] for q in (*seed, *[MAX_WIDTH / 2] * len(FINGERS))])

    def _ik_pass(self, goal: list[float], quat) -> list[float]:
        """One pass of pybullet's solver from the ghost's pose, within the joint limits; leaves the ghost there."""
        sol = self.ik.calculateInverseKinematics(
            self.ghost, EE_LINK, goal, quat, lowerLimits=self.lower, upperLimits=self.upper,
            jointRanges=self.ranges, restPoses=REST, maxNumIterations=20, residualThreshold=1e-5)
        angles = [min(max(q, lo), hi) for q, lo, hi in zip(sol[:7], self.lower[:7], self.upper[:7])]
        self.ik.resetJointStatesMultiDof(self.ghost, ARM, [[q] for q in angles])
        return angles

    # -- motion ------------------------------------------------------------
    def _hold_arm(self, angles) -> None:
        self.p.setJointMotorControlArray(self.uid, ARM, p.POSITION_CONTROL, targetPositions=list(angles),
                                         forces=ARM_FORCES, positionGains=[0.3] * 7)

    def _set_fingers(self, each: float, force: float) -> None:
        for j in FINGERS:
            self.p.setJointMotorControl2(self.uid, j, p.POSITION_CONTROL, targetPosition=each, force=force)

    def _collision(self, allow: set[int]):
        """The first contact the robot or what it holds should not be making, or None."""
        held_uid = self.world.bodies[self.held].uid if self.held else None
        ignore = {self.uid} | allow
        if held_uid is not None:
            ignore.add(held_uid)
        for pt in self.p.getContactPoints(bodyA=self.uid):
            if pt[2] not in ignore and pt[9] > CONTACT_FORCE:
                link = self.p.getJointInfo(self.uid, pt[3])[12].decode() if pt[3] >= 0 else "panda_base"
                return link, pt[2], pt[5], pt[9]
        if held_uid is not None:
            for pt in self.p.getContactPoints(bodyA=held_uid):
                if pt[2] not in ignore and pt[9] > CONTACT_FORCE:
                    return self.held, pt[2], pt[5], pt[9]
        return None

    def _raise_collision(self, hit, target) -> None:
        link, other, point, force = hit
        self._hold_arm(self.joint_angles())
        self.world.step(10)
        raise CollisionError(
            f"{link} hit {self.world.name_of(other)} while moving to {_fmt(target)}",
            bodies=[link, self.world.name_of(other)], point=[round(float(v), 4) for v in point],
            force=round(float(force), 2), target=[round(float(v), 4) for v in target])

    def move_to(self, target, rpy=(0.0, 0.0, 0.0), speed: float = 0.3, allow_contact=()):
        """Move the gripper in a straight line; raises IKError, CollisionError, MotionTimeout."""
        target = np.asarray(target, dtype=float)
        quat = down_quaternion(*rpy)
        reach = float(np.linalg.norm(target - (self.base + [0, 0, 0.333])))
        final, residual = self.solve_ik(target, quat)
        if residual > IK_TOL:
            raise IKError(f"cannot reach {_fmt(target)} (IK residual {residual * 100:.1f} cm)",
                          target=[round(float(v), 4) for v in target], residual=round(residual, 4),
                          reach=round(reach, 3), max_reach=0.855)
        start, start_q = self.ee_pose()
        distance = float(np.linalg.norm(target - start))
        speed = float(min(max(speed, 0.02), 1.0))
        n = max(int(math.ceil(distance / speed * 60)), 3)
        allow = {self.world.bodies[name].uid for name in allow_contact if name in self.world.bodies}
        seed = self.joint_angles()
        self.last_path = []
        for i in range(1, n + 1):
            t = i / n
            waypoint = start + (target - start) * t
            q = p.getQuaternionSlerp(start_q.tolist(), quat, t)
            seed, _ = self.solve_ik(waypoint, q, seed, enough=WAYPOINT_IK)
            self._hold_arm(seed)
            self.world.step(WAYPOINT_STEPS)
            if i % 6 == 0 or i == n:
                self.last_path.append([round(float(v), 4) for v in waypoint])
            hit = self._collision(allow)
            if hit:
                self._raise_collision(hit, target)
        # Hold the last waypoint's solution: it reaches the same pose as `final` but continues
        # the path's joint configuration, where `final` (solved from the start) may lie in
        # another null-space branch that the arm would swing across, centimetres off the line.
        self._hold_arm(seed)
        for _ in range(90):  # up to 1.5 s to settle
            self.world.step(WAYPOINT_STEPS)
            hit = self._collision(allow)
            if hit:
                self._raise_collision(hit, target)
            pos, orn = self.ee_pose()
            # A motion in contact (allow_contact) meets resistance the position
            # controller cannot fully overcome; a centimetre is arrival there. A pose the
            # solver itself reaches only millimetres off (near the base) is arrived at a
            # millimetre beyond that.
            if np.linalg.norm(pos - target) < max(CONTACT_REACH_TOL if allow else REACH_TOL, residual + 0.001):
                return pos, orn
        pos, orn = self.ee_pose()
        raise MotionTimeout(f"stopped {np.linalg.norm(pos - target) * 100:.1f} cm short of {_fmt(target)}",
                            target=[round(float(v), 4) for v in target],
                            reached=[round(float(v), 4) for v in pos],
                            distance=round(float(np.linalg.norm(pos - target)), 4))

    def home(self) -> None:
        """Joint-space motion back to the home configuration."""
        start = np.asarray(self.joint_angles())
        goal = np.asarray(HOME)
        n = max(int(np.max(np.abs(goal - start)) / 1.2 * 60), 3)
        for i in range(1, n + 1):
            self._hold_arm(start + (goal - start) * i / n)
            self.world.step(WAYPOINT_STEPS)
            hit = self._collision(set())
            if hit:
                pos, _ = self.ee_pose()
                self._raise_collision(hit, pos)
        self._hold_arm(HOME)
        self.world.step(30)

    # -- gripper -----------------------------------------------------------
    def _finger_contacts(self) -> dict[str, list[int]]:
        out = {}
        for side, j in zip(("left", "right"), FINGERS):
            out[side] = sorted({pt[2] for pt in self.p.getContactPoints(bodyA=self.uid, linkIndexA=j)
                                if pt[2] != self.uid})
        return out

    def grasp(self, force: float = 40.0) -> bool:
        """Close the fingers; hold the object both fingers touch, else raise GraspError."""
        if self.held:
            return True
        self._set_fingers(0.0, float(min(max(force, 5.0), 100.0)))
        last = self.gripper_width()
        for _ in range(40):
            self.world.step(WAYPOINT_STEPS)
            width = self.gripper_width()
            if abs(width - last) < 2e-5:
                break
            last = width
        contacts = self._finger_contacts()
        both = [uid for uid in contacts["left"] if uid in contacts["right"]]
        movable = [uid for uid in both if (b := self.world.by_uid(uid)) is not None and b.movable]
        if not movable:
            width = self.gripper_width()
            self._set_fingers(MAX_WIDTH / 2, 40.0)
            self.world.step(30)
            names = {side: [self.world.name_of(u) for u in uids] for side, uids in contacts.items()}
            raise GraspError(
                "closed on nothing" if width < 0.002 else "fingers did not close on one object",
                width=round(width, 4), finger_contacts=names, ee=self.state()["ee"])
        self._attach(movable[0])
        self.world.step(10)
        return True

    def _attach(self, obj: int) -> None:
        """Hold body ``obj`` where it is now, fixed to the hand."""
        ee_pos, ee_orn = self.ee_pose()
        obj_pos, obj_orn = self.p.getBasePositionAndOrientation(obj)
        inv_pos, inv_orn = p.invertTransform(ee_pos.tolist(), ee_orn.tolist())
        rel_pos, rel_orn = p.multiplyTransforms(inv_pos, inv_orn, obj_pos, obj_orn)
        self.grasp_constraint = self.p.createConstraint(
            self.uid, EE_LINK, obj, -1, p.JOINT_FIXED, [0, 0, 0], rel_pos, [0, 0, 0],
            parentFrameOrientation=rel_orn)
        self.p.changeConstraint(self.grasp_constraint, maxForce=300)
        self.held = self.world.name_of(obj)

    def restore(self, joints, gripper: float | None = None, held: str | None = None) -> None:
        """Set the arm as a saved world left it: these joint angles, the fingers ``gripper`` apart and,
        when ``held`` names a body, holding it where it is now (as `grasp` holds what it closed on)."""
        angles = [float(q) for q in joints]
        for j, q in zip(ARM, angles):
            self.p.resetJointState(self.uid, j, q)
        self._hold_arm(angles)
        width = MAX_WIDTH if gripper is None else float(min(max(gripper, 0.0), MAX_WIDTH))
        for j in FINGERS:
            self.p.resetJointState(self.uid, j, width / 2)
        self._set_fingers(0.0 if held else width / 2, 40.0)  # closed on what it holds, else kept apart
        if held:
            self._attach(self.world.bodies[held].uid)

    def release(self) -> bool:
        """Open the fingers and let go of whatever is held."""
        if self.grasp_constraint is not None:
            self.p.removeConstraint(self.grasp_constraint)
            self.grasp_constraint = None
        self.held = None
        self._set_fingers(MAX_WIDTH / 2, 40.0)
        for _ in range(30):
            self.world.step(WAYPOINT_STEPS)
            if self.gripper_width() > MAX_WIDTH - 0.002:
                break
        self.world.step(20)
        return True


def _robot_body(uid: int):
    from sim.world import Body
    return Body(name="panda", uid=uid, kind="robot", movable=False)


def _fmt(v) -> str:
    return "(" + ", ".join(f"{float(x):.3f}" for x in v) + ")"
