"""GitPython is imported when a command first needs git: a library opened and searched reads no history, so
it neither imports git nor starts a git process; what does need git still works, and a HEAD is read from
the ref files as git itself reads it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aspire_tui.skills.repo import RepoError, SkillRepo

from .conftest import git

ROOT = Path(__file__).resolve().parents[2]

OPEN_AND_SEARCH = """
import json, sys
from aspire_tui.skills.library import Library
lib = Library.open(sys.argv[1])
lib.reindex(embed=False)  # the test's embedder lives in the test process only
names = [hit.name for hit in lib.search("put the block in the bowl", 3, mode="keyword")]
print(json.dumps({"git": "git" in sys.modules, "names": names}))
"""


def test_opening_and_searching_a_library_does_not_import_git(lib):
    lib.close()
    done = subprocess.run([sys.executable, "-c", OPEN_AND_SEARCH, str(lib.root)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert out["names"] and out["git"] is False


def test_head_is_read_from_the_ref_files(tmp_path):
    repo = SkillRepo.init(tmp_path / "lib")
    assert not repo.has_commits() and repo.head_sha() is None
    (tmp_path / "lib" / "notes.md").write_text("one\n")
    git(tmp_path / "lib", "add", "notes.md")
    git(tmp_path / "lib", "commit", "-q", "-m", "first")
    assert repo.has_commits()
    git(tmp_path / "lib", "pack-refs", "--all")  # the branch now lives only in packed-refs
    assert not (repo.git_dir / "refs" / "heads" / "main").exists()
    assert repo.has_commits()
    git(tmp_path / "lib", "checkout", "-q", "--detach")  # HEAD is a bare sha
    assert repo.has_commits()
    (repo.git_dir / "HEAD").write_text("garbage\n")
    assert not repo.has_commits()


def test_a_folder_without_a_git_directory_is_refused_in_one_line(tmp_path):
    (tmp_path / "plain" / ".git").mkdir(parents=True)  # a .git with nothing git keeps in it
    with pytest.raises(RepoError, match="is not a git repository"):
        SkillRepo(tmp_path / "plain")
    with pytest.raises(RepoError, match="is not a git repository"):
        SkillRepo(tmp_path / "nowhere")


def test_git_is_used_once_something_is_committed(lib):
    before = lib.repo.head_sha()
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text() + "\n# a note\n")
    sha = lib.repo.commit(["skills/pick.py"], "Note on pick", author=lib_identity())
    assert sha != before and lib.repo.has_commits() and lib.repo.head_sha() == sha


def lib_identity():
    from aspire_tui.skills.repo import Identity

    return Identity("Ada Tester", "ada@example.com")


def test_a_library_checked_out_as_a_worktree_reads_its_head(tmp_path):
    repo = SkillRepo.init(tmp_path / "lib")
    (tmp_path / "lib" / "notes.md").write_text("one\n")
    git(tmp_path / "lib", "add", "notes.md")
    git(tmp_path / "lib", "commit", "-q", "-m", "first")
    git(tmp_path / "lib", "worktree", "add", "-q", "-b", "other", str(tmp_path / "other"))
    other = SkillRepo(tmp_path / "other")  # its .git is a file naming a directory without objects of its own
    assert other.has_commits() and other.head_sha() == repo.head_sha()
