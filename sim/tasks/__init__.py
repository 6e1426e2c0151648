"""The built-in task families (TOML files beside this module) and lookup."""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
import re
import tempfile
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


# Task files made from a person's words (or kept for workers): found by name, like the families.
MADE = Path(tempfile.gettempdir()) / "aspire-tasks"


def keep_task(name: str, text: str) -> Path:
    """Write a task file made in memory where every process on this machine finds it by ``name``;
    named by its content too, so the same file is written once."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    path = MADE / f"{name}-{digest}.toml"
    if not path.exists():
        MADE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # atomic: a reader never sees half a file
    else:
        path.touch()  # the newest of a name is the one found
    return path


def get_task(name: str) -> TaskSpec:
    """A built-in family, or a task kept by `keep_task`, by name; an unknown name suggests the nearest."""
    tasks = builtin_tasks()
    if name in tasks:
        return tasks[name]
    made = sorted(MADE.glob(f"{name}-*.toml"), key=lambda p: p.stat().st_mtime) if MADE.is_dir() else []
    if made and re.fullmatch(r"[a-z][a-z0-9_]*", name):
        return load_task_file(made[-1])
    near = difflib.get_close_matches(name, tasks, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else f"; see `aspire tasks` ({len(tasks)} families)"
    raise UnknownTask(f"unknown task {name!r}{hint}")


def fill_template(template: str, slots: dict) -> str:
    """An instruction template filled with a scene's slot words, as the scene fills it.

    Raises:
        KeyError: the template names a slot the scene does not have (an empty slot).
    """
    import string

    return string.Formatter().vformat(template, (), slots)


def sample_instructions(spec: TaskSpec, n: int, world=None) -> list[str]:
    """n example instructions: template k filled with the words of development seed k's scene.

    The words are the scene's own (its colours, its group with plural nouns,
    its place words), so the examples read as the instructions the parser sees.
    Builds the scenes in ``world`` (a new one when None), which costs some
    tens of milliseconds each.
    """
    from sim.episode import make_episode
    from sim.errors import TaskError
    from sim.world import World

    own = world is None
    world = World() if own else world
    out: list[str] = []
    try:
        for seed in range(max(0, n) * 3):
            if len(out) >= n:
                break
            try:
                episode = make_episode(spec, seed, world=world)
            except TaskError:  # a seed whose scene cannot be built: take the next one
                continue
            out.append(fill_template(spec.instructions[len(out) % len(spec.instructions)], episode.scene.slots))
    finally:
        if own:
            world.close()
    return out


def resolve_task(task: str | Path | TaskSpec) -> TaskSpec:
    """A family name, a path to a .toml file, or a spec already loaded."""
    if isinstance(task, TaskSpec):
        return task
    if isinstance(task, Path) or str(task).endswith(".toml"):
        return load_task_file(task)
    return get_task(str(task))
