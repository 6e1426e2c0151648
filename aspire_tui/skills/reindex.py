"""Bringing the index up to date with the skill files.

``Library`` holds one ``Reindexer``. A reindex runs in two steps:

1. under the writer lock, re-read only files whose size, mtime or blob
   changed (tree-sitter), update their rows and FTS entries, check
   dependencies, and reuse the stored vector of any row whose embedded text
   did not change (an edit to a skill's code alone needs no new embedding);
2. embed the texts still missing a vector *outside* the lock, in batches,
   then take the lock briefly per batch to store them, skipping any row that
   another writer changed meanwhile (the next reindex embeds it). Embedding
   10k skills takes minutes; the CLI, the watcher and the agent keep writing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aspire_tui.skills import embeddings as emb
from aspire_tui.skills.checks import DependencyChecks
from aspire_tui.skills.folder import LibraryFolder
from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR, is_skill_file, scan_skill_files
from aspire_tui.skills.repo import git_errors
from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill, parse_bytes, parse_file

EMBED_BATCH = 64  # texts embedded per lock-free batch; each batch's vectors are stored under the lock


@dataclass
class ReindexReport:
    """What a reindex did; ``problems`` are files kept out of the index (or kept at their last good version)."""

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
class _ToEmbed:
    skill_id: int
    kind: str
    text_hash: str
    text: str


class Reindexer:
    """Keeps a library's index in step with its files."""

    def __init__(self, folder: LibraryFolder, checks: DependencyChecks) -> None:
        self.folder = folder
        self.checks = checks

    def reindex(self, *, full: bool = False, embed: bool = True, timeout: float = 30.0,
                paths: list[str] | None = None) -> ReindexReport:
        """Bring the index up to date with the files; only files whose blob changed are re-read.

        Args:
            full: re-read every file (the index's rows are rebuilt).
            embed: compute missing embeddings (False leaves vector search stale).
            timeout: seconds to wait for the writer lock.
            paths: only these library-relative files changed (the watcher and the writers
                know): skip the scan of every file.
        """
        started = time.perf_counter()
        with self.folder.lock("reindex", timeout=timeout):
            try:
                report, wanted = self._update_rows(full, embed, None if full else paths)
            except Exception as e:  # noqa: BLE001 - sqlean and sqlite3 raise their own classes
                if not is_corruption(e):
                    raise
                self.folder.close()
                self.folder.index_path.unlink(missing_ok=True)
                self.folder.notes.append(f"the index was damaged ({e}); rebuilt it from the files")
                report, wanted = self._update_rows(True, embed, None)
            todo = self._reuse_or_queue(wanted) if embed else []
        if todo:
            report.embedded = self._embed(todo, timeout)
        report.notes = self.folder.notes + report.notes
        self.folder.notes = []
        report.seconds = time.perf_counter() - started
        return report

    def _update_rows(self, full: bool, embed: bool,
                     paths: list[str] | None) -> tuple[ReindexReport, list[str] | None]:
        """Step 1 (caller holds the lock): rows, FTS and checks. Returns the report and the files looked at
        (None: all)."""
        index = self.folder.index
        report = ReindexReport()
        if embed and (index.model_id != self.folder.model_id or index.dim is None or not index.has_vectors()):
            if index.model_id and index.model_id != self.folder.model_id:
                report.notes.append(f"embedding model changed from {index.model_id} to {self.folder.model_id}: "
                                    "re-embedding every skill")
            index.reset_vectors(self.folder.model_id, self.folder.embedder.dim)
            paths = None
        if paths is not None and not index.count():
            paths = None  # an index never filled: every file, or a change is checked against a library of one
        wanted: list[str] | None = None
        if paths is None:
            disk = scan_skill_files(self.folder.root)
            known = index.known()
        else:
            wanted = [p for p in dict.fromkeys(paths) if is_skill_file(p)]
            disk = {}
            for rel in wanted:
                with contextlib.suppress(FileNotFoundError):
                    st = (self.folder.root / rel).stat()
                    if stat.S_ISREG(st.st_mode):
                        disk[rel] = st
            known = index.known(wanted)
        with index.db.atomic():
            parsed = self._changed_files(disk, known, full, report)
            parsed += self._missing_files(disk, known, full, report)
            # in path order, not the file system's: rows get the same ids on every machine, and searches
            # rank ties (by id) the same everywhere
            parsed.sort(key=lambda p: p[0].path)
            for skill, mtime, size, stale in parsed:
                row = index.db.execute("select path from skills where name = ?", [skill.name]).fetchone()
                other = row[0] if row else None
                if other and other != skill.path and (self.folder.root / other).exists():
                    report.problems.append(ParseProblem(skill.path, 0, 0, f"duplicate name {skill.name!r}: "
                                                        f"{other} already uses it; rename one", skill.name))
                    continue
                existed = skill.path in known
                index.upsert(skill, mtime_ns=mtime, size=size, stale=stale)
                (report.updated if existed else report.added).append(skill.name)
            if wanted is None:
                report.problems += self.checks.dependency_problems()
            else:
                graph, only = self.checks.graph_around({Path(p).stem for p in wanted})
                report.problems += self.checks.dependency_problems(only=only, graph=graph)
                report.unchanged += index.count() - len(parsed) - report.unchanged
        return report, wanted

    def _changed_files(self, disk: dict[str, os.stat_result], known: dict[str, dict[str, Any]],
                       full: bool, report: ReindexReport) -> list[tuple[Any, int | None, int | None, bool]]:
        """(skill, mtime, size, stale) for files on disk that are new or changed since they were indexed.

        A file that does not parse is reported; its last committed version stays indexed (stale).
        """
        parsed: list[tuple[Any, int | None, int | None, bool]] = []
        for rel, st in disk.items():
            row = known.get(rel)
            if not full and row and not row["stale"] and row["mtime_ns"] == st.st_mtime_ns \
                    and row["size"] == st.st_size:
                report.unchanged += 1
                continue
            result = parse_file(self.folder.root / rel, rel)
            if isinstance(result, ParseProblem):
                fallback = self._committed_version(rel)
                report.problems.append(result)
                if fallback is None:
                    if row:
                        self.folder.index.remove(rel)
                        report.removed.append(row["name"])
                    continue
                report.stale.append(rel)
                if row and row["stale"] and row["blob"] == fallback.blob and not full:
                    report.unchanged += 1
                    continue
                parsed.append((fallback, st.st_mtime_ns, st.st_size, True))
                continue
            if row and not full and not row["stale"] and row["blob"] == result.blob:
                self.folder.index.touch(rel, st.st_mtime_ns, st.st_size)
                report.unchanged += 1
                continue
            parsed.append((result, st.st_mtime_ns, st.st_size, False))
        return parsed

    def _missing_files(self, disk: dict[str, os.stat_result], known: dict[str, dict[str, Any]],
                       full: bool, report: ReindexReport) -> list[tuple[Any, None, None, bool]]:
        """Indexed or tracked files gone from disk: removed if the deletion is committed, else kept stale."""
        parsed: list[tuple[Any, None, None, bool]] = []
        for rel, row in known.items():
            if rel in disk:
                continue
            committed = self.folder.repo.show(rel)
            if committed is not None:  # deleted in the working tree, not in git
                report.problems.append(ParseProblem(rel, 0, 0, "deleted but the deletion is not committed; "
                                                    "the committed version stays indexed", row["name"]))
                report.stale.append(rel)
                skill = parse_bytes(committed, rel)
                if isinstance(skill, (ProgramSkill, Lesson)):
                    if not (row["stale"] and row["blob"] == skill.blob) or full:
                        parsed.append((skill, None, None, True))
                    continue
            self.folder.index.remove(rel)
            report.removed.append(row["name"])
        for rel in (self._deleted_tracked(disk, known) if full or not known else []):
            committed = self.folder.repo.show(rel)
            skill = parse_bytes(committed, rel) if committed is not None else None
            if isinstance(skill, (ProgramSkill, Lesson)):
                report.problems.append(ParseProblem(rel, 0, 0, "deleted but the deletion is not committed; "
                                                    "the committed version stays indexed", skill.name))
                report.stale.append(rel)
                parsed.append((skill, None, None, True))
        return parsed

    def _deleted_tracked(self, disk: dict[str, Any], known: dict[str, Any]) -> list[str]:
        """Tracked skill files missing from disk and from the index (e.g. deleted before a rebuild)."""
        if self.folder.repo.head_sha() is None:
            return []
        try:
            out = self.folder.repo.repo.git.ls_files("--deleted", "--", SKILLS_DIR, LESSONS_DIR)
        except git_errors():
            return []
        return [rel for rel in out.splitlines() if is_skill_file(rel) and rel not in disk and rel not in known]

    def _committed_version(self, rel: str) -> ProgramSkill | Lesson | None:
        committed = self.folder.repo.show(rel)
        if committed is None:
            return None
        skill = parse_bytes(committed, rel)
        return skill if isinstance(skill, (ProgramSkill, Lesson)) else None

    def _reuse_or_queue(self, paths: list[str] | None) -> list[_ToEmbed]:
        """Rows without a vector (caller holds the lock): take a stored vector of the same text, else queue."""
        index = self.folder.index
        missing = index.missing_embeddings(paths)
        if not missing:
            return []
        model_id = self.folder.embedder.model_id
        todo: list[_ToEmbed] = []
        with index.db.atomic():
            for skill_id, kind, text in missing:
                th = emb.text_hash(model_id, text or "")
                if not index.reuse_embedding(skill_id, kind, th):
                    todo.append(_ToEmbed(skill_id, kind, th, text or ""))
        return todo

    def _embed(self, todo: list[_ToEmbed], timeout: float) -> int:
        """Step 2: embed ``todo`` in batches without the lock; store each batch under it. Returns how many
        rows got vectors."""
        embedder = self.folder.embedder
        stored = 0
        for start in range(0, len(todo), EMBED_BATCH):
            batch = todo[start:start + EMBED_BATCH]
            vectors = embedder.embed_documents([t.text for t in batch])
            with self.folder.lock("reindex: store embeddings", timeout=timeout):
                index = self.folder.index
                if index.model_id != embedder.model_id:
                    return stored  # another writer switched models; its reindex embeds everything
                with index.db.atomic():
                    for i, item in enumerate(batch):
                        if index.text_hash_now(item.skill_id, model_id=embedder.model_id) != item.text_hash:
                            continue
                        index.set_embedding(item.skill_id, item.kind, item.text_hash, vectors[i])
                        stored += 1
        return stored


def is_corruption(e: BaseException) -> bool:
    """A SQLite error that means the index file is damaged (not busy, not a bug)."""
    words = ("malformed", "not a database", "disk image", "file is encrypted", "database corrupt")
    return type(e).__name__ == "DatabaseError" and any(w in str(e).lower() for w in words)
