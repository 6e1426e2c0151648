"""The built-in task families (TOML files beside this module) and lookup."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

from sim.errors import UnknownTask
from sim.taskspec import TaskSpec, load_task_file

HERE = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def builtin_tasks() -> dict[str, TaskSpec]:
    """Every built-in family, by name."""
    specs = [load_task_file(path) for path in sorted(HERE.glob("*.toml"))]
    return {spec.name: spec for spec in specs}


def list_tasks() -> list[TaskSpec]:
    return sorted(builtin_tasks().values(), key=lambda s: (s.category, s.name))


def get_task(name: str) -> TaskSpec:
    """A built-in family by name; an unknown name suggests the nearest."""
    tasks = builtin_tasks()
    if name in tasks:
        return tasks[name]
    near = difflib.get_close_matches(name, tasks, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else f"; see `aspire tasks` ({len(tasks)} families)"
    raise UnknownTask(f"unknown task {name!r}{hint}")


def sample_instructions(spec: TaskSpec, n: int) -> list[str]:
    """The first n instruction templates, filled with each object's first colour (no world is built)."""
    import string

    words = {o.id: f"{o.colors[k % len(o.colors)]} {o.kind}" for k, o in enumerate(spec.objects)}
    words["count"] = str(max(o.count[0] for o in spec.objects))

    class Words(dict):
        def __missing__(self, key: str) -> str:
            return key.replace("_", " ")

    return [string.Formatter().vformat(t, (), Words(words)) for t in spec.instructions[:n]]


def resolve_task(task: str | Path | TaskSpec) -> TaskSpec:
    """A family name, a path to a .toml file, or a spec already loaded."""
    if isinstance(task, TaskSpec):
        return task
    if isinstance(task, Path) or str(task).endswith(".toml"):
        return load_task_file(task)
    return get_task(str(task))
