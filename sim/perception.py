"""Perception from the simulated camera: segmentation + depth -> detections.

Positions are estimated by back-projecting the depth of each segment's pixels
through the camera's *nominal* pose; the real eye may be jittered per scene,
so estimates carry a systematic offset as well as per-call noise, as a real
calibrated camera would. Nothing here reads an object's true pose.
"""

from __future__ import annotations

import numpy as np

from sim import vocabulary
from sim.types import Detection
from sim.world import Body, Camera, World

HIDDEN_KINDS = {"table", "floor", "robot"}
MIN_PIXELS = 6
NOISE_M = 0.002

FILLER = {"the", "a", "an", "any", "all", "of", "object", "objects", "thing", "one"}


def _matrix(values) -> np.ndarray:
    return np.asarray(values, dtype=np.float64).reshape(4, 4, order="F")


def unproject(depth: np.ndarray, camera: Camera, width: int, height: int) -> np.ndarray:
    """World points (H×W×3) for a depth buffer, through the nominal camera."""
    inv = np.linalg.inv(_matrix(camera.projection(width, height)) @ _matrix(camera.view(jittered=False)))
    u = (2 * np.arange(width) + 1) / width - 1
    v = 1 - (2 * np.arange(height) + 1) / height
    uu, vv = np.meshgrid(u, v)
    clip = np.stack([uu, vv, 2 * depth - 1, np.ones_like(uu)], axis=-1)
    world = clip @ inv.T
    return world[..., :3] / world[..., 3:4]


def matches(body, query: str) -> bool:
    """Does `query` ("red block", "bowl", "green_bowl") name this body?"""
    q = query.strip().lower()
    if q == body.name:
        return True
    words = [w for w in q.replace("_", " ").replace("-", " ").split() if w not in FILLER]
    if not words:
        return False
    return all(_names(word, body) for word in words)


def _names(word: str, body) -> bool:
    """Does one word name this body's colour or kind, in the words the instruction reader knows for them
    ("cube", "grey", "cubes")?"""
    if word in (body.color, body.kind):
        return True
    kind, color = vocabulary.kind_of(word), vocabulary.color_of(word)
    return (kind is not None and kind == body.kind) or (color is not None and color == body.color)


class Perception:
    """Detects objects in camera frames; remembers where each was last seen."""

    def __init__(self, world: World, rng: np.random.Generator) -> None:
        self.world = world
        self.rng = rng
        self.last_seen: dict[str, list[float]] = {}
        self._frames: dict[tuple, tuple[tuple, list]] = {}  # camera -> (scene signature, what it sees)

    def _frame(self, camera: Camera) -> list[tuple[Body, int, np.ndarray, np.ndarray]]:
        """The bodies this camera sees, each with its pixel count and the 2nd and 98th percentile corners of
        its points, in body-id order. A scene that has not moved since the last look through the same camera
        is not rendered or measured again: a program looks several times before it moves, and each look
        draws its own noise still."""
        key = (camera.width, camera.height, tuple(camera.view()), camera.fov, camera.near, camera.far)
        signature = self.world.pose_signature()
        seen = self._frames.get(key)
        if seen is not None and seen[0] == signature:
            return seen[1]
        _, depth, seg = self.world.capture(camera)
        points = unproject(depth, camera, camera.width, camera.height)
        ids = seg.astype(np.int64) & ((1 << 24) - 1)
        # pixels per body id, background (-1, all 24 bits set) left out: a count of each id at once, without
        # the sort `np.unique` pays for
        counts = np.bincount(ids[ids < (1 << 24) - 1])
        blobs = []
        for uid in np.flatnonzero(counts >= MIN_PIXELS):
            body = self.world.by_uid(int(uid))
            if body is None or body.kind in HIDDEN_KINDS:
                continue
            count = int(counts[uid])
            pts = points[ids == uid]
            blobs.append((body, count, np.percentile(pts, 2, axis=0), np.percentile(pts, 98, axis=0)))
        self._frames = {k: v for k, v in self._frames.items() if v[0] == signature}
        self._frames[key] = (signature, blobs)
        return blobs

    def look(self, cameras: list[Camera]) -> list[Detection]:
        """Everything visible through these cameras (merged by name, most pixels wins)."""
        best: dict[str, tuple[int, Detection]] = {}
        for camera in cameras:
            for body, count, lo, hi in self._frame(camera):
                if body.name in best and best[body.name][0] >= count:
                    continue
                center = (lo + hi) / 2 + self.rng.normal(0.0, NOISE_M, 3)
                size = np.maximum(hi - lo + self.rng.normal(0.0, NOISE_M, 3), 0.0)
                det = Detection(name=body.name, kind=body.kind, color=body.color,
                                position=tuple(round(float(v), 4) for v in center),
                                size=tuple(round(float(v), 4) for v in size),
                                confidence=round(min(1.0, count / 150.0), 3))
                best[body.name] = (count, det)
        found = [d for _, d in sorted(best.values(), key=lambda cd: cd[1].name)]
        for det in found:
            self.last_seen[det.name] = list(det.position)
        return found
