"""The curriculum for ``aspire evolve --all``: which tasks, in which order, and new variants of them.

Families are ordered easier first so that the skills their searches distill
are in the library when the harder families that build on them come up
(placing before stacking, stacking two before three, the single-object
families before sorting and arranging). Difficulty is what a family asks of
the robot: its category's rank, then how many objects it moves.

After the families come proposed *variants* (`sim.variants`): a family's
task file with new words and wider perturbation ranges, written under the
library's ``runs/evolve/variants/``.
"""

from __future__ import annotations

from pathlib import Path

from sim.variants import propose_variant

# What a category asks of the robot, easiest first; the skills of earlier ones feed later ones.
CATEGORY_RANK = {"navigation": 0, "pick_place": 1, "push": 2, "stack": 3, "tool_use": 4, "sort": 5, "arrange": 6}


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
