"""Every write to a library is a checked, journalled git commit: agent saves, human edits,
imports and undo.

``Library`` holds one ``Writer``. Each write holds the writer lock,
brings the index up to date so the checks see the library as it is, refuses
a change that breaks it (``SkillInvalid``) or would clobber someone's work
(``SkillConflict``), commits with trailers, and reindexes the changed file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aspire_tui.skills import journal
from aspire_tui.skills.checks import DependencyChecks
from aspire_tui.skills.errors import LibraryError, SkillConflict, SkillInvalid, UnknownSkill
from aspire_tui.skills.folder import LibraryFolder
from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR, TASKS_DIR, is_skill_file
from aspire_tui.skills.repo import AGENT, Identity, RepoError, format_message, git_errors, person_identity
from aspire_tui.skills.reindex import Reindexer
from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill, blob_hash, kind_of, parse_bytes, parse_file


@dataclass
class ChangeResult:
    """What one write did: the skill, its path, the commit (or why there is none)."""

    name: str
    path: str
    sha: str = ""
    change: str = ""
    problems: list[ParseProblem] = field(default_factory=list)

    @property
    def committed(self) -> bool:
        return bool(self.sha)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "sha": self.sha, "change": self.change,
                "committed": self.committed, "problems": [p.to_dict() for p in self.problems]}


class Writer:
    """Every write to one library: checked against its dependency graph, committed, then reindexed."""

    def __init__(self, folder: LibraryFolder, checks: DependencyChecks, reindexer: Reindexer) -> None:
        self.folder = folder
        self.checks = checks
        self.reindexer = reindexer

    def save(self, name: str, source: str, *, change: str = "new", summary: str = "", why: str = "",
             task: str | None = None, run: str | None = None, success: str | None = None,
             model: str | None = None, kind: str | None = None,
             author: Identity | None = None, trailers: dict[str, str] | None = None) -> ChangeResult:
        """Write a skill or lesson as the agent (or ``author``) and commit it with trailers.

        Args:
            change: ``new`` or ``refine`` (a human edit uses ``commit_edits``).
            summary: the commit's subject; ``why`` its body (what failed, what changed).
            success: validation result such as ``"9/10"``.
            trailers: more ``Aspire-*`` trailers (the search's figures, ``Aspire-Search``).

        Raises:
            SkillInvalid: the file does not parse, or breaks a dependency.
            SkillConflict: ``new`` over an existing skill, or the file has uncommitted edits.
        """
        data = source.encode("utf-8")
        paths = {"program": f"{SKILLS_DIR}/{name}.py", "lesson": f"{LESSONS_DIR}/{name}.md"}
        if kind is None:  # a program skill if it parses as one, else a lesson if it parses as one
            skill = parse_bytes(data, paths["program"])
            if isinstance(skill, ParseProblem):
                lesson = parse_bytes(data, paths["lesson"])
                looks_like_markdown = source.lstrip().startswith(("---", "# "))
                if isinstance(lesson, Lesson) or looks_like_markdown:
                    skill = lesson
        else:
            skill = parse_bytes(data, paths[kind])
        if isinstance(skill, ParseProblem):
            raise SkillInvalid([skill])
        rel = skill.path
        author = author or Identity(*AGENT)
        with self.folder.lock(f"save {name}"):
            self.check_writable()
            target = self.folder.root / rel
            exists = target.exists() or self.folder.repo.tracked(rel)
            if change == "new" and exists:
                raise SkillConflict(f"a skill named {name!r} already exists ({rel}); refine it instead")
            if change != "new" and not exists:
                raise UnknownSkill(f"no skill named {name!r} to {change}")
            if self.folder.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits (a person is editing it?); "
                                    "they were left alone: commit or discard them first")
            self.reindexer.reindex(embed=False)
            problems = self.checks.check_change(skill, rel)
            if problems:
                raise SkillInvalid(problems)
            subject = summary or (f"Add skill {name}" if change == "new" else f"Refine skill {name}")
            message = format_message(subject, why, {
                "Aspire-Task": task, "Aspire-Run": run, "Aspire-Success": success,
                "Aspire-Model": model, **(trailers or {}), "Aspire-Change": change})
            sha = self.write_and_commit(rel, data, message, author)
            self.reindexer.reindex(paths=[rel])
        return ChangeResult(name, rel, sha, change)

    def keep_task(self, name: str, text: str, why: str = "") -> str:
        """Commit a task file made from a person's words as ``tasks/<name>.toml``, so that the skill validated
        on it can be validated again (`aspire skills test`, a later refinement); the task's name, unchanged
        when the library already keeps the same file. Returns the name it is kept under.

        Raises:
            LibraryError: the text is not a task file the loader accepts, or the commit failed.
        """
        from sim.errors import TaskFileError
        from sim.tasks import keep_task
        from sim.taskspec import parse_task

        try:
            parse_task(text, f"{TASKS_DIR}/{name}.toml")
        except TaskFileError as e:
            raise LibraryError(f"task {name!r} not kept: {e}") from e
        rel = f"{TASKS_DIR}/{name}.toml"
        with self.folder.lock(f"keep task {name}"):
            self.check_writable()
            target = self.folder.root / rel
            if target.exists() and target.read_text(encoding="utf-8") == text:
                return name
            if target.exists():
                raise LibraryError(f"a different task named {name!r} is kept already ({rel})")
            message = format_message(f"Keep task {name}", why or "Made from a person's words; a skill validated on it.",
                                     {"Aspire-Change": "new-task"})
            self.write_and_commit(rel, text.encode("utf-8"), message, Identity(*AGENT))
        keep_task(name, text)
        return name

    def commit_edits(self, paths: list[str] | None = None, *, author: Identity | None = None,
                     change: str = "human-edit", why: str = "") -> list[ChangeResult]:
        """Commit skill files that people changed, one commit each, after checking them.

        An invalid file is reported (``problems``) and not committed; its last
        committed version stays in the index. A deletion that would strand
        other skills is reported and not committed.
        """
        author = author or person_identity(self.folder.root)
        results: list[ChangeResult] = []
        with self.folder.lock("commit edits"):
            self.check_writable()
            wanted = None
            if paths is not None:
                wanted = [self.folder.rel(p) if Path(p).is_absolute() else p for p in paths]
                dirty = [p for p in self.folder.repo.dirty_paths(tuple(wanted) or ("skills", "lessons"))
                         if is_skill_file(p) and p in wanted]
            else:
                dirty = [p for p in self.folder.repo.dirty_paths() if is_skill_file(p)]
            self.reindexer.reindex(embed=False, paths=wanted)
            for rel in dirty:
                results.append(self._commit_edit(rel, author, change, why))
            self.reindexer.reindex(paths=wanted)
        return results

    def _commit_edit(self, rel: str, author: Identity, change: str, why: str) -> ChangeResult:
        """Check and commit one file a person changed or deleted."""
        name = Path(rel).stem
        target = self.folder.root / rel
        if not target.exists():
            problems = self.checks.check_change(None, rel)
            if problems:
                return ChangeResult(name, rel, problems=[ParseProblem(
                    rel, 0, 0, f"deleted, but {problems[0].reason}; deletion not committed "
                    f"(restore it with `git -C {self.folder.root} checkout -- {rel}`)", name)])
            message = format_message(f"Delete skill {name}", why or "Removed by hand.", {"Aspire-Change": change})
            return ChangeResult(name, rel, self._commit_existing(rel, None, message, author), change)
        skill = parse_file(target, rel)
        if isinstance(skill, ParseProblem):
            return ChangeResult(name, rel, problems=[skill])
        problems = self.checks.check_change(skill, rel)
        if problems:
            return ChangeResult(name, rel, problems=problems)
        verb = "Add" if not self.folder.repo.tracked(rel) else "Edit"
        what = "lesson" if skill.kind == "lesson" else "skill"
        body = why or describe_edit(self.folder.repo.show(rel), skill, target)
        message = format_message(f"{verb} {what} {name} by hand", body, {"Aspire-Change": change})
        return ChangeResult(name, rel, self._commit_existing(rel, skill.blob, message, author), change)

    def import_file(self, path: str | Path, *, replace: bool = False,
                    author: Identity | None = None) -> ChangeResult:
        """Copy a skill or lesson file from outside into the library and commit it as the person."""
        src = Path(path).expanduser()
        kind = kind_of(src)
        if kind is None:
            raise LibraryError(f"{src}: not a skill file (expected a .py program skill or a .md lesson)")
        if not src.is_file():
            raise LibraryError(f"{src}: no such file")
        rel = f"{SKILLS_DIR if kind == 'program' else LESSONS_DIR}/{src.name}"
        skill = parse_file(src, rel)
        if isinstance(skill, ParseProblem):
            skill.path = str(src)
            raise SkillInvalid([skill])
        author = author or person_identity(self.folder.root)
        with self.folder.lock(f"import {skill.name}"):
            self.check_writable()
            exists = (self.folder.root / rel).exists() or self.folder.repo.tracked(rel)
            if exists and not replace:
                raise SkillConflict(f"a skill named {skill.name!r} already exists ({rel}); "
                                    "use --replace to import over it")
            if self.folder.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits; commit or discard them first")
            self.reindexer.reindex(embed=False)
            problems = self.checks.check_change(skill, rel)
            if problems:
                raise SkillInvalid(problems)
            change = "human-edit" if exists else "new"
            message = format_message(f"Import {skill.kind} {skill.name} from {src.name}",
                                     f"Imported by hand from {src.resolve()}.", {"Aspire-Change": change})
            sha = self.write_and_commit(rel, src.read_bytes(), message, author)
            self.reindexer.reindex(paths=[rel])
        return ChangeResult(skill.name, rel, sha, change)

    def undo(self, name: str, *, author: Identity | None = None) -> ChangeResult:
        """Revert the last commit that changed ``name`` (a new commit; history is never rewritten)."""
        rel = self.folder.path_of(name)
        author = author or person_identity(self.folder.root)
        with self.folder.lock(f"undo {name}"):
            self.check_writable()
            if self.folder.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits; commit or discard them before undo")
            history = self.folder.repo.log(rel, limit=1)
            if not history:
                raise LibraryError(f"{rel} has no commits to undo")
            last = history[0]
            has_parent = bool(self.folder.repo.repo.commit(last.sha).parents)
            before = self.folder.repo.show(rel, f"{last.sha}^") if has_parent else None
            self.reindexer.reindex(embed=False)
            if before is None:
                problems = self.checks.check_change(None, rel)
            else:
                skill = parse_bytes(before, rel)
                problems = [skill] if isinstance(skill, ParseProblem) else self.checks.check_change(skill, rel)
            if problems:
                raise SkillInvalid([ParseProblem(rel, 0, 0, f"undo would break the library: {p.reason}", name)
                                    for p in problems])
            message = format_message(
                f"Revert \"{last.summary}\" ({name})",
                f"Undo {last.sha[:8]} by {last.author}, which was a {last.change or 'change'} of {rel}.\n\n"
                f"This reverts commit {last.sha}.",
                {"Aspire-Change": "revert"})
            with journal.pending(self.folder.state_dir, "revert", sha=last.sha):
                try:
                    sha = self.folder.repo.revert(last.sha, [rel], message, author)
                except RepoError as e:
                    raise LibraryError(str(e)) from e
            self.reindexer.reindex()
        return ChangeResult(name, rel, sha, "revert")

    def check_writable(self) -> None:
        """Raise ``LibraryError`` unless a commit may go on top of HEAD (a branch, no merge or rebase running)."""
        try:
            self.folder.repo.check_writable()
        except RepoError as e:
            raise LibraryError(str(e)) from e

    def write_and_commit(self, rel: str, data: bytes, message: str, author: Identity) -> str:
        """Write ``data`` to ``rel`` atomically and commit it, journalled so a crash is finished later."""
        target = self.folder.root / rel
        with journal.pending(self.folder.state_dir, "commit", blobs={rel: blob_hash(data)},
                             message=message, author=[author.name, author.email]):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.aspire-tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            return self._git_commit(rel, message, author)

    def _commit_existing(self, rel: str, blob: str | None, message: str, author: Identity) -> str:
        """Commit ``rel`` as it is in the working tree (``blob`` None: deleted), journalled."""
        with journal.pending(self.folder.state_dir, "commit", blobs={rel: blob}, message=message,
                             author=[author.name, author.email]):
            return self._git_commit(rel, message, author)

    def _git_commit(self, rel: str, message: str, author: Identity) -> str:
        try:
            return self.folder.repo.commit([rel], message, author)
        except git_errors() as e:
            raise LibraryError(f"git commit failed for {rel}: {one_line(e)}") from e


def describe_edit(before: bytes | None, skill: ProgramSkill | Lesson, target: Path) -> str:
    """A commit body for a human edit: lines added and removed, a new description or signature."""
    if before is None:
        return f"New {skill.kind} written by hand: {skill.description}"
    old = before.decode("utf-8", "replace").splitlines()
    new_text = ""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        new_text = target.read_text("utf-8")
    added, removed = changed_lines(old, new_text.splitlines()) if new_text else (0, 0)
    old_skill = parse_bytes(before, skill.path)
    notes = []
    if isinstance(old_skill, (ProgramSkill, Lesson)) and old_skill.description != skill.description:
        notes.append(f"description now: {skill.description}")
    if isinstance(old_skill, ProgramSkill) and isinstance(skill, ProgramSkill) \
            and old_skill.signature != skill.signature:
        notes.append(f"signature now: {skill.signature}")
    summary = "Edited by hand in an editor."
    if added or removed:
        summary += f" {added} lines added, {removed} removed."
    return "\n".join([summary] + notes)


def changed_lines(before: list[str], after: list[str]) -> tuple[int, int]:
    """(lines added, lines removed) going from ``before`` to ``after``."""
    import difflib

    added = removed = 0
    for line in difflib.unified_diff(before, after, lineterm="", n=0):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
    return added, removed


def one_line(e: BaseException) -> str:
    """The first useful line of a git error."""
    text = getattr(e, "stderr", None) or str(e)
    for line in str(text).splitlines():
        line = line.strip().removeprefix("stderr:").strip(" '")
        if line:
            return line
    return type(e).__name__
