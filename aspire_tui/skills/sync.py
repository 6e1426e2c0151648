"""Share skills through ordinary git remotes: ``aspire skills pull|push [REMOTE]``.

A pull fetches and merges. Where both sides changed the same file, this
library's version stays in place and the other side's is committed beside it
under ``conflicts/`` (named after the remote commit), so a conflicting edit is
never lost and the index keeps working; the merge commit says what to compare.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import git

from aspire_tui.skills import journal
from aspire_tui.skills.layout import CONFLICTS_DIR
from aspire_tui.skills.library import ChangeResult, Library, LibraryError, ReindexReport
from aspire_tui.skills.repo import format_message, git_errors, person_identity


@dataclass
class SyncResult:
    remote: str
    branch: str
    action: str  # up-to-date | fast-forward | merged | pushed | created
    sha: str = ""
    commits: int = 0
    conflicts: list[dict[str, str]] = field(default_factory=list)
    edits: list[ChangeResult] = field(default_factory=list)
    reindex: ReindexReport | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"remote": self.remote, "branch": self.branch, "action": self.action, "sha": self.sha,
                "commits": self.commits, "conflicts": self.conflicts,
                "edits": [e.to_dict() for e in self.edits],
                "reindex": self.reindex.to_dict() if self.reindex else None}


def _remote(lib: Library, name: str | None) -> str:
    remotes = [r.name for r in lib.repo.repo.remotes]
    if not remotes:
        raise LibraryError(f"the library has no git remote; add one with "
                           f"`git -C {lib.root} remote add origin URL`")
    name = name or ("origin" if "origin" in remotes else remotes[0])
    if name not in remotes:
        raise LibraryError(f"no remote named {name!r} (remotes: {', '.join(remotes)})")
    return name


def _git_error(e: BaseException) -> str:
    text = getattr(e, "stderr", None) or str(e)
    lines = [ln.strip().removeprefix("stderr:").strip(" '") for ln in str(text).splitlines()]
    useful = [ln for ln in lines if ln and not ln.startswith("Cmd(")]
    return useful[-1] if useful else type(e).__name__


def _commit_edits_first(lib: Library) -> list[ChangeResult]:
    """Commit people's valid edits; refuse to go on while an invalid edit is uncommitted."""
    results = lib.commit_edits()
    stuck = [r for r in results if not r.committed]
    if stuck:
        details = "; ".join(str(p) for r in stuck for p in r.problems[:1])
        raise LibraryError(f"uncommitted edits that do not pass the checks ({details}); "
                           "fix or discard them first, nothing was fetched or merged")
    return results


def pull(lib: Library, remote: str | None = None) -> SyncResult:
    """Fetch ``remote`` and merge its branch of the same name into this library."""
    with lib.lock("pull"):
        lib.writer.check_writable()
        remote = _remote(lib, remote)
        branch = lib.repo.branch() or "main"
        edits = _commit_edits_first(lib)
        repo = lib.repo.repo
        try:
            repo.git.fetch("--quiet", remote)
        except git_errors() as e:
            raise LibraryError(f"git fetch {remote} failed: {_git_error(e)}") from e
        upstream = f"{remote}/{branch}"
        try:
            theirs = repo.commit(upstream).hexsha
        except (ValueError, git.exc.BadName, git.exc.GitCommandError):
            return SyncResult(remote, branch, "up-to-date", edits=edits)
        head = lib.repo.head_sha()
        if head is None:
            repo.git.reset("-q", "--hard", theirs)
            return SyncResult(remote, branch, "fast-forward", theirs, edits=edits, reindex=lib.reindex())
        behind = int(repo.git.rev_list("--count", f"HEAD..{theirs}"))
        if behind == 0:
            return SyncResult(remote, branch, "up-to-date", head, edits=edits)
        author = person_identity(lib.root)
        message = format_message(f"Merge skills from {upstream}",
                                 f"aspire skills pull: {behind} commit(s) from {remote}.",
                                 {"Aspire-Change": "merge"})
        conflicts: list[dict[str, str]] = []
        with journal.pending(lib.state_dir, "merge", theirs=theirs):
            try:
                from aspire_tui.skills.repo import git_identity

                with git_identity(author.name, author.email, repo):
                    repo.git.merge("--no-edit", "-q", "--allow-unrelated-histories", "-m", message, theirs)
                action = "fast-forward" if repo.head.commit.hexsha == theirs else "merged"
            except git.exc.GitCommandError as e:
                if not (lib.repo.git_dir / "MERGE_HEAD").exists():
                    raise LibraryError(f"git merge failed: {_git_error(e)}") from e
                conflicts = _keep_both(lib, theirs)
                body = "\n".join(
                    f"{c['path']} changed on both sides: kept this library's version; the other side's "
                    f"is in {c['saved_as']}. Compare them, edit {c['path']}, then delete the copy."
                    for c in conflicts)
                message = format_message(f"Merge skills from {upstream} ({len(conflicts)} conflict(s) kept aside)",
                                         body, {"Aspire-Change": "merge"})
                with git_identity(author.name, author.email, repo):
                    repo.git.commit("--no-verify", "-q", "-m", message)
                action = "merged"
        report = lib.reindex()
        return SyncResult(remote, branch, action, repo.head.commit.hexsha, behind, conflicts, edits, report)


def _keep_both(lib: Library, theirs: str) -> list[dict[str, str]]:
    repo = lib.repo.repo
    unmerged = sorted(set(repo.git.diff("--name-only", "--diff-filter=U").split()))
    short = theirs[:7]
    conflicts = []
    for rel in unmerged:
        ours = _stage(repo, 2, rel)
        their = _stage(repo, 3, rel)
        target = lib.root / rel
        if ours is not None:
            target.write_bytes(ours)
            repo.git.add("--", rel)
        elif their is not None:  # we deleted it, they changed it: keep theirs in place
            target.write_bytes(their)
            repo.git.add("--", rel)
            conflicts.append({"path": rel, "saved_as": rel, "reason": "deleted here, changed there"})
            continue
        else:
            with contextlib.suppress(*git_errors()):
                repo.git.rm("-q", "--cached", "--", rel)
            continue
        if their is None:
            conflicts.append({"path": rel, "saved_as": "", "reason": "changed here, deleted there"})
            continue
        p = Path(rel)
        aside = Path(CONFLICTS_DIR) / p.parent / f"{p.stem}.{short}{p.suffix}"
        (lib.root / aside).parent.mkdir(parents=True, exist_ok=True)
        (lib.root / aside).write_bytes(their)
        repo.git.add("--", aside.as_posix())
        conflicts.append({"path": rel, "saved_as": aside.as_posix(), "reason": "changed on both sides"})
    return conflicts


def _stage(repo: git.Repo, stage: int, rel: str) -> bytes | None:
    try:
        return repo.git.show(f":{stage}:{rel}", stdout_as_string=False)
    except git.exc.GitCommandError:
        return None


def push(lib: Library, remote: str | None = None) -> SyncResult:
    """Push this library's branch to ``remote``; a rejected push asks for a pull first."""
    with lib.lock("push"):
        remote = _remote(lib, remote)
        branch = lib.repo.branch()
        if branch is None:
            raise LibraryError("the library's HEAD is detached; switch to a branch before pushing")
        edits = _commit_edits_first(lib)
        head = lib.repo.head_sha()
        if head is None:
            raise LibraryError("the library has no commits to push")
        try:
            lib.repo.repo.git.push("--quiet", remote, f"HEAD:refs/heads/{branch}")
        except git.exc.GitCommandError as e:
            err = _git_error(e)
            if "rejected" in (e.stderr or "") or "fetch first" in (e.stderr or "") or "non-fast-forward" in (e.stderr or ""):
                raise LibraryError(f"{remote} has skills this library lacks; run `aspire skills pull "
                                   f"{remote}` first") from e
            raise LibraryError(f"git push {remote} failed: {err}") from e
        except git_errors() as e:
            raise LibraryError(f"git push {remote} failed: {_git_error(e)}") from e
        return SyncResult(remote, branch, "pushed", head, edits=edits)
