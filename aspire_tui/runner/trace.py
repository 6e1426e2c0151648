"""Traces: what happened in one run, as plain data (DESIGN.md, "Traces").

A run is written as ``runs/<run_id>/trace.json`` plus keyframes
``runs/<run_id>/frames/0007.png``. The same program, task and seed give a
byte-identical ``trace.json`` apart from ``run_id``, ``started_at``,
``duration`` and each record's ``t_wall``.

Outcomes:

- ``succeeded``: ``run(robot)`` returned and the task's success check holds.
- ``failed``: the robot failed (the program let a `RobotError` escape), or
  ``run`` returned while the success check fails.
- ``error``: the program raised any other exception, or its process died
  (memory or CPU limit, a crash, a broken protocol), or the simulation worker
  crashed.
- ``timeout``: the wall-clock limit passed.
- ``rejected``: the static check refused the program; nothing ran.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

OUTCOMES = ("succeeded", "failed", "error", "timeout", "rejected")
TRACE_FILE = "trace.json"
WORLD_FILE = "world.json"  # the world the run left, beside the trace and never part of it (see `final_world`)


@dataclass
class CallRecord:
    """One robot call: what was asked, what happened, and the evidence around it."""

    index: int
    call: str
    args: list[Any]
    kwargs: dict[str, Any]
    status: str  # "ok" | "failed"
    result: Any = None
    error: dict[str, Any] | None = None
    t_wall: float = 0.0
    t_sim: float = 0.0
    ee_before: list[float] | None = None
    ee_after: list[float] | None = None
    gripper_before: float | None = None
    held_object: str | None = None
    keyframe: str | None = None
    overlay: dict[str, Any] = field(default_factory=dict)
    where: str = ""  # "program.py:12" or "skills/pick.py:30": the line that made the call

    def to_dict(self) -> dict[str, Any]:
        """Its fields as a dict; the values are plain data already, so they are shared, not copied
        (`asdict`'s deep copy of every overlay was a tenth of an episode's CPU)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CallRecord":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def signature(self, width: int = 60) -> str:
        """``move_to(0.52, 0.11, 0.03, speed=0.2)``, shortened to ``width``."""
        parts = [_short(a) for a in self.args] + [f"{k}={_short(v)}" for k, v in self.kwargs.items()]
        text = f"{self.call}({', '.join(parts)})"
        return text if len(text) <= width else text[: width - 4] + "...)"


@dataclass
class Trace:
    """Everything about one run: the program, every call record, the verdict."""

    run_id: str
    task: str
    seed: int
    instruction: str = ""
    program: str = ""
    program_hash: str = ""
    records: list[CallRecord] = field(default_factory=list)
    outcome: str = "error"
    failure_index: int | None = None
    failure_reason: str = ""
    checks: dict[str, bool] = field(default_factory=dict)
    started_at: str = ""
    duration: float = 0.0
    violations: list[dict[str, Any]] = field(default_factory=list)
    skills: dict[str, str] = field(default_factory=dict)  # skill name -> sha256 of the source run
    stdout: str = ""
    sandbox: list[str] = field(default_factory=list)  # confinement layers that were active
    path: Path | None = field(default=None, compare=False, repr=False)
    recalled: bool = field(default=False, compare=False, repr=False)  # an earlier run's (`runner.recall`)

    # -- (de)serialisation -------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("path", "recalled")}
        data["records"] = [r.to_dict() for r in self.records]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Trace":
        names = {f.name for f in fields(cls)} - {"path", "recalled", "records"}
        trace = cls(**{k: v for k, v in data.items() if k in names})
        trace.records = [CallRecord.from_dict(r) for r in data.get("records", [])]
        return trace

    def to_json(self) -> str:
        """The trace as ``trace.json`` holds it: a field a line, and a call record a line.

        Each line is encoded by the json module's C encoder; an indented dump would run its Python
        encoder over every nested value, a tenth of a short episode's tracing."""
        data = self.to_dict()
        records = data.pop("records")

        def line(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, default=_jsonable)

        fields_ = [f" {line(k)}: {line(v)}" for k, v in data.items()]
        fields_.append(' "records": [' + ",".join("\n  " + line(r) for r in records) + ("\n ]" if records else "]"))
        return "{\n" + ",\n".join(fields_) + "\n}\n"

    def save(self, run_dir: Path) -> Path:
        """Write ``run_dir/trace.json`` atomically; return its path."""
        run_dir = Path(run_dir)
        run_dir.mkdir(parents=True, exist_ok=True)
        target = run_dir / TRACE_FILE
        tmp = run_dir / f".{TRACE_FILE}.{os.getpid()}.tmp"
        tmp.write_text(self.to_json(), encoding="utf-8")
        os.replace(tmp, target)
        self.path = target
        return target

    @classmethod
    def load(cls, path: str | Path) -> "Trace":
        """Read a trace from its ``trace.json`` or from its run folder."""
        path = Path(path)
        if path.is_dir():
            path = path / TRACE_FILE
        trace = cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        trace.path = path
        return trace

    @property
    def run_dir(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def final_world(self) -> dict[str, Any] | None:
        """The world when the run ended (`sim.worldstate.WorldState.to_dict()`), which the worker writes beside
        the trace as ``world.json``: ground truth for the conversation that keeps the world. It is no part of
        the trace, so nothing that hands a trace to a coder can show it."""
        if self.run_dir is None:
            return None
        try:
            return json.loads((self.run_dir / WORLD_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @property
    def failure(self) -> CallRecord | None:
        """The call record where it failed, if the failure was a call."""
        if self.failure_index is None:
            return None
        for record in self.records:
            if record.index == self.failure_index:
                return record
        return None

    # -- for people and models ---------------------------------------------
    def headline(self) -> str:
        """One line: outcome, and where and why it failed (control characters escaped)."""
        text = f"{self.outcome}: {self.task} seed {self.seed}"
        record = self.failure
        if record is not None and record.error:
            text += f", call #{record.index} {record.call}: {record.error.get('type')}: {record.error.get('message')}"
        elif self.failure_reason and self.outcome != "succeeded":
            text += f": {self.failure_reason}"
        return clean_text(text).replace("\n", " ")

    def summary(self, context: int = 2, max_chars: int = 4000) -> str:
        """Compact text for a model, centred on the calls implicated in the failure.

        Shows the failing call with its evidence, ``context`` calls before it and what
        the program printed last; never the success check's parts, which a coder must not see.
        """
        lines = [f"run {self.run_id}: task {self.task}, seed {self.seed}, outcome {self.outcome}"]
        if self.instruction:
            lines.append(f"instruction: {self.instruction}")
        if self.violations:
            lines.append("static check rejected the program:")
            for v in self.violations[:10]:
                lines.append(f"  {v.get('file') or 'program'}:{v['line']}:{v['column']} [{v['rule']}] {v['message']}")
        focus = self.failure_index
        if focus is None and self.records and self.outcome != "succeeded":
            focus = self.records[-1].index
        if self.records:
            shown = [r for r in self.records if focus is None or focus - context <= r.index <= focus]
            if focus is None:
                shown = self.records[-(context + 1):]
            lines.append(f"calls ({len(shown)} of {len(self.records)} shown):")
            for record in shown:
                lines.extend(_describe(record, detailed=record.index == self.failure_index))
        if self.failure_reason and self.outcome != "succeeded":
            lines.append(f"failure: {self.failure_reason}")
        if self.stdout.strip():
            tail = self.stdout.strip().splitlines()[-5:]
            lines.append("program output (last lines): " + " | ".join(t[:120] for t in tail))
        text = clean_text("\n".join(lines))
        return text if len(text) <= max_chars else text[: max_chars - 20] + "\n[summary truncated]"


def _describe(record: CallRecord, detailed: bool) -> list[str]:
    mark = ">" if detailed else " "
    head = f"{mark} #{record.index} {record.signature(80)}"
    if record.where:
        head += f"  [{record.where}]"
    if record.status == "ok":
        head += f" -> {brief(record.result, 160)}"
        return [head]
    err = record.error or {}
    head += f" FAILED {err.get('type')}: {err.get('message')}"
    out = [head]
    if detailed:
        if err.get("evidence"):
            out.append(f"    evidence: {_short(err['evidence'], 400)}")
        out.append(f"    before: ee {_short(record.ee_before)} gripper {_short(record.gripper_before)}"
                   f" held {record.held_object}; after: ee {_short(record.ee_after)}")
        if record.overlay:
            out.append(f"    overlay: {_short(record.overlay, 300)}")
        if record.keyframe:
            out.append(f"    keyframe: {record.keyframe}")
    return out


_CONTROL = {c: f"\\x{c:02x}" for c in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}


def clean_text(text: str) -> str:
    """Program-made text made safe for a terminal: control characters (ANSI escapes) shown as ``\\x1b``."""
    return str(text).translate(_CONTROL)


def brief(value: Any, width: int = 60) -> str:
    """A result for people: poses as ``(x, y, z)``, detections as ``name@(x, y, z)``."""
    if isinstance(value, dict) and "position" in value:
        pos = _short(value["position"], width)
        return f"{value['name']}@{pos}" if "name" in value else pos
    if isinstance(value, dict) and "image" in value:
        return "image " + "x".join(str(n) for n in value["image"])
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        text = ", ".join(brief(v, width) for v in value)
        return text if len(text) <= width else text[: width - 3] + "..."
    return _short(value, width)


def _short(value: Any, width: int = 40) -> str:
    if isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value):
        text = "[" + ", ".join(f"{v:.4g}" if isinstance(v, float) else str(v) for v in value) + "]"
    elif isinstance(value, str):
        text = repr(value)
    else:
        text = json.dumps(value, default=_jsonable, separators=(",", ":"))
    return text if len(text) <= width else text[: width - 3] + "..."


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    return repr(value)
