"""The skill library: one folder that is its own git repository, with its index beside it.

``Library`` is the facade the CLI, the app, the agent and the watcher use:
opening and first-run seeding (here) on top of the folder, repo, index and
writer lock it shares with its parts (``folder.py``). It holds those parts:
``checks`` (the checks a change must pass, ``checks.py``), ``reindexer``
(``reindex.py``) and ``writer`` (every write, ``writes.py``). The folder
layout is in ``layout.py``; all writes hold the writer lock, go through
``SkillRepo`` and leave the index up to date.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from aspire_tui.skills.checks import DependencyChecks
from aspire_tui.skills.errors import LibraryError, SkillConflict, SkillInvalid, UnknownSkill
from aspire_tui.skills.folder import LibraryFolder
from aspire_tui.skills.layout import (LESSONS_DIR, RUNS_DIR, SKILLS_DIR, STATE_DIR, default_library_path,
                                      is_skill_file, seed_dir, write_gitignore)
from aspire_tui.skills.lock import WriterLock
from aspire_tui.skills.reindex import ReindexReport, Reindexer
from aspire_tui.skills.repo import AGENT, Identity, RepoError, SkillRepo, format_message, person_identity
from aspire_tui.skills.skillfile import (MAX_SKILL_BYTES, Lesson, ParseProblem, ProgramSkill, blob_hash, from_kept,
                                        parse_file, parser_id)
from aspire_tui.skills.writes import ChangeResult, Writer

# Library's API: the class, what its methods return, and what they raise.
__all__ = ["ChangeResult", "Library", "LibraryError", "ReindexReport", "SkillConflict", "SkillInvalid",
           "UnknownSkill"]


class Library(LibraryFolder):
    """One skill library on disk. Open with ``Library.open()``."""

    def __init__(self, root: Path, repo: SkillRepo, embedding_model: str | None = None) -> None:
        super().__init__(root, repo, embedding_model)
        self.checks = DependencyChecks(self)
        self.reindexer = Reindexer(self, self.checks)
        self.writer = Writer(self, self.checks, self.reindexer)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path | None = None, *, embedding_model: str | None = None,
             create: bool = True) -> "Library":
        """Open the library at ``path`` (default: ``default_library_path()``), seeding it on first use."""
        root = Path(path).expanduser() if path else default_library_path()
        root = root.resolve()
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a skill library folder")
        if (root / ".git").exists() and ((root / SKILLS_DIR).is_dir() or (root / LESSONS_DIR).is_dir()):
            return cls._open(root, embedding_model, create)
        if not create and not root.exists():
            raise LibraryError(f"no skill library at {root}")
        if root.exists() and any(p.name not in (".git", STATE_DIR) for p in root.iterdir()):
            return cls._open(root, embedding_model, create)  # someone's folder: _open says what it is
        # First use: two openers at once (the app's workers, a CLI beside them) must not both create it.
        root.mkdir(parents=True, exist_ok=True)
        with WriterLock(root / STATE_DIR / "write.lock", "create"):
            return cls._open(root, embedding_model, create)

    @classmethod
    def _open(cls, root: Path, embedding_model: str | None, create: bool) -> "Library":
        lib = cls._open_folder(root, embedding_model, create)
        lib.publish_tasks()
        return lib

    @classmethod
    def _open_folder(cls, root: Path, embedding_model: str | None, create: bool) -> "Library":
        # runs/ alone is aspire's own too: `aspire demo` and `aspire exec` keep traces there before any library
        fresh = not root.exists() or all(p.name in (STATE_DIR, RUNS_DIR) for p in root.iterdir())
        if fresh:
            if not create:
                raise LibraryError(f"no skill library at {root}")
            return cls._create(root, embedding_model)
        if not (root / ".git").exists():
            if (root / SKILLS_DIR).is_dir() or (root / LESSONS_DIR).is_dir():
                repo = SkillRepo.init(root)
                write_gitignore(root)
                lib = cls(root, repo, embedding_model)
                with lib.lock("adopt"):
                    repo.commit_all(format_message(
                        "Start tracking this skill library with git",
                        "The folder held skill files but no repository; they are committed as found.",
                        {"Aspire-Change": "human-edit"}), person_identity(root))
                return lib
            raise LibraryError(f"{root} is not empty and is not a skill library "
                               "(no .git, skills/ or lessons/); pick another --library")
        try:
            repo = SkillRepo(root)
        except RepoError as e:
            raise LibraryError(str(e)) from e
        lib = cls(root, repo, embedding_model)
        # no files, or files and no commit yet: another thread or process may be seeding it (it copies the
        # files, then commits them), so wait for its lock, then look again
        if not lib._has_files() or not repo.has_commits():
            with lib.lock("seed"):
                if not lib._has_files():
                    only_git = {p.name for p in root.iterdir()} <= {".git", ".gitignore", STATE_DIR}
                    if repo.has_commits() or not only_git:
                        raise LibraryError(f"{root} is a git repository but not a skill library (no skills/ "
                                           "or lessons/); pick another --library")
                    lib._seed()
        return lib

    def _has_files(self) -> bool:
        return (self.root / SKILLS_DIR).is_dir() or (self.root / LESSONS_DIR).is_dir()

    @classmethod
    def _create(cls, root: Path, embedding_model: str | None) -> "Library":
        try:
            repo = SkillRepo.init(root)
        except RepoError as e:
            raise LibraryError(str(e)) from e
        lib = cls(root, repo, embedding_model)
        with lib.lock("seed"):
            if not lib._has_files():  # seeded meanwhile by another opener
                lib._seed()
        return lib

    def _seed(self) -> None:
        write_gitignore(self.root)
        source = seed_dir()
        copied = 0
        for folder, pattern in ((SKILLS_DIR, "*.py"), (LESSONS_DIR, "*.md")):
            (self.root / folder).mkdir(exist_ok=True)
            for src in sorted((source / folder).glob(pattern)):
                if is_skill_file(f"{folder}/{src.name}"):
                    shutil.copyfile(src, self.root / folder / src.name)
                    copied += 1
        self.repo.commit_all(format_message(
            f"Seed the skill library with {copied} skills and lessons",
            "First use: copied the seed program skills and lessons shipped with aspire (skills_repo/).",
            {"Aspire-Change": "new"}), Identity(*AGENT), allow_empty=True)

    def publish_tasks(self) -> None:
        """Make the task files this library keeps findable by name (`sim.tasks.get_task`) in every process
        on this machine: a skill validated on a task made from words is tested on it again later."""
        from sim.tasks import keep_task

        for path in sorted(self.tasks_dir.glob("*.toml")) if self.tasks_dir.is_dir() else []:
            keep_task(path.stem, path.read_text(encoding="utf-8"))

    # ------------------------------------------------------------ reading

    def get(self, name: str) -> ProgramSkill | Lesson:
        """Parse a skill or lesson by name from the working tree (raises on problems)."""
        rel = self.path_of(name)
        result = self._kept_parse(rel)
        if result is None:
            result = parse_file(self.root / rel, rel)
            if isinstance(result, ParseProblem):
                raise SkillInvalid([result])
            with contextlib.suppress(Exception):  # keeping it only spares the next reader the parse
                self.index.keep_parse(result)
        return result

    def _kept_parse(self, rel: str) -> ProgramSkill | Lesson | None:
        """The parse the index keeps for ``rel`` when the file holds the bytes it was made from, by this
        parser; None otherwise (parsing and checking a skill is most of what reading it costs)."""
        path = self.root / rel
        try:
            if path.stat().st_size > MAX_SKILL_BYTES:
                return None
            blob = blob_hash(path.read_bytes())
            kept = self.index.parsed(rel)
        except Exception:  # noqa: BLE001 - no file, or an index that cannot answer: parse the file, which says why
            return None
        if kept is None or kept[0] != blob or kept[1] != parser_id() or not kept[2]:
            return None
        return from_kept(kept[2])

    def source(self, name: str) -> str:
        """The text of a skill or lesson (the committed version if the file was deleted)."""
        rel = self.path_of(name)
        try:
            return (self.root / rel).read_text("utf-8", errors="replace")
        except FileNotFoundError:
            data = self.repo.show(rel)
            return data.decode("utf-8", "replace") if data is not None else ""

    def search(self, query: str, k: int = 5, *, kind: str | None = None, category: str | None = None,
               embodiment: str | None = None, mode: str = "fused"):
        """Top ``k`` skills for a plain-language ``query`` (see ``search.search``)."""
        from aspire_tui.skills.search import search

        embedder = self.embedder if mode != "keyword" else None
        return search(self.index, embedder, query, k=k, kind=kind, category=category,
                      embodiment=embodiment, mode=mode)

    def lessons_for(self, error_type: str, *, call: str = "", message: str = "",
                    evidence: dict[str, Any] | None = None, k: int = 3):
        """Lessons whose failure signature fits a trace's failure (for the coder while repairing)."""
        from aspire_tui.skills.search import find_lessons

        return find_lessons(self.index, self.embedder, error_type, call=call, message=message,
                            evidence=evidence, k=k)

    def log(self, name: str, limit: int = 50):
        """The commits that changed ``name``, newest first."""
        return self.repo.log(self.path_of(name), limit=limit)

    def diff(self, name: str, rev: str | None = None) -> str:
        """``git diff`` of ``name`` against ``rev`` (default: its last commit)."""
        try:
            return self.repo.diff(self.path_of(name), rev)
        except RepoError as e:
            raise LibraryError(str(e)) from e

    def record_use(self, name: str, success: bool, episode_s: float | None = None, **kwargs: Any) -> None:
        """Count a use of a skill by a run (statistics live in the index, never in commits)."""
        self.index.record_use(name, success, episode_s, **kwargs)

    # ------------------------------------------------------------ writes (the parts do the work)

    def reindex(self, **kwargs: Any) -> ReindexReport:
        """Bring the index up to date with the files (see ``Reindexer.reindex``)."""
        return self.reindexer.reindex(**kwargs)

    def save(self, name: str, source: str, **kwargs: Any) -> ChangeResult:
        """Write a skill or lesson and commit it with trailers (see ``Writer.save``)."""
        return self.writer.save(name, source, **kwargs)

    def keep_task(self, name: str, text: str, why: str = "") -> str:
        """Commit a task file made from words as ``tasks/<name>.toml`` (see ``Writer.keep_task``)."""
        return self.writer.keep_task(name, text, why)

    def commit_edits(self, paths: list[str] | None = None, **kwargs: Any) -> list[ChangeResult]:
        """Check and commit skill files that people changed (see ``Writer.commit_edits``)."""
        return self.writer.commit_edits(paths, **kwargs)

    def import_file(self, path: str | Path, **kwargs: Any) -> ChangeResult:
        """Copy a skill or lesson file into the library and commit it (see ``Writer.import_file``)."""
        return self.writer.import_file(path, **kwargs)

    def undo(self, name: str, **kwargs: Any) -> ChangeResult:
        """Revert the last commit that changed ``name`` (see ``Writer.undo``)."""
        return self.writer.undo(name, **kwargs)
