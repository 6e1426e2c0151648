"""Records that robot calls return: plain dataclasses that travel as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Detection:
    """One object seen by the camera (positions are estimates, with noise)."""

    name: str
    kind: str
    color: str
    position: tuple[float, float, float]
    size: tuple[float, float, float]
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        # by hand, not `asdict`: its deep copy of every field was most of what a detection cost to record
        return {"name": self.name, "kind": self.kind, "color": self.color, "position": tuple(self.position),
                "size": tuple(self.size), "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Detection":
        return cls(
            name=str(data["name"]), kind=str(data["kind"]), color=str(data["color"]),
            position=tuple(float(v) for v in data["position"]),
            size=tuple(float(v) for v in data["size"]),
            confidence=float(data.get("confidence", 1.0)),
        )


@dataclass
class Pose:
    """A position and an orientation (roll, pitch, yaw in radians)."""

    position: tuple[float, float, float]
    orientation: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0))

    def to_dict(self) -> dict[str, Any]:
        return {"position": tuple(self.position), "orientation": tuple(self.orientation)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Pose":
        return cls(tuple(float(v) for v in data["position"]),
                   tuple(float(v) for v in data.get("orientation", (0.0, 0.0, 0.0))))
