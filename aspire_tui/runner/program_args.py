"""A program's `ARGS`: the phrases its instruction uses, written into its source.

A general program (a reference program, a skill-composed program) reads its
targets from a module-level `ARGS = {...}` literal: slot phrases ("red
block"), lists of phrases for groups, counts and place words. `program_for`
writes in what an episode's instruction says, as a language parser would
extract it from the sentence. Never positions, never anything the
instruction does not say.
"""

from __future__ import annotations

import ast
from typing import Any

from aspire_tui import pyast


def slot_args(episode) -> dict[str, Any]:
    """What the instruction says, slot by slot: phrases, lists of phrases for groups, counts, place words."""
    groups = {o.id for o in episode.task.objects if o.count[1] > 1}
    args: dict[str, Any] = {}
    for key, value in episode.scene.slots.items():
        if hasattr(value, "phrases"):
            args[key] = list(value.phrases) if key in groups else str(value)
        else:
            args[key] = value
    return args


def declared_args(source: str) -> tuple[dict[str, Any], int, int]:
    """The program's `ARGS` literal and the lines (1-based, inclusive) it spans."""
    for node in pyast.parse(source).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "ARGS"):
            return ast.literal_eval(node.value), node.lineno, node.end_lineno or node.lineno
    raise ValueError("the program has no module-level ARGS = {...} literal")


ARGS_UNFIT = "cannot fill ARGS for this scene"  # why a run that fills ARGS in the worker was rejected


def with_args(source: str, said: dict[str, Any]) -> str:
    """The program's source with `ARGS` set from `said` (only the keys it declares)."""
    wanted, first, last = declared_args(source)
    missing = [k for k in wanted if k not in said]
    if missing:
        raise KeyError(f"the instruction has no slot {missing[0]!r} (it has: {', '.join(said)})")
    lines = source.splitlines()
    lines[first - 1:last] = [f"ARGS = {({k: said[k] for k in wanted})!r}"]
    return "\n".join(lines) + "\n"


def program_for(source: str, episode) -> str:
    """The program's source with `ARGS` set to what this episode's instruction says."""
    return with_args(source, slot_args(episode))


# An ARGS key that is no slot of the task may name the role of one: "container" is the task's one
# bowl or tray. Only a role that exactly one object of the scene can fill is bound.
ROLE_KINDS = {
    "container": {"bowl", "tray", "crate", "box", "basket"}, "receptacle": {"bowl", "tray", "crate", "box", "basket"},
    "target": {"bowl", "tray", "crate", "plate", "zone"}, "destination": {"bowl", "tray", "crate", "plate", "zone"},
    "surface": {"plate", "block"}, "support": {"plate", "block"}, "tool": {"hook"},
    "obj": {"block", "ball"}, "object": {"block", "ball"}, "item": {"block", "ball"},
}


def bind_args(source: str, episode) -> tuple[str, dict[str, str]]:
    """The program with `ARGS` set from the episode's instruction, and which slot fed each key.

    A key takes the slot of its own name ("block" <- {block}), else the one object slot of a kind
    its role names ("container" <- {tray}).

    Raises:
        ValueError: the program has no module-level ``ARGS = {...}`` literal.
        KeyError: a key that no slot of the instruction fills (one line).
    """
    wanted, _, _ = declared_args(source)
    if not isinstance(wanted, dict):
        raise ValueError("the program's ARGS is not a dict")
    said = slot_args(episode)
    kinds = {k: v.kind for k, v in episode.scene.slots.items() if hasattr(v, "kind")}
    chosen = {key: key for key in wanted if key in said}
    for key in wanted:
        if key in chosen:
            continue
        free = [s for s, kind in kinds.items() if kind in ROLE_KINDS.get(key, ()) and s not in chosen.values()]
        if len(free) == 1:
            chosen[key] = free[0]
    missing = [k for k in wanted if k not in chosen]
    if missing:
        raise KeyError(f"the instruction has no slot {missing[0]!r} (it has: {', '.join(said) or 'none'})")
    return with_args(source, {key: said[slot] for key, slot in chosen.items()}), chosen
