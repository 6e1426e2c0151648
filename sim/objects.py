"""Object kinds built from primitive shapes: blocks, bowls, plates, tools, markers.

Every kind is one builder registered in `KINDS`; a scene spec names a kind and
the builder, given the world's pybullet client (`world.p`), returns the body.
Primitive shapes keep rendering and contacts cheap and deterministic.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from sim.bullet import BulletClient
from sim.world import Body, World

COLORS: dict[str, tuple[float, float, float]] = {
    "red": (0.85, 0.12, 0.12),
    "green": (0.15, 0.7, 0.2),
    "blue": (0.15, 0.3, 0.9),
    "yellow": (0.95, 0.85, 0.1),
    "orange": (0.95, 0.5, 0.05),
    "purple": (0.55, 0.2, 0.75),
    "pink": (0.95, 0.45, 0.7),
    "cyan": (0.1, 0.8, 0.85),
    "white": (0.95, 0.95, 0.95),
    "black": (0.08, 0.08, 0.08),
    "brown": (0.45, 0.28, 0.12),
    "gray": (0.5, 0.5, 0.5),
}

# Default sizes (full extents, metres) per kind.
DEFAULT_SIZES: dict[str, tuple[float, float, float]] = {
    "block": (0.04, 0.04, 0.04),
    "bowl": (0.15, 0.15, 0.05),
    "plate": (0.17, 0.17, 0.012),
    "tray": (0.24, 0.18, 0.03),
    "zone": (0.14, 0.14, 0.002),
    "stick": (0.32, 0.025, 0.025),
    "hook": (0.34, 0.1, 0.025),
    "marker": (0.6, 0.6, 0.004),
    "crate": (0.22, 0.22, 0.05),  # open-topped, its walls low enough for the gripper to reach in over them
    "barrel": (0.3, 0.3, 0.5),
    "cone": (0.25, 0.25, 0.35),
    "wall": (1.0, 0.1, 0.4),
    "ball": (0.05, 0.05, 0.05),
}

STILL = 1e-4  # (m/s)² + (rad/s)²: an object slower than this lies still, and may sleep (see `build`)
FOOT = 0.002  # metres: a container's walls stop this far above its underside (see bowl)
WALL = 0.006  # metres: how thick a container's floor and walls are
# Kinds whose pybullet bounding box is wrong, so success checks take it from their size:
# a cylinder's is loose (a 17 cm plate got 22 cm), a painted patch has none.
BOX_FROM_SIZE = {"plate": "round", "barrel": "round", "cone": "round", "zone": "box", "marker": "box"}

Builder = Callable[..., int]
KINDS: dict[str, Builder] = {}


def kind(name: str) -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        KINDS[name] = fn
        return fn
    return register


def _rgba(color: str) -> list[float]:
    return [*COLORS.get(color, COLORS["gray"]), 1.0]


def _compound(p: BulletClient, boxes: list[tuple[list[float], list[float]]], color: str, mass: float,
              pos, orn, collide: bool = True) -> int:
    """One rigid body made of boxes: each (half extents, local position)."""
    n = len(boxes)
    types = [p.GEOM_BOX] * n
    halves = [b[0] for b in boxes]
    offsets = [b[1] for b in boxes]
    col = p.createCollisionShapeArray(types, halfExtents=halves,
                                      collisionFramePositions=offsets) if collide else -1
    vis = p.createVisualShapeArray(types, halfExtents=halves, visualFramePositions=offsets,
                                   rgbaColors=[_rgba(color)] * n)
    return p.createMultiBody(mass, col, vis, pos, orn)


@kind("block")
def block(p, size, color, pos, orn, mass=0.1):
    half = [s / 2 for s in size]
    col = p.createCollisionShape(p.GEOM_BOX, halfExtents=half)
    vis = p.createVisualShape(p.GEOM_BOX, halfExtents=half, rgbaColor=_rgba(color))
    return p.createMultiBody(mass, col, vis, pos, orn)


@kind("wall")
def wall(p, size, color, pos, orn, mass=0.0):
    return block(p, size, color, pos, orn, mass=mass)


@kind("ball")
def ball(p, size, color, pos, orn, mass=0.05):
    r = size[0] / 2
    col = p.createCollisionShape(p.GEOM_SPHERE, radius=r)
    vis = p.createVisualShape(p.GEOM_SPHERE, radius=r, rgbaColor=_rgba(color))
    return p.createMultiBody(mass, col, vis, pos, orn)


def _cylinder(p, radius, height, color, pos, orn, mass, collide=True):
    col = p.createCollisionShape(p.GEOM_CYLINDER, radius=radius, height=height) if collide else -1
    vis = p.createVisualShape(p.GEOM_CYLINDER, radius=radius, length=height, rgbaColor=_rgba(color))
    return p.createMultiBody(mass, col, vis, pos, orn)


@kind("barrel")
def barrel(p, size, color, pos, orn, mass=0.0):
    return _cylinder(p, size[0] / 2, size[2], color, pos, orn, mass)


@kind("cone")
def cone(p, size, color, pos, orn, mass=0.0):
    return _cylinder(p, size[0] / 2, size[2], color, pos, orn, mass)


@kind("plate")
def plate(p, size, color, pos, orn, mass=0.3):
    return _cylinder(p, size[0] / 2, size[2], color, pos, orn, mass)


@kind("zone")
@kind("marker")
def zone(p, size, color, pos, orn, mass=0.0):
    """A flat painted patch: seen by the camera, never touched."""
    half = [size[0] / 2, size[1] / 2, max(size[2] / 2, 0.0005)]
    vis = p.createVisualShape(p.GEOM_BOX, halfExtents=half, rgbaColor=_rgba(color))
    return p.createMultiBody(0, -1, vis, pos, orn)


@kind("bowl")
def bowl(p, size, color, pos, orn, mass=0.6, segments=12):
    """A round-ish bowl: a floor and a ring of wall panels.

    The walls' collision boxes stop `FOOT` above the underside, as a bowl stands on its foot ring:
    resting on the floor alone it touches the table at 4 points instead of 52, and those resting
    contacts were most of a physics step's cost.
    """
    r, h, t = size[0] / 2, size[2], 0.006
    panel = r * math.tan(math.pi / segments) * 1.05
    angles = [2 * math.pi * i / segments for i in range(segments)]
    centres = [((r - t / 2) * math.cos(a), (r - t / 2) * math.sin(a)) for a in angles]
    floor = ([r * 0.8, r * 0.8, t / 2], [0, 0, -h / 2 + t / 2])
    seen = [floor] + [([t / 2, panel, h / 2], [x, y, 0]) for x, y in centres]
    touched = [floor] + [([t / 2, panel, (h - FOOT) / 2], [x, y, FOOT / 2]) for x, y in centres]
    orns = [[0, 0, 0, 1]] + [p.getQuaternionFromEuler([0, 0, a]) for a in angles]
    col = p.createCollisionShapeArray([p.GEOM_BOX] * len(orns), halfExtents=[b[0] for b in touched],
                                      collisionFramePositions=[b[1] for b in touched],
                                      collisionFrameOrientations=orns)
    vis = p.createVisualShapeArray([p.GEOM_BOX] * len(orns), halfExtents=[b[0] for b in seen],
                                   visualFramePositions=[b[1] for b in seen],
                                   visualFrameOrientations=orns, rgbaColors=[_rgba(color)] * len(orns))
    return p.createMultiBody(mass, col, vis, pos, orn)


def _open_box(p, size, color, pos, orn, mass):
    """A floor and four walls, open at the top."""
    sx, sy, h = size[0] / 2, size[1] / 2, size[2]
    t = WALL
    boxes = [
        ([sx, sy, t / 2], [0, 0, -h / 2 + t / 2]),
        ([t / 2, sy, h / 2], [sx - t / 2, 0, 0]),
        ([t / 2, sy, h / 2], [-sx + t / 2, 0, 0]),
        ([sx, t / 2, h / 2], [0, sy - t / 2, 0]),
        ([sx, t / 2, h / 2], [0, -sy + t / 2, 0]),
    ]
    return _compound(p, boxes, color, mass, pos, orn)


@kind("tray")
def tray(p, size, color, pos, orn, mass=0.8):
    return _open_box(p, size, color, pos, orn, mass)


@kind("crate")
def crate(p, size, color, pos, orn, mass=0.0):
    """A fixed open crate: the arm loads things into it from above, a mobile base drives up to it."""
    return _open_box(p, size, color, pos, orn, mass)


@kind("stick")
def stick(p, size, color, pos, orn, mass=0.15):
    return block(p, size, color, pos, orn, mass=mass)


@kind("hook")
def hook(p, size, color, pos, orn, mass=0.2):
    """An L: a long handle along x and a short tine along +y at the far end."""
    length, width, t = size[0], size[1], size[2]
    boxes = [
        ([length / 2, t / 2, t / 2], [0, 0, 0]),
        ([t / 2, width / 2, t / 2], [length / 2 - t / 2, width / 2 - t / 2, 0]),
    ]
    return _compound(p, boxes, color, mass, pos, orn)


def build(world: World, kind_name: str, *, name: str, color: str, size, position, yaw: float = 0.0,
          mass: float | None = None, friction: float | None = None, slot: str = "",
          movable: bool = True, orientation=None) -> Body:
    """Create one object in the world and register it (``orientation``, a quaternion, overrides ``yaw``)."""
    if kind_name not in KINDS:
        raise ValueError(f"unknown object kind {kind_name!r}; known: {', '.join(sorted(KINDS))}")
    p = world.p
    orn = list(orientation) if orientation is not None else p.getQuaternionFromEuler([0, 0, yaw])
    kwargs = {} if mass is None else {"mass": mass}
    uid = KINDS[kind_name](p, tuple(size), color, list(position), orn, **kwargs)
    if friction is not None:
        p.changeDynamics(uid, -1, lateralFriction=friction)
    # An object lying still (two seconds under STILL: pybullet's default of 0.05 would stop a ball
    # rolling at 20 cm/s) sleeps until something touches it: solving resting contacts every step is
    # most of what a step costs, and a sleeping body is skipped (see `rest`)
    p.changeDynamics(uid, -1, rollingFriction=0.001, spinningFriction=0.001,
                     activationState=p.ACTIVATION_STATE_ENABLE_SLEEPING, sleepThreshold=STILL)
    return world.add(Body(name=name, uid=uid, kind=kind_name, color=color, size=tuple(size),
                          movable=movable, slot=slot,
                          tags={"box_from_size": BOX_FROM_SIZE[kind_name]} if kind_name in BOX_FROM_SIZE else {}))


def rest(world: World) -> None:
    """Put the objects that lie still to sleep now rather than after pybullet's two seconds.

    Any contact with a moving body wakes them, so a settled scene simulates the same, only cheaper.
    """
    for body in world.bodies.values():
        if body.kind in KINDS:
            linear, angular = world.p.getBaseVelocity(body.uid)
            if float(np.dot(linear, linear) + np.dot(angular, angular)) < STILL:
                world.p.changeDynamics(body.uid, -1, activationState=world.p.ACTIVATION_STATE_SLEEP)


def add_table(world: World, size=(1.2, 1.4, 0.05), center=(0.45, 0.0), color="brown") -> Body:
    """A table whose top is the plane z = 0."""
    p = world.p
    half = [size[0] / 2, size[1] / 2, size[2] / 2]
    col = p.createCollisionShape(p.GEOM_BOX, halfExtents=half)
    vis = p.createVisualShape(p.GEOM_BOX, halfExtents=half, rgbaColor=[0.62, 0.5, 0.38, 1])
    uid = p.createMultiBody(0, col, vis, [center[0], center[1], -size[2] / 2])
    p.changeDynamics(uid, -1, lateralFriction=0.8)
    return world.add(Body(name="table", uid=uid, kind="table", color=color, size=tuple(size), movable=False))


def add_floor(world: World, size=(8.0, 8.0)) -> Body:
    """A floor whose top is z = 0, for mobile scenes."""
    p = world.p
    half = [size[0] / 2, size[1] / 2, 0.05]
    col = p.createCollisionShape(p.GEOM_BOX, halfExtents=half)
    vis = p.createVisualShape(p.GEOM_BOX, halfExtents=half, rgbaColor=[0.75, 0.75, 0.72, 1])
    uid = p.createMultiBody(0, col, vis, [0, 0, -0.05])
    return world.add(Body(name="floor", uid=uid, kind="floor", color="gray", size=(*size, 0.1), movable=False))


def footprint_radius(kind_name: str, size) -> float:
    """Radius of the circle an object occupies on the table, for non-overlapping placement."""
    return float(np.hypot(size[0], size[1]) / 2)
