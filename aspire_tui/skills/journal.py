"""The pending-change journal: how a writer that dies mid-change is finished or undone.

Before a commit, revert or merge, the writer records what it is about to do
in ``.aspire/pending.json`` and removes the record when done. The next writer
that finds the lock stale (its holder died) calls ``recover``: it clears git's
own ``index.lock``, drops our half-written temp files, finishes a commit
whose files are on disk exactly as recorded, and aborts a half-done merge.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, Iterator

from aspire_tui.skills.layout import LESSONS_DIR, SKILLS_DIR, safe_rel
from aspire_tui.skills.repo import Identity, SkillRepo, git_errors
from aspire_tui.skills.skillfile import blob_hash

JOURNAL = "pending.json"


@contextlib.contextmanager
def pending(state_dir: Path, op: str, **data: Any) -> Iterator[None]:
    """Record ``op`` (``commit``, ``revert``, ``merge``) and its data for the length of the block."""
    journal = state_dir / JOURNAL
    journal.parent.mkdir(parents=True, exist_ok=True)
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps({"op": op, **data}), "utf-8")
    os.replace(tmp, journal)
    yield
    journal.unlink(missing_ok=True)


def recover(root: Path, repo: SkillRepo, state_dir: Path, holder: dict[str, Any]) -> list[str]:
    """Finish or undo what the dead ``holder`` of the writer lock left; returns notes for the user."""
    notes: list[str] = []
    what = f"pid {holder.get('pid')} ({holder.get('purpose')})"
    if repo.clear_stale_index_lock():
        notes.append(f"removed .git/index.lock left by {what}, which died mid-commit")
    for folder in (root / SKILLS_DIR, root / LESSONS_DIR):
        for tmp in folder.glob(".*.aspire-tmp"):
            tmp.unlink(missing_ok=True)
    journal = state_dir / JOURNAL
    if not journal.exists():
        return notes
    try:
        record = json.loads(journal.read_text("utf-8"))
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)
        return notes
    if record.get("op") == "merge" and (repo.git_dir / "MERGE_HEAD").exists():
        with contextlib.suppress(*git_errors()):
            repo.repo.git.merge("--abort")
        notes.append(f"aborted the merge that {what} left half done; run pull again")
    elif record.get("op") == "commit":
        blobs: dict[str, str | None] = record.get("blobs", {})
        matches = all(
            (blob_hash((root / rel).read_bytes()) == blob) if blob else not (root / rel).exists()
            for rel, blob in blobs.items() if safe_rel(rel))
        if matches and blobs:
            try:
                sha = repo.commit(list(blobs), record["message"], Identity(*record["author"]))
                if sha:
                    notes.append(f"finished the commit {sha[:8]} that {what} started")
            except git_errors() as e:
                notes.append(f"could not finish the commit {what} started: {e}")
    journal.unlink(missing_ok=True)
    return notes
