"""The library as Agent Skills (agentskills.io): one folder per skill or lesson, a ``SKILL.md`` and the code.

Export writes, for ``skills/place_in.py``, a folder ``place-in/`` holding
``SKILL.md`` (YAML front matter ``name`` and ``description``, then when to use
it, its pre- and postconditions, its evidence and how to call it) and
``place_in.py`` byte for byte; a lesson gets ``SKILL.md`` and its ``.md``.
``SKILL.md`` is made from the code file, which stays the source of truth:
import reads the code file beside it, checks it like any skill file and
commits it as the person, so an export imported again gives the same files.

Import checks every folder before it changes anything: a folder without
``SKILL.md``, a front matter that does not parse or lacks a field, a code file
that does not parse, a name already taken or a dependency that is nowhere
is one line (`AgentSkillsError`) and the library is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aspire_tui.skills.errors import LibraryError
from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR
from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill, kind_of, parse_bytes, parse_file

if TYPE_CHECKING:
    from aspire_tui.skills.library import Library
    from aspire_tui.skills.writes import ChangeResult

SKILL_MD = "SKILL.md"
FORMAT = "agent-skills"
NAME_LIMIT, DESCRIPTION_LIMIT = 64, 1024  # the specification's limits
SPEC_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class AgentSkillsError(LibraryError):
    """An Agent Skills folder cannot be exported or imported; one line that names the folder."""


def folder_name(skill: str) -> str:
    """The Agent Skills name of a library skill: ``place_in`` -> ``place-in`` (lowercase, digits, hyphens)."""
    name = re.sub(r"[^a-z0-9]+", "-", skill.lower()).strip("-")
    return name[:NAME_LIMIT].rstrip("-") or "skill"


# ---------------------------------------------------------------- export

@dataclass
class Exported:
    """What an export wrote: one folder per skill, and notes on files it took from the last commit."""

    folders: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"folders": [str(f) for f in self.folders], "notes": self.notes}


def export(lib: "Library", out: str | Path, names: list[str] | None = None) -> Exported:
    """Write the library's program skills and lessons (all, or ``names``) under ``out`` as Agent Skills.

    A file whose working copy has problems is exported as last committed (a note says so).

    Raises:
        AgentSkillsError: ``out`` is a file, or cannot be written.
        UnknownSkill: one of ``names`` is not in the library.
    """
    out = Path(out).expanduser()
    if out.exists() and not out.is_dir():
        raise AgentSkillsError(f"{out} is a file; give a folder to export into")
    rels = [lib.path_of(n) for n in names] if names else sorted(lib.skill_paths())
    done = Exported()
    for rel in rels:
        data, note = _exportable(lib, rel)
        if note:
            done.notes.append(note)
        if data is None:
            continue
        skill = parse_bytes(data, rel)
        folder = out / folder_name(skill.name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / Path(rel).name).write_bytes(data)
            (folder / SKILL_MD).write_text(skill_md(skill, Path(rel).name), encoding="utf-8")
        except OSError as e:
            raise AgentSkillsError(f"cannot write {folder}: {e.strerror or e}") from e
        done.folders.append(folder)
    return done


def _exportable(lib: "Library", rel: str) -> tuple[bytes | None, str]:
    """The bytes to export for ``rel`` (the working copy, else the last commit) and a note when not the former."""
    path = lib.root / rel
    if path.is_file():
        data = path.read_bytes()
        if not isinstance(parse_bytes(data, rel), ParseProblem):
            return data, ""
    committed = lib.repo.show(rel)
    if committed is not None and not isinstance(parse_bytes(committed, rel), ParseProblem):
        return committed, f"{rel}: the file on disk has problems; exported as last committed"
    return None, f"{rel}: does not parse and was never committed; not exported"


def skill_md(skill: ProgramSkill | Lesson, filename: str) -> str:
    """The ``SKILL.md`` of one skill or lesson: front matter, then what an agent needs to use it."""
    import yaml

    front = {"name": folder_name(skill.name), "description": _description(skill),
             "metadata": _metadata(skill, filename)}
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=10_000)
    body = _program_body(skill, filename) if isinstance(skill, ProgramSkill) else _lesson_body(skill, filename)
    return f"---\n{head}---\n\n{body.rstrip()}\n"


def _description(skill: ProgramSkill | Lesson) -> str:
    """The description, with the lesson's failure named (the spec's "what it does and when to use it")."""
    text = " ".join(skill.description.split())
    if isinstance(skill, Lesson) and skill.failure.get("error"):
        call = f" in {skill.failure['call']}" if skill.failure.get("call") else ""
        text = f"{text} (a repair lesson for {skill.failure['error']}{call})"
    return text[:DESCRIPTION_LIMIT]


def _metadata(skill: ProgramSkill | Lesson, filename: str) -> dict[str, str]:
    """The spec's string-to-string map: what aspire needs to find the code and what it is for."""
    data = {"aspire-kind": skill.kind, "aspire-name": skill.name, "aspire-file": filename}
    if skill.category:
        data["aspire-category"] = skill.category
    data["aspire-embodiment"] = skill.embodiment
    if isinstance(skill, ProgramSkill):
        data["aspire-signature"] = skill.signature
        if skill.depends_on:
            data["aspire-depends-on"] = ", ".join(skill.depends_on)
        if skill.achieves:
            data["aspire-achieves"] = "; ".join(skill.achieves)
    return data


def _section(title: str, text: str) -> str:
    return f"## {title}\n\n{text.strip()}\n\n" if text and text.strip() else ""


def _program_body(skill: ProgramSkill, filename: str) -> str:
    s = skill.sections
    body = f"# {skill.name}\n\n{skill.description}\n\n"
    body += _section("When to use", s.get("when_to_use", ""))
    body += _section("Preconditions", s.get("preconditions", ""))
    body += _section("Postconditions", s.get("postconditions", "") or "; ".join(skill.achieves))
    body += _section("Evidence", s.get("evidence", "") + _validated(skill))
    return body + _section("How to call it", _how_to_call(skill, filename))


def _validated(skill: ProgramSkill) -> str:
    check = skill.metadata.get("validation") or {}
    if not isinstance(check, dict) or not check.get("task"):
        return ""
    seeds = check.get("seeds") or []
    return f"\n\nValidated on task `{check['task']}`" + (f", seeds {seeds}." if seeds else ".")


def _how_to_call(skill: ProgramSkill, filename: str) -> str:
    """An example program that calls the skill, and how to run it."""
    check = skill.metadata.get("validation") if isinstance(skill.metadata.get("validation"), dict) else {}
    args, words = _example_args(skill, check.get("args") if isinstance(check.get("args"), dict) else {})
    task = check.get("task")
    run = f"aspire exec program.py --task {task} --seed 0" if task else "aspire exec program.py --task FAMILY --seed 0"
    deps = f" It calls {', '.join(skill.depends_on)}, which must be in the same library." if skill.depends_on else ""
    given = f"ARGS = {words!r}  # aspire exec fills these from the scene's words\n\n\n" if words else "\n"
    return (f"A program skill for aspire's simulated robot, in [{filename}]({filename}): `{skill.signature}`."
            f"{deps} A program (a Python file that defines `run(robot)`, allowed to import `math`, `numpy` and "
            f"the library's skills) calls it:\n\n"
            f"```python\nfrom skills.{skill.name} import {skill.name}\n\n{given}def run(robot):\n"
            f"    {skill.name}(robot{''.join(', ' + a for a in args)})\n```\n\n"
            f"Run that in the sandbox with `{run}`, or with the `execute_program` tool of `aspire mcp`. "
            f"`aspire skills import` reads this folder back into a library.")


def _example_args(skill: ProgramSkill, given: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """The call's arguments and the ``ARGS`` they read: a validation argument ``"{top}"`` becomes
    ``ARGS["top"]`` (the key `aspire exec` binds to that scene slot), a literal stays as it is."""
    names = [p.name for p in skill.params[1:] if p.kind in ("positional", "keyword")
             and (p.default is None or p.name in given)]
    args, words = [], {}
    for name in names:
        value = given.get(name)
        slot = re.fullmatch(r"\{(\w+)\}", value) if isinstance(value, str) else None
        if value is not None and slot is None:
            args.append(f"{name}={value!r}")
            continue
        key = slot.group(1) if slot else name
        words[key] = f"<{key}>"
        args.append(f"{name}=ARGS[{key!r}]")
    return args, words


def _lesson_body(lesson: Lesson, filename: str) -> str:
    s = lesson.sections
    body = f"# {lesson.description}\n\n"
    body += _section("When it applies", s.get("when_it_applies", ""))
    body += _section("Failure signature", s.get("failure_signature", ""))
    body += _section("Repair strategy", s.get("repair_strategy", ""))
    body += _section("Code sketch", s.get("code_sketch", ""))
    body += _section("Evidence", s.get("evidence", ""))
    applies = lesson.metadata.get("applies_to") or []
    skills = f" It is about the skills {', '.join(map(str, applies))}." if applies else ""
    return body + _section("How to use it", (
        f"A lesson from aspire's skill library, in [{filename}]({filename}): read it when a robot program's "
        f"trace shows the failure above, and repair the program as it says.{skills} aspire's coder is handed "
        f"it while repairing such a failure; `aspire skills import` reads this folder back into a library."))


# ---------------------------------------------------------------- import

@dataclass
class Bundle:
    """One Agent Skills folder that holds an aspire skill file: its ``SKILL.md`` facts and the parsed code."""

    folder: Path
    name: str
    description: str
    code: Path
    skill: ProgramSkill | Lesson
    notes: list[str] = field(default_factory=list)


def is_agent_skills(path: str | Path) -> bool:
    """Whether ``path`` is an Agent Skills folder, or a folder of them (rather than a folder of skill files)."""
    path = Path(path)
    if not path.is_dir():
        return False
    if (path / SKILL_MD).is_file():
        return True
    if any(kind_of(p) for p in path.iterdir() if p.is_file()):
        return False  # plain skill files: the classic import
    return any(p.is_dir() and not p.name.startswith(".") for p in path.iterdir())


def read_bundles(path: str | Path) -> list[Bundle]:
    """Every Agent Skills folder at ``path`` (the folder itself, or each folder in it), read and checked.

    Raises:
        AgentSkillsError: a folder has no ``SKILL.md``, a broken front matter, no code file, or code that does
            not parse (the first such problem, in one line).
    """
    path = Path(path).expanduser()
    if (path / SKILL_MD).is_file():
        return [read_bundle(path)]
    folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        raise AgentSkillsError(f"{path}: no Agent Skills folders (each holds a {SKILL_MD})")
    return [read_bundle(f) for f in folders]


def read_bundle(folder: Path) -> Bundle:
    """One Agent Skills folder: its front matter checked and its aspire code file parsed."""
    md = folder / SKILL_MD
    if not md.is_file():
        raise AgentSkillsError(f"{folder}: no {SKILL_MD}; an Agent Skills folder holds one")
    front = front_matter(md)
    name, description = front.get("name"), front.get("description")
    for key, value in (("name", name), ("description", description)):
        if not isinstance(value, str) or not value.strip():
            raise AgentSkillsError(f"{md}: the front matter has no {key}")
    if not SPEC_NAME.match(name) or len(name) > NAME_LIMIT:
        raise AgentSkillsError(f"{md}: name {name!r} is not an Agent Skills name (a-z, 0-9 and '-', "
                               f"at most {NAME_LIMIT})")
    code = _code_file(folder, front)
    kind = kind_of(code)
    skill = parse_file(code, f"{SKILLS_DIR if kind == 'program' else LESSONS_DIR}/{code.name}")
    if isinstance(skill, ParseProblem):
        skill.path = str(code)
        raise AgentSkillsError(str(skill))
    notes = []
    if " ".join(description.split()) != _description(skill):  # a SKILL.md edited by hand, or not ours
        notes.append(f"{md}: its description differs from {code.name}'s; {code.name} is what is imported")
    return Bundle(folder, name, description, code, skill, notes)


def front_matter(md: Path) -> dict[str, Any]:
    """The YAML front matter of a ``SKILL.md`` as a mapping (one-line `AgentSkillsError` when it is broken)."""
    import yaml

    try:
        text = md.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise AgentSkillsError(f"{md}: cannot read it: {e}") from e
    match = re.match(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", text, re.S | re.M)
    if match is None:
        raise AgentSkillsError(f"{md}: broken front matter: it must start with a '---' line and end with another")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise AgentSkillsError(f"{md}: broken front matter{where}: {problem}") from None
    if not isinstance(data, dict):
        raise AgentSkillsError(f"{md}: broken front matter: expected 'key: value' lines, got {type(data).__name__}")
    return data


def _code_file(folder: Path, front: dict[str, Any]) -> Path:
    """The aspire skill file in ``folder``: the one ``metadata.aspire-file`` names, else the only one there."""
    meta = front.get("metadata") if isinstance(front.get("metadata"), dict) else {}
    named = meta.get("aspire-file")
    if named:
        path = folder / str(named)
        if Path(str(named)).name != str(named) or not path.is_file() or kind_of(path) is None:
            raise AgentSkillsError(f"{folder}: metadata aspire-file {named!r} is not a .py or .md file in it")
        return path
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != SKILL_MD and kind_of(p))
    if len(files) != 1:
        said = "none" if not files else ", ".join(p.name for p in files)
        raise AgentSkillsError(f"{folder}: expected one aspire skill file (.py program skill or .md lesson) "
                               f"beside {SKILL_MD}, found {said}")
    return files[0]


def import_bundles(lib: "Library", bundles: list[Bundle], *, replace: bool = False) -> list["ChangeResult"]:
    """Import read bundles into ``lib``, dependencies first, each committed as the person.

    A code file identical to the library's is left alone (its result has no commit and ``change`` is
    ``unchanged``). Everything is checked before the first commit.

    Raises:
        AgentSkillsError: two folders hold the same skill, a name is taken (without ``replace``), or a
            program depends on a skill neither the library nor the folders have.
    """
    from aspire_tui.skills.writes import ChangeResult

    todo = _to_import(lib, bundles, replace)
    _check_dependencies(lib, todo)
    results = []
    for bundle in _dependencies_first(todo):
        results.append(lib.import_file(bundle.code, replace=replace))
    unchanged = [b for b in bundles if b not in todo]
    return results + [ChangeResult(b.skill.name, _rel(b.skill), change="unchanged") for b in unchanged]


def _rel(skill: ProgramSkill | Lesson) -> str:
    return f"{SKILLS_DIR if skill.kind == 'program' else LESSONS_DIR}/{Path(skill.path).name}"


def _to_import(lib: "Library", bundles: list[Bundle], replace: bool) -> list[Bundle]:
    """The bundles whose code differs from the library's; a taken name without ``replace`` is refused."""
    seen: dict[str, Path] = {}
    todo = []
    for b in bundles:
        name = b.skill.name
        if name in seen:
            raise AgentSkillsError(f"{b.folder} and {seen[name]} both hold the skill {name!r}")
        seen[name] = b.folder
        target = lib.root / _rel(b.skill)
        other = lib.root / (f"{LESSONS_DIR}/{name}.md" if b.skill.kind == "program" else f"{SKILLS_DIR}/{name}.py")
        if other.exists():
            raise AgentSkillsError(f"{b.folder}: duplicate name {name!r}: {lib.rel(other)} already uses it")
        if target.is_file() and target.read_bytes() == b.code.read_bytes():
            continue
        if (target.exists() or lib.repo.tracked(_rel(b.skill))) and not replace:
            raise AgentSkillsError(f"{b.folder}: a skill named {name!r} already exists ({_rel(b.skill)}); "
                                   "use --replace to import over it")
        todo.append(b)
    return todo


def _check_dependencies(lib: "Library", todo: list[Bundle]) -> None:
    """Every program's dependencies are in the library or among the folders."""
    lib.reindex(embed=False)
    have = {r["name"] for r in lib.index.all("program")} | {b.skill.name for b in todo if b.skill.kind == "program"}
    for b in todo:
        missing = [d for d in b.skill.depends_on if d not in have]
        if missing:
            raise AgentSkillsError(f"{b.folder}: {b.skill.name} depends on {', '.join(missing)}, "
                                   "which neither the library nor the folders have")


def _dependencies_first(todo: list[Bundle]) -> list[Bundle]:
    """Lessons, then programs, each after the programs it depends on (a cycle is the library's to refuse)."""
    by_name = {b.skill.name: b for b in todo}
    order: list[Bundle] = [b for b in todo if b.skill.kind == "lesson"]
    placed: set[str] = set()

    def place(b: Bundle, path: tuple[str, ...] = ()) -> None:
        if b.skill.name in placed or b.skill.name in path:
            return
        for dep in b.skill.depends_on:
            if dep in by_name:
                place(by_name[dep], path + (b.skill.name,))
        placed.add(b.skill.name)
        order.append(b)

    for b in todo:
        if b.skill.kind == "program":
            place(b)
    return order
