"""Helpers shared by the search tests (imported relatively)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


class Recorder:
    """An ``emit`` that keeps every search event; ``stop_after`` raises KeyboardInterrupt (a Ctrl-C) after n episodes."""

    def __init__(self, stop_after: int | None = None, on_event=None) -> None:
        self.events: list = []
        self.stop_after = stop_after
        self.on_event = on_event

    def __call__(self, event) -> None:
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)
        if self.stop_after is not None and len(self.of("episode_finished")) >= self.stop_after:
            raise KeyboardInterrupt

    def of(self, name: str) -> list:
        return [e for e in self.events if e.event_name() == name]


def far_bowl_task(folder: Path) -> Path:
    """pick_place_bowl with the bowl beyond the arm's reach: a task file whose episodes always fail."""
    from sim.tasks import HERE

    text = (HERE / "pick_place_bowl.toml").read_text()
    text = text.replace('name = "pick_place_bowl"', 'name = "far_bowl"')
    text = text.replace("region = { x = [0.38, 0.62], y = [-0.22, 0.22] }", "region = { x = [0.93, 0.98], y = [-0.1, 0.1] }")
    path = Path(folder) / "far_bowl.toml"
    path.write_text(text)
    return path
