"""All git for the skill library goes through ``SkillRepo`` (as Aider's ``GitRepo``).

Callers catch ``git_errors()``; commit identity lives in the git environment
only for the length of one command (``git_identity``); facts ride in trailers.
GitPython is imported when a command first needs git, not by every command
that opens a library: a task the library already does reads no history, and
importing it (with the ``git version`` it runs) cost a first ask 40-60 ms.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import os
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import git


@functools.cache
def git_errors() -> tuple[type[BaseException], ...]:
    """What a git call may raise, for ``except git_errors():`` (evaluated only once something is raised)."""
    import git

    return (git.exc.ODBError, git.exc.GitError, git.exc.InvalidGitRepositoryError, git.exc.NoSuchPathError,
            OSError, IndexError, BufferError, TypeError, ValueError, AttributeError, AssertionError, TimeoutError)


AGENT = ("aspire-agent", "aspire-agent@localhost")
CHANGES = ("new", "refine", "human-edit", "revert", "merge", "delete")
TRAILER_KEYS = ("Aspire-Task", "Aspire-Run", "Aspire-Success", "Aspire-Model", "Aspire-Change")
TRAILER_RE = re.compile(r"^(Aspire-[A-Za-z]+):\s*(.*)$")


def command_error() -> type[BaseException]:
    """GitPython's error for a git command that failed (it carries the command's ``stdout`` and ``stderr``)."""
    import git

    return git.exc.GitCommandError


class RepoError(Exception):
    """A git problem with the library, said in one line."""


@dataclass(frozen=True)
class Identity:
    """Who a commit is authored by."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass
class Commit:
    """One library commit as ``skills log`` shows it."""

    sha: str
    author: str
    email: str
    date: str
    summary: str
    body: str
    trailers: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def change(self) -> str:
        return self.trailers.get("Aspire-Change", "")

    def to_dict(self) -> dict:
        return self.__dict__ | {"change": self.change}


@contextlib.contextmanager
def git_identity(name: str, email: str, repo: "git.Repo | None" = None) -> Iterator[None]:
    """Author and commit as ``name <email>`` for the length of the block, then restore.

    With ``repo`` the identity goes into that repo's git command environment only
    (thread-safe); without, into ``os.environ``.
    """
    env = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    if repo is not None:
        with repo.git.custom_environment(**env):
            yield
        return
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def format_message(summary: str, body: str = "", trailers: dict[str, str | None] | None = None) -> str:
    """A commit message: summary line, why/what body, then ``Aspire-*`` trailers."""
    summary = " ".join(summary.split())[:200] or "Update skill library"
    parts = [summary]
    if body.strip():
        parts.append(body.strip())
    lines = [f"{k}: {' '.join(str(v).split())}" for k, v in (trailers or {}).items() if v not in (None, "")]
    if lines:
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def parse_trailers(message: str) -> dict[str, str]:
    """The ``Aspire-*`` trailers in the last paragraph of a commit message."""
    paragraphs = [p for p in message.strip().split("\n\n") if p.strip()]
    found: dict[str, str] = {}
    if not paragraphs:
        return found
    for line in paragraphs[-1].splitlines():
        m = TRAILER_RE.match(line.strip())
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


class SkillRepo:
    """The library's own git repository."""

    def __init__(self, root: str | Path) -> None:
        """Raises ``RepoError`` unless ``root`` holds a git repository of its own (checked on disk, as git
        itself checks a git directory: ``HEAD``, ``objects/`` and ``refs/``)."""
        self.root = Path(root)
        try:
            common = self._common_dir()
            ours = (self.git_dir / "HEAD").is_file() and (common / "objects").is_dir() and (common / "refs").is_dir()
        except OSError as e:
            raise RepoError(f"{self.root} is not a git repository ({e.strerror or e})") from e
        if not ours:
            raise RepoError(f"{self.root} is not a git repository (no git directory at {self.git_dir})")

    @functools.cached_property
    def repo(self) -> "git.Repo":
        """GitPython's repository, opened on first use."""
        import git

        try:
            repo = git.Repo(self.root, search_parent_directories=False)
        except git_errors() as e:
            raise RepoError(f"{self.root} is not a git repository ({type(e).__name__})") from e
        # The library's .git must be its own, not a parent project's.
        toplevel = Path(repo.working_tree_dir or "").resolve()
        if toplevel != self.root.resolve():
            raise RepoError(f"{self.root} is inside the git repository {toplevel}; "
                            "a skill library must be a repository of its own")
        return repo

    @classmethod
    def init(cls, root: str | Path, branch: str = "main") -> "SkillRepo":
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        import git

        try:
            git.Repo.init(root, initial_branch=branch)
        except TypeError:  # old git without --initial-branch
            repo = git.Repo.init(root)
            repo.git.symbolic_ref("HEAD", f"refs/heads/{branch}")
        except git_errors() as e:
            raise RepoError(f"cannot create a git repository at {root}: {e}") from e
        return cls(root)

    # ----------------------------------------------------------------- state

    @property
    def git_dir(self) -> Path:
        """``.git``, or where a ``.git`` file (``gitdir: PATH``) points."""
        dot_git = self.root / ".git"
        if dot_git.is_file():
            said = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            if said.startswith("gitdir:"):
                return (self.root / said.removeprefix("gitdir:").strip()).resolve()
        return dot_git

    def head_sha(self) -> str | None:
        try:
            return self.repo.head.commit.hexsha
        except ValueError:  # no commits yet
            return None

    def _common_dir(self) -> Path:
        """Where objects and branches live: the git directory, or the main one a worktree's names."""
        said = self.git_dir / "commondir"
        return (self.git_dir / said.read_text(encoding="utf-8").strip()).resolve() if said.is_file() else self.git_dir

    def has_commits(self) -> bool:
        """Whether HEAD names a commit, read from the ref files, without git (as ``head_sha() is not None``).
        A HEAD that cannot be read counts as none."""
        try:
            head = (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()
            if not head.startswith("ref:"):
                return bool(re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", head))
            ref = head.removeprefix("ref:").strip()
            common = self._common_dir()
            if (common / ref).is_file():
                return True
            packed = common / "packed-refs"
            return packed.is_file() and any(line.split(" ")[-1] == ref
                                            for line in packed.read_text(encoding="utf-8").splitlines())
        except OSError:
            return False

    def is_detached(self) -> bool:
        return self.repo.head.is_detached

    def branch(self) -> str | None:
        return None if self.is_detached() else self.repo.active_branch.name

    def check_writable(self) -> None:
        """Raise unless a commit may go on top of HEAD (a branch, no merge or rebase running)."""
        if self.is_detached():
            sha = self.repo.head.commit.hexsha[:8]
            raise RepoError(f"the library's HEAD is detached at {sha}; run "
                            f"`git -C {self.root} switch main` (or another branch) before changing skills")
        for marker, what in (("MERGE_HEAD", "a merge"), ("REVERT_HEAD", "a revert"),
                             ("CHERRY_PICK_HEAD", "a cherry-pick"), ("rebase-merge", "a rebase"),
                             ("rebase-apply", "a rebase")):
            if (self.git_dir / marker).exists():
                raise RepoError(f"the library is in the middle of {what}; finish or abort it with git "
                                f"in {self.root} first")

    def clear_stale_index_lock(self) -> bool:
        """Remove ``.git/index.lock`` left by a killed git; call only while holding the writer lock."""
        lock = self.git_dir / "index.lock"
        if lock.exists():
            lock.unlink()
            return True
        return False

    def dirty_paths(self, pathspecs: tuple[str, ...] = ("skills", "lessons")) -> list[str]:
        """Paths under ``pathspecs`` that differ from HEAD (changed, new or deleted)."""
        out = self.repo.git.status("--porcelain=v1", "-z", "--untracked-files=all", "--", *pathspecs)
        paths: list[str] = []
        entries = out.split("\0")
        i = 0
        while i < len(entries):
            entry = entries[i]
            i += 1
            if len(entry) < 4:
                continue
            status, path = entry[:2], entry[3:]
            if status[0] in "RC":  # rename: the next entry is the source
                paths.append(entries[i])
                i += 1
            paths.append(path)
        return sorted(set(paths))

    def show(self, path: str, rev: str = "HEAD") -> bytes | None:
        """A file's bytes at ``rev``, or None when it is not there."""
        try:
            blob = self.repo.commit(rev).tree / path
        except (KeyError, ValueError):
            return None
        except git_errors():  # BadName (a GitError) among them
            return None
        return blob.data_stream.read()

    def tracked(self, path: str) -> bool:
        return self.show(path) is not None

    # ----------------------------------------------------------------- writes

    def commit(self, paths: list[str], message: str, author: Identity) -> str:
        """Stage exactly ``paths`` (including deletions) and commit them as ``author``.

        Returns:
            The new commit's sha, or "" when nothing in ``paths`` changed.
        """
        self.check_writable()
        paths = sorted(set(paths))
        if not paths:
            return ""
        self.repo.git.add("-A", "--", *paths)
        staged = self.repo.git.diff("--cached", "--name-only", "--", *paths)
        if not staged.strip():
            return ""
        with git_identity(author.name, author.email, self.repo):
            self.repo.git.commit("--no-verify", "-q", "-m", message, "--", *paths)
        return self.repo.head.commit.hexsha

    def commit_all(self, message: str, author: Identity, allow_empty: bool = False) -> str:
        self.check_writable()
        self.repo.git.add("-A")
        with git_identity(author.name, author.email, self.repo):
            args = ["--no-verify", "-q", "-m", message]
            if allow_empty:
                args.append("--allow-empty")
            self.repo.git.commit(*args)
        return self.repo.head.commit.hexsha

    def revert(self, sha: str, paths: list[str], message: str, author: Identity) -> str:
        """Undo ``sha``'s change to ``paths`` with a new commit (never a rewrite)."""
        self.check_writable()
        commit = self.repo.commit(sha)
        args = ["--no-commit", "--no-edit"]
        if len(commit.parents) > 1:
            args += ["-m", "1"]
        try:
            self.repo.git.revert(*args, sha)
        except command_error() as e:
            with contextlib.suppress(command_error()):
                self.repo.git.revert("--abort")
            raise RepoError(f"cannot revert {sha[:8]}: {_first_line(e.stderr)}") from e
        # Keep other files of a multi-file commit as they are: revert only ``paths``.
        changed = self.repo.git.diff("--cached", "--name-only").split()
        others = [p for p in changed if p not in paths]
        if others:
            self.repo.git.reset("-q", "HEAD", "--", *others)
            for other in others:
                if self.show(other) is not None:
                    self.repo.git.checkout("HEAD", "--", other)
                else:
                    with contextlib.suppress(FileNotFoundError):
                        (self.root / other).unlink()
        with git_identity(author.name, author.email, self.repo):
            try:
                self.repo.git.commit("--no-verify", "-q", "-m", message)
            except command_error() as e:
                self.repo.git.reset("-q", "--merge")
                raise RepoError(f"nothing to revert in {sha[:8]}: {_first_line(e.stdout or e.stderr)}") from e
        for marker in ("REVERT_HEAD", "MERGE_MSG"):
            with contextlib.suppress(FileNotFoundError):
                (self.git_dir / marker).unlink()
        return self.repo.head.commit.hexsha

    # ----------------------------------------------------------------- history

    def log(self, path: str | None = None, limit: int = 50, rev: str = "HEAD") -> list[Commit]:
        """Commits (newest first) that touched ``path`` (following renames), or all."""
        if self.head_sha() is None:
            return []
        fmt = "%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1f%b%x1f"
        args = [f"--format={fmt}", f"-n{limit}", "--name-only", rev]
        if path:
            args += ["--follow", "--", path]
        commits = []
        for record in self.repo.git.log(*args).split("\x1e"):
            fields = record.split("\x1f")
            if len(fields) < 7:
                continue
            sha, author, email, date, summary, body, files = fields[:7]
            commits.append(Commit(sha.strip(), author, email, date, summary, body.strip(),
                                  parse_trailers(summary + "\n\n" + body), files.split()))
        return commits

    def trailer_values(self, key: str) -> list[str]:
        """The value of trailer ``key`` (``Aspire-Run``) in every commit of every branch that has one.

        Raises:
            RepoError: the history cannot be read.
        """
        try:  # --all: an empty repository, or an unborn branch beside others, is no error
            out = self.repo.git.log("--all", "-z", "--fixed-strings", f"--grep={key}:", "--format=%B")
        except git_errors() as e:
            raise RepoError(f"cannot read the library's history ({type(e).__name__})") from e
        return [value for message in out.split("\0") if (value := parse_trailers(message).get(key))]

    def diff(self, path: str, rev: str | None = None) -> str:
        """The diff of ``path``: working tree against ``rev`` (default: the previous commit of it)."""
        if rev is None:
            history = self.log(path, limit=2)
            if not history:
                return ""
            if self.dirty_paths((path,)):
                return self.repo.git.diff("HEAD", "--", path)
            rev = history[1].sha if len(history) > 1 else _EMPTY_TREE
            return self.repo.git.diff(rev, history[0].sha, "--", path)
        try:
            self.repo.commit(rev)
        except git_errors() as e:
            raise RepoError(f"unknown revision {rev!r}") from e
        return self.repo.git.diff(rev, "--", path)

    def fsck(self) -> str:
        return self.repo.git.fsck("--full", "--no-dangling")


_EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def _first_line(text: str | None) -> str:
    for line in (text or "").splitlines():
        line = line.strip().removeprefix("stderr: ").strip("'").strip()
        if line:
            return line
    return "git failed"


def person_identity(root: str | Path | None = None) -> Identity:
    """The person at the keyboard, from ``git config user.*`` (falling back to the login name)."""
    import git

    values: dict[str, str] = {}
    for key in ("name", "email"):
        try:
            values[key] = git.Git(str(root) if root else None).config("--get", f"user.{key}").strip()
        except git_errors():
            values[key] = ""
    user = values["name"] or _login()
    return Identity(user, values["email"] or f"{_login()}@{socket.gethostname()}")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
