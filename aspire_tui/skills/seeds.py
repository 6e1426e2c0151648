"""Seed skills in a library seeded by an older aspire: what differs from the shipped ones, and taking them.

A library is seeded once, on first use, from ``skills_repo/``. Later releases
ship better seeds (descriptions that name more of the words people use,
fixed programs), which a library seeded earlier never sees. ``seed_states``
compares each shipped file with the library's copy; ``update_seeds`` takes
the shipped version of every copy that nobody has changed since aspire wrote
it (its last commit is a seed commit and it has no uncommitted edits) and
adds seeds the library never had, one agent commit each. A copy that the
person or the agent changed is kept and reported, never overwritten; a seed
that someone deleted stays deleted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aspire_tui import __version__
from aspire_tui.skills.errors import SkillInvalid
from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR, is_skill_file, seed_dir
from aspire_tui.skills.repo import AGENT, Identity, format_message
from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill, parse_bytes
from aspire_tui.skills.writes import changed_lines

if TYPE_CHECKING:
    from aspire_tui.skills.library import Library

SEED_SUBJECTS = ("Seed the skill library", "Update seed ", "Add seed ")  # the commits aspire writes seeds with

STATES = {
    "current": "the same as the one shipped",
    "update": "a newer version ships with aspire",
    "new": "ships with aspire; not in this library yet",
    "changed": "changed in this library since aspire wrote it; kept",
    "removed": "removed from this library; stays removed",
}


@dataclass
class SeedState:
    """One shipped seed file and how the library's copy stands (a key of ``STATES``)."""

    name: str
    path: str
    source: str
    state: str
    sha: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"meaning": STATES[self.state]}


def seed_states(lib: "Library") -> list[SeedState]:
    """Every shipped seed skill and lesson, compared with the library's copy."""
    states = []
    for folder, pattern in ((SKILLS_DIR, "*.py"), (LESSONS_DIR, "*.md")):
        for src in sorted((seed_dir() / folder).glob(pattern)):
            rel = f"{folder}/{src.name}"
            if is_skill_file(rel):
                states.append(SeedState(src.stem, rel, str(src), _state(lib, rel, src.read_bytes())))
    return states


def _state(lib: "Library", rel: str, shipped: bytes) -> str:
    target = lib.root / rel
    here = target.read_bytes() if target.is_file() else None
    if here == shipped:
        return "current"
    last = lib.repo.log(rel, limit=1)
    if here is None:
        return "removed" if last else "new"
    written_by_aspire = bool(last) and last[0].email == AGENT[1] and last[0].summary.startswith(SEED_SUBJECTS)
    return "update" if written_by_aspire and not lib.repo.dirty_paths((rel,)) else "changed"


def update_seeds(lib: "Library") -> list[SeedState]:
    """Take the shipped version of every seed the library has not changed, and add the missing ones.

    Returns every seed's state; those taken carry the commit in ``sha``.
    Raises ``SkillInvalid`` (nothing more is written) when a shipped seed
    would break the library, for example by clashing with a skill's name.
    """
    with lib.lock("update seeds"):
        lib.writer.check_writable()
        lib.reindex(embed=False)
        states = seed_states(lib)
        shipped = {s.name: Path(s.source).read_bytes() for s in states if s.state in ("update", "new")}
        parsed = {s.name: parse_bytes(shipped[s.name], s.path) for s in states if s.name in shipped}
        for seed in _dependencies_first([s for s in states if s.name in shipped], parsed):
            skill = parsed[seed.name]
            if isinstance(skill, ParseProblem):
                raise SkillInvalid([skill])
            problems = lib.checks.check_change(skill, seed.path)
            if problems:
                raise SkillInvalid(problems)
            message = _message(lib, seed, skill, shipped[seed.name])
            seed.sha = lib.writer.write_and_commit(seed.path, shipped[seed.name], message, Identity(*AGENT))
            lib.reindex(paths=[seed.path], embed=False)
        if any(s.sha for s in states):
            lib.reindex()
    return states


def _dependencies_first(seeds: list[SeedState], parsed: dict[str, Any]) -> list[SeedState]:
    """Seeds ordered so that one that calls another comes after it (the checks need it indexed)."""
    needs = {name: set(skill.depends_on) if isinstance(skill, ProgramSkill) else set()
             for name, skill in parsed.items()}
    ordered: list[SeedState] = []
    pending = list(seeds)
    while pending:
        ready = [s for s in pending if not needs[s.name] & {p.name for p in pending}] or pending[:1]
        ordered += ready
        pending = [s for s in pending if s not in ready]
    return ordered


def _message(lib: "Library", seed: SeedState, skill: ProgramSkill | Lesson, shipped: bytes) -> str:
    kind = "lesson" if skill.kind == "lesson" else "skill"
    if seed.state == "new":
        return format_message(f"Add seed {kind} {seed.name} shipped with aspire {__version__}",
                              f"A seed this library did not have yet: {skill.description}",
                              {"Aspire-Change": "new"})
    before = (lib.repo.show(seed.path) or b"").decode("utf-8", "replace").splitlines()
    added, removed = changed_lines(before, shipped.decode("utf-8").splitlines())
    return format_message(
        f"Update seed {kind} {seed.name} to the version shipped with aspire {__version__}",
        f"Nobody had changed this library's copy since aspire wrote it, so it takes the shipped one: "
        f"{_lines(added)} added, {_lines(removed)} removed.",
        {"Aspire-Change": "refine"})


def _lines(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"
