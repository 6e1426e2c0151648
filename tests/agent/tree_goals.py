"""Goals with a goal tree, as `understand` hands them to the coder, for the task files in ``tasks/``.

``tree_goal("nearest_block_to_bowl", "in(nearest(block, {red_bowl}), {green_bowl})", seed=0)``
reads the scene of (task file, seed) only for the words its instruction uses (``slot_args``, what a
parser would take from the sentence), writes each ``{id}`` as that object's phrase and maps the
phrase to the id in ``goal.ids``. Referents are written literally (``nearest(block, ...)``) and get an
id with ``refs={"nearest(block, red bowl)": "near_block"}``: the id is the scene's, never its phrase.
"""

from __future__ import annotations

import re
from pathlib import Path

from aspire_tui.agent.goal import Goal as Tree, read_condition
from aspire_tui.agent.instruction import Goal
from aspire_tui.runner.program_args import slot_args
from aspire_tui.skills.skillfile import parse_file
from skills_repo import __file__ as seed_init
from sim.episode import make_episode
from sim.tasks import resolve_task

TASKS = Path(__file__).parent / "tasks"
SEED_SKILLS = Path(seed_init).parent / "skills"


def seed_skills() -> list:
    return [parse_file(p, f"skills/{p.name}") for p in sorted(SEED_SKILLS.glob("*.py"))]


def task(name: str):
    return resolve_task(TASKS / f"{name}.toml")


def tree_goal(name: str, condition: str, text: str = "", seed: int = 0, refs: dict[str, str] | None = None) -> Goal:
    """The coder's goal for task file ``name`` at ``seed``: ``condition`` with ``{id}`` as the scene's words."""
    spec = task(name)
    episode = make_episode(spec, seed)
    try:
        slots = slot_args(episode)
    finally:
        episode.close()
    ids: dict[str, str] = {}

    def phrase(m: re.Match) -> str:
        said = slots[m.group(1)]
        ids[str(said)] = m.group(1)
        return str(said)

    written = re.sub(r"\{(\w+)\}", phrase, condition)
    ids.update(refs or {})
    tree = Tree(text or written, read_condition(written))
    return Goal(text=text or written, family=spec.name, category=spec.category, slots=slots, tree=tree, ids=ids)
