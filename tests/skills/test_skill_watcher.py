"""Human edits saved in an editor: noticed, checked, committed as the person, reindexed."""

from __future__ import annotations

import os
import threading
import time

import pytest

from aspire_tui.skills.library import Library
from aspire_tui.skills.watcher import SkillWatcher, relevant

from .conftest import HUMAN, fsck_clean, git

pytestmark = pytest.mark.timeout(60)


class Recorder:
    def __init__(self):
        self.events = []
        self.cond = threading.Condition()

    def __call__(self, event):
        with self.cond:
            self.events.append(event)
            self.cond.notify_all()

    def wait(self, kind, path, timeout=15.0):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for e in self.events:
                    if e.kind == kind and e.path == path:
                        return e
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {kind} event for {path}: {[str(e) for e in self.events]}")
                self.cond.wait(left)


@pytest.fixture
def watched(lib):
    rec = Recorder()
    watcher = SkillWatcher(lib.root, rec, debounce=0.3).start()
    yield lib, watcher, rec
    watcher.stop()


def commits(root):
    return int(git(root, "rev-list", "--count", "HEAD"))


def test_editor_temp_names_are_ignored():
    for name in (".pick.py.swp", "pick.py~", "4913", ".#pick.py", "#pick.py#", ".pick.py.aspire-tmp",
                 "pick.pyc", "notes.txt"):
        assert not relevant(f"skills/{name}")
    assert relevant("skills/pick.py") and relevant("lessons/x.md") and not relevant("skills/x.md")


def test_save_in_place_is_committed_as_the_person(watched):
    lib, watcher, rec = watched
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text().replace("clear=0.12", "clear=0.14"))
    event = rec.wait("committed", "skills/pick.py")
    assert git(lib.root, "log", "-1", "--format=%an|%H").strip() == f"{HUMAN[0]}|{event.sha}"
    assert "Aspire-Change: human-edit" in git(lib.root, "log", "-1", "--format=%B")
    watcher.wait_idle()
    assert Library.open(lib.root).index.get("pick")["blob"] == git(lib.root, "rev-parse", "HEAD:skills/pick.py").strip()


def test_atomic_rename_and_a_burst_of_saves_make_one_commit(watched):
    lib, watcher, rec = watched
    before = commits(lib.root)
    path = lib.skills_dir / "place_in.py"
    text = path.read_text()
    for i in range(8):  # an editor autosaving through a temp file and a rename
        tmp = lib.skills_dir / f".place_in.py.tmp{i}"
        tmp.write_text(text.replace("drop=0.015", f"drop=0.01{i}"))
        os.replace(tmp, path)
        time.sleep(0.03)
    rec.wait("committed", "skills/place_in.py")
    watcher.wait_idle()
    assert commits(lib.root) == before + 1
    assert "drop=0.017" in git(lib.root, "show", "HEAD:skills/place_in.py")


def test_vim_style_backup_rename(watched):
    lib, watcher, rec = watched
    path = lib.skills_dir / "stack_on.py"
    text = path.read_text()
    os.rename(path, lib.skills_dir / "stack_on.py~")
    path.write_text(text.replace("gap=0.006", "gap=0.007"))
    (lib.skills_dir / "stack_on.py~").unlink()
    rec.wait("committed", "skills/stack_on.py")
    assert "gap=0.007" in git(lib.root, "show", "HEAD:skills/stack_on.py")


def test_invalid_save_is_reported_not_committed_and_old_version_searchable(watched):
    lib, watcher, rec = watched
    before = commits(lib.root)
    path = lib.skills_dir / "navigate_to.py"
    path.write_text(path.read_text().replace("import math", "import os"))
    event = rec.wait("invalid", "skills/navigate_to.py")
    assert "'os' is not allowed" in event.problems[0]
    watcher.wait_idle()
    assert commits(lib.root) == before
    fresh = Library.open(lib.root)
    hits = fresh.search("drive to the marker", kind="program")
    assert "navigate_to" in [h.name for h in hits]
    fsck_clean(lib.root)


def test_new_lesson_file_is_added(watched):
    lib, watcher, rec = watched
    src = (lib.lessons_dir / "collision_on_approach.md").read_text()
    (lib.lessons_dir / "slip_on_lift.md").write_text(src.replace(
        "# Travel high and descend vertically when the approach hits a neighbour",
        "# Grip harder when the block slips out while lifting"))
    rec.wait("committed", "lessons/slip_on_lift.md")
    assert git(lib.root, "log", "-1", "--format=%s").strip() == "Add lesson slip_on_lift by hand"
