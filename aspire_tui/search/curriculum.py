"""The curriculum for ``aspire evolve --all``: which tasks, in which order, and new variants of them.

Families are ordered easier first so that the skills their searches distill
are in the library when the harder families that build on them come up
(placing before stacking, stacking two before three, the single-object
families before sorting and arranging). Difficulty is what a family asks of
the robot: its category's rank, then how many objects it moves.

After the families come proposed *variants*: a family's task file with new
instructions (everyday synonyms for its objects, so retrieval and parsing
meet new words) and widened perturbation ranges (sizes, friction, mass,
camera jitter), written under the library's ``runs/evolve/variants/``.
The success condition is copied unchanged; the coder never reads it.
"""

from __future__ import annotations

import re
from pathlib import Path

# What a category asks of the robot, easiest first; the skills of earlier ones feed later ones.
CATEGORY_RANK = {"navigation": 0, "pick_place": 1, "push": 2, "stack": 3, "tool_use": 4, "sort": 5, "arrange": 6}
SYNONYMS = {"block": "cube", "bowl": "dish", "plate": "saucer", "tray": "bin", "ball": "sphere",
            "zone": "area", "hook": "stick", "marker": "spot", "barrel": "drum"}
WIDEN = 0.25     # a variant's perturbation ranges grow by this fraction of their width on each side


class CurriculumError(ValueError):
    """No task fits the request (unknown family); one line."""


def difficulty(spec) -> tuple[int, int, str]:
    """Sort key, easier first: category rank, then objects the task names (groups count fully)."""
    objects = sum(o.count[1] for o in spec.objects)
    return (CATEGORY_RANK.get(spec.category, len(CATEGORY_RANK)), objects, spec.name)


def scene_instruction(family: str, seed: int = 0) -> str:
    """What a person would say in ``family``'s dev scene ``seed`` (its own instruction)."""
    from sim.episode import make_episode

    episode = make_episode(family, seed)
    try:
        return episode.instruction
    finally:
        episode.close()


def ordered_families(families: list[str] | None = None) -> list[str]:
    """Built-in families (or ``families``), easier first."""
    from sim.tasks import builtin_tasks

    specs = builtin_tasks()
    unknown = [f for f in families or [] if f not in specs]
    if unknown:
        raise CurriculumError(f"unknown task family {unknown[0]!r}; see `aspire tasks`")
    return [s.name for s in sorted((specs[f] for f in (families or specs)), key=difficulty)]


def propose_variant(family: str, out_dir: Path, n: int = 1) -> Path:
    """Write variant ``n`` of ``family``: synonym instructions and widened perturbation ranges."""
    from sim.tasks import HERE
    from sim.taskspec import load_task_file

    text = (HERE / f"{family}.toml").read_text()
    name = f"{family}_v{n}"
    text = re.sub(r'(?m)^name = ".*"$', f'name = "{name}"', text, count=1)
    text = _synonym_instructions(text)
    text = _widen_perturbations(text)
    path = Path(out_dir) / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    load_task_file(path)  # a variant that does not load is a bug here, not a task to search
    return path


def _synonym_instructions(text: str) -> str:
    """Each instruction template again with everyday words for its objects ("{block}" stays a slot)."""
    m = re.search(r"(?ms)^instructions = \[\n(.*?)^\]", text)
    if not m:
        return text
    lines = [ln for ln in m.group(1).splitlines() if ln.strip()]
    extra = []
    for line in lines:
        swapped = re.sub(r"\b(" + "|".join(SYNONYMS) + r")\b(?![^{]*\})", lambda w: SYNONYMS[w.group(1)], line)
        swapped = swapped.replace("pick up", "grab").replace("put the", "set the", 1)
        if swapped != line:
            extra.append(swapped if swapped.rstrip().endswith(",") else swapped.rstrip() + ",")
    body = "\n".join(extra + [ln if ln.rstrip().endswith(",") else ln.rstrip() + "," for ln in lines])
    return text[:m.start(1)] + body + "\n" + text[m.end(1):]


def _widen_perturbations(text: str) -> str:
    """Every ``key = [lo, hi]`` range and ``camera_jitter`` in ``[perturb]``, wider."""
    m = re.search(r"(?ms)^\[perturb\]\n(.*?)(?=^\[|\Z)", text)
    if not m:
        return text

    def widen(r: re.Match) -> str:
        lo, hi = float(r.group(2)), float(r.group(3))
        pad = (hi - lo) * WIDEN
        new_lo = max(lo - pad, 0.05 if lo > 0 else lo)  # scales and friction stay positive
        return f"{r.group(1)}[{round(new_lo, 4)}, {round(hi + pad, 4)}]"

    body = re.sub(r"(?m)^(\w+ = )\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]", widen, m.group(1))
    body = re.sub(r"(?m)^(camera_jitter = )([\d.]+)$", lambda r: f"{r.group(1)}{round(float(r.group(2)) * 1.5, 4)}",
                  body)
    return text[:m.start(1)] + body + text[m.end(1):]


def curriculum_tasks(library, *, family: str | None = None, all_families: bool = False,
                     variants: int = 0) -> list[tuple[str, str]]:
    """(instruction, scene) pairs to search, in order.

    ``family``: that family's own dev-scene instruction. ``all_families``: every
    family easier first, then ``variants`` proposed variants of the easiest
    families (task files under the library's ``runs/evolve/variants/``).
    """
    if family:
        return [(scene_instruction(f), f) for f in ordered_families([family])]
    if not all_families:
        return []
    order = ordered_families()
    items = [(scene_instruction(f), f) for f in order]
    out_dir = Path(library.runs_dir) / "evolve" / "variants"
    for k in range(variants):
        base = order[k % len(order)]
        path = propose_variant(base, out_dir, k // len(order) + 1)
        from sim.episode import make_episode

        episode = make_episode(path, 0)
        try:
            items.append((episode.instruction, str(path)))
        finally:
            episode.close()
    return items
