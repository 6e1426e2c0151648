"""Sharing skills through git remotes: pull merges and reindexes; conflicting edits are kept."""

from __future__ import annotations

import pytest

from aspire_tui.skills import sync
from aspire_tui.skills.library import Library, LibraryError

from .conftest import fsck_clean, git, skill_source


@pytest.fixture
def two(tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    a = Library.open(tmp_path / "a")
    b = Library.open(tmp_path / "b")
    for lib in (a, b):
        git(lib.root, "remote", "add", "origin", str(remote))
    yield a, b
    a.close()
    b.close()


def test_push_then_pull_shares_a_skill(two):
    a, b = two
    a.save("wave", skill_source("wave", "Wave hello to the camera."))
    b.save("nod", skill_source("nod", "Nod the gripper up and down."))
    assert sync.push(a).action == "pushed"
    result = sync.pull(b)
    assert result.action == "merged" and not result.conflicts
    assert (b.skills_dir / "wave.py").exists()
    assert b.search("wave hello")[0].name == "wave"
    assert "Aspire-Change: merge" in git(b.root, "log", "-1", "--format=%B")
    assert sync.pull(b).action == "up-to-date"
    assert b.search("nod the gripper")[0].name == "nod"
    fsck_clean(b.root)


def test_conflicting_edits_are_both_kept(two):
    a, b = two
    sync.push(a)
    sync.pull(b)
    sync.push(b)
    sync.pull(a)
    a.save("pick", (a.skills_dir / "pick.py").read_text().replace("clear=0.12", "clear=0.20"),
           change="refine", why="A wants more clearance")
    b.save("pick", (b.skills_dir / "pick.py").read_text().replace("clear=0.12", "clear=0.05"),
           change="refine", why="B wants less")
    sync.push(a)
    with pytest.raises(LibraryError, match="skills aspire skills pull|run `aspire skills pull"):
        sync.push(b)
    result = sync.pull(b)
    assert [c["path"] for c in result.conflicts] == ["skills/pick.py"]
    saved = b.root / result.conflicts[0]["saved_as"]
    assert "clear=0.20" in saved.read_text()  # theirs, kept aside
    assert "clear=0.05" in (b.skills_dir / "pick.py").read_text()  # ours, in place
    assert git(b.root, "status", "--porcelain") == ""
    assert "conflict" in git(b.root, "log", "-1", "--format=%s")
    assert not result.reindex.problems  # conflicts/ is not indexed
    fsck_clean(b.root)
    assert sync.push(b).action == "pushed"
    assert sync.pull(a).action == "fast-forward"
    assert (a.root / result.conflicts[0]["saved_as"]).exists()


def test_pull_commits_valid_edits_first_and_refuses_with_invalid_ones(two):
    a, b = two
    path = b.skills_dir / "pick.py"
    path.write_text(path.read_text().replace("clear=0.12", "clear=0.13"))
    result = sync.pull(b)
    assert result.edits and result.edits[0].committed
    path.write_text("def pick(robot:\n")
    with pytest.raises(LibraryError, match="nothing was fetched"):
        sync.pull(b)
    assert path.read_text() == "def pick(robot:\n"


def test_missing_remote_and_detached_head(tmp_path):
    lib = Library.open(tmp_path / "solo")
    with pytest.raises(LibraryError, match="no git remote"):
        sync.pull(lib)
    git(lib.root, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    with pytest.raises(LibraryError, match="no remote named 'upstream'"):
        sync.push(lib, "upstream")
    with pytest.raises(LibraryError, match="git push origin failed"):
        sync.push(lib)
    git(lib.root, "checkout", "-q", "--detach")
    with pytest.raises(LibraryError, match="detached"):
        sync.pull(lib)
