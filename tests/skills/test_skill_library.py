"""The library: first use, commits with trailers, identities, checks, undo, index upkeep."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aspire_tui.skills.library import (Library, LibraryError, SkillConflict, SkillInvalid,
                                       default_library_path)
from aspire_tui.skills.repo import parse_trailers

from .conftest import HUMAN, fsck_clean, git, skill_source

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"


def test_first_use_from_two_threads_at_once_seeds_once(isolated):
    """The app opens a new library from several workers at once; all of them get it, seeded once."""
    import threading

    results: list = []

    def open_it():
        try:
            lib = Library.open()
            results.append(lib.repo.head_sha())
            lib.close()
        except LibraryError as e:
            results.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1 and isinstance(results[0], str), results
    assert git(isolated / "home", "rev-list", "--count", "HEAD").strip() == "1"
    fsck_clean(isolated / "home")


def test_first_use_seeds_aspire_home(isolated):
    lib = Library.open()
    assert lib.root == (isolated / "home").resolve() == default_library_path().resolve()
    names = {p.stem for p in (SEEDS / "skills").glob("*.py")} | {p.stem for p in (SEEDS / "lessons").glob("*.md")}
    assert {p.stem for p in lib.skills_dir.glob("*.py")} | {p.stem for p in lib.lessons_dir.glob("*.md")} == names
    assert git(lib.root, "log", "--format=%an|%s").strip().startswith("aspire-agent|Seed the skill library")
    assert "Aspire-Change: new" in git(lib.root, "log", "-1", "--format=%B")
    assert "/index.db" in (lib.root / ".gitignore").read_text()
    report = lib.reindex()
    assert not report.problems and len(report.added) == len(names)
    assert git(lib.root, "status", "--porcelain") == ""  # index.db, .aspire/ are ignored
    fsck_clean(lib.root)


def test_home_with_only_traces_from_a_demo_becomes_a_library(isolated):
    # `aspire demo` keeps its trace in $ASPIRE_HOME/runs before any library exists
    trace = isolated / "home" / "runs" / "20261206-000000-abcdef" / "trace.jsonl"
    trace.parent.mkdir(parents=True)
    trace.write_text("{}\n")
    lib = Library.open()
    assert lib.skills_dir.is_dir() and trace.exists()
    assert git(lib.root, "status", "--porcelain") == ""  # runs/ stays ignored


def test_library_is_its_own_repo_even_inside_a_project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    lib = Library.open(project / "data" / "skills-lib")
    assert Path(lib.repo.repo.git_dir) == lib.root / ".git"
    assert git(project, "status", "--porcelain").strip() == "?? data/"
    with pytest.raises(LibraryError, match="not a skill library"):
        Library.open(project)


def test_agent_commit_has_trailers_and_agent_author(lib):
    result = lib.save("wave", skill_source("wave", "Wave the gripper above the red block."),
                      change="new", summary="Add skill wave", why="Task needed a wave; run 3 succeeded.",
                      task="wave_hello", run="20250101-000000-abc", success="9/10", model="gpt-test")
    assert result.committed
    log = git(lib.root, "log", "-1", "--format=%an <%ae>%n%B")
    assert log.startswith("aspire-agent <aspire-agent@localhost>")
    assert parse_trailers(log.split("\n", 1)[1]) == {
        "Aspire-Task": "wave_hello", "Aspire-Run": "20250101-000000-abc", "Aspire-Success": "9/10",
        "Aspire-Model": "gpt-test", "Aspire-Change": "new"}
    assert "run 3 succeeded" in log
    assert lib.search("wave gripper")[0].name == "wave"
    lib.save("wave", skill_source("wave", "Wave the gripper above the blue block."), change="refine",
             why="The red block was wrong.", success="10/10")
    history = lib.log("wave")
    assert [c.change for c in history] == ["refine", "new"]
    assert history[0].trailers["Aspire-Success"] == "10/10"


def test_save_checks_before_writing(lib):
    before = git(lib.root, "rev-parse", "HEAD")
    with pytest.raises(SkillInvalid, match="syntax"):
        lib.save("broken", "def broken(robot:\n")
    with pytest.raises(SkillInvalid, match="missing skill 'nope'"):
        lib.save("needs_nope", skill_source("needs_nope", deps=["nope"]))
    with pytest.raises(SkillConflict, match="already exists"):
        lib.save("pick", skill_source("pick"))
    with pytest.raises(SkillInvalid, match="duplicate name"):
        lib.save("pick", (SEEDS / "lessons" / "collision_on_approach.md").read_text(), kind="lesson")
    assert git(lib.root, "rev-parse", "HEAD") == before
    assert not (lib.skills_dir / "broken.py").exists() and not (lib.skills_dir / "needs_nope.py").exists()


def test_dependency_cycle_refused(lib):
    lib.save("alpha", skill_source("alpha", "Alpha step."))
    lib.save("beta", skill_source("beta", "Beta step.", deps=["alpha"]))
    with pytest.raises(SkillInvalid, match="cycle: alpha -> beta -> alpha"):
        lib.save("alpha", skill_source("alpha", "Alpha step.", deps=["beta"]), change="refine")
    assert "beta" not in (lib.skills_dir / "alpha.py").read_text()


def test_agent_never_overwrites_an_uncommitted_human_edit(lib):
    path = lib.skills_dir / "pick.py"
    edited = path.read_text().replace("clear=0.12", "clear=0.2")
    path.write_text(edited)
    with pytest.raises(SkillConflict, match="uncommitted edits"):
        lib.save("pick", skill_source("pick"), change="refine")
    assert path.read_text() == edited


def test_human_edit_committed_as_the_person(lib):
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text().replace("clear=0.12", "clear=0.2"))
    [result] = lib.commit_edits()
    assert result.committed and result.change == "human-edit"
    assert git(lib.root, "log", "-1", "--format=%an <%ae>") == f"{HUMAN[0]} <{HUMAN[1]}>\n"
    assert "Aspire-Change: human-edit" in git(lib.root, "log", "-1", "--format=%B")
    assert git(lib.root, "log", "--format=%an", "--author=aspire-agent").strip() == "aspire-agent"
    assert "clear=0.2" in git(lib.root, "blame", "skills/pick.py") and "Ada Tester" in git(
        lib.root, "blame", "-L", "/clear=0.2/,+1", "skills/pick.py")


def test_invalid_human_edit_not_committed_and_last_good_stays_searchable(lib):
    path = lib.skills_dir / "place_in.py"
    good = path.read_text()
    path.write_text(good.replace("def place_in(robot, obj, container,", "def place_in(robot, obj,,"))
    head = git(lib.root, "rev-parse", "HEAD")
    [result] = lib.commit_edits()
    assert not result.committed and "syntax" in str(result.problems[0])
    assert git(lib.root, "rev-parse", "HEAD") == head
    report = lib.reindex()
    assert "skills/place_in.py" in report.stale and any("syntax" in str(p) for p in report.problems)
    hits = lib.search("put the block into the bowl", kind="program")
    assert "place_in" in [h.name for h in hits] and [h for h in hits if h.name == "place_in"][0].stale
    assert path.read_text() != good  # the person's broken edit is still there, untouched
    path.write_text(good.replace("drop=0.015", "drop=0.016"))
    [result] = lib.commit_edits()
    assert result.committed
    assert not lib.reindex().stale


def test_deleting_a_skill_others_need_is_not_committed(lib):
    (lib.skills_dir / "pick.py").unlink()
    [result] = lib.commit_edits()
    assert not result.committed and "used by" in str(result.problems[0])
    report = lib.reindex()
    assert any("deletion is not committed" in str(p) for p in report.problems)
    assert lib.index.get("pick") is not None  # the committed version stays indexed
    git(lib.root, "checkout", "--", "skills/pick.py")
    (lib.lessons_dir / "navigation_blocked_replan.md").unlink()
    [result] = lib.commit_edits()
    assert result.committed and "Delete skill navigation_blocked_replan" in git(lib.root, "log", "-1", "--format=%s")
    assert lib.index.get("navigation_blocked_replan") is None
    fsck_clean(lib.root)


def test_undo_is_a_revert_not_a_rewrite(lib):
    lib.save("wave", skill_source("wave", "Wave once."))
    lib.save("wave", skill_source("wave", "Wave twice."), change="refine")
    before = git(lib.root, "rev-list", "HEAD").split()
    result = lib.undo("wave")
    after = git(lib.root, "rev-list", "HEAD").split()
    assert after[1:] == before and after[0] == result.sha
    assert "Wave once." in (lib.skills_dir / "wave.py").read_text()
    assert "This reverts commit" in git(lib.root, "log", "-1", "--format=%B")
    assert lib.log("wave")[0].change == "revert"
    assert lib.search("wave once")[0].name == "wave"
    lib.undo("wave")  # undo the undo
    assert "Wave twice." in (lib.skills_dir / "wave.py").read_text()


def test_undo_refuses_to_strand_dependents_or_clobber_edits(lib):
    with pytest.raises(SkillInvalid, match="used by"):
        lib.undo("pick")  # its last commit is the seed: undoing would delete it
    path = lib.skills_dir / "navigate_to.py"
    path.write_text(path.read_text() + "\n")
    with pytest.raises(SkillConflict, match="uncommitted"):
        lib.undo("navigate_to")


def test_detached_head_refuses_writes_but_reads(lib):
    git(lib.root, "checkout", "-q", "--detach")
    with pytest.raises(LibraryError, match="detached"):
        lib.save("wave", skill_source("wave"))
    assert lib.search("pick up the block")
    git(lib.root, "checkout", "-q", "main")
    assert lib.save("wave", skill_source("wave")).committed


def test_other_uncommitted_changes_are_left_alone(lib):
    notes = lib.root / "NOTES.txt"
    notes.write_text("mine")
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text() + "\n# thinking\n")
    lib.save("wave", skill_source("wave"))
    assert git(lib.root, "show", "--name-only", "--format=", "HEAD").split() == ["skills/wave.py"]
    status = git(lib.root, "status", "--porcelain")
    assert " M skills/pick.py" in status and "?? NOTES.txt" in status


def test_reindex_touches_only_changed_files(lib, fake_embedding_plugin):
    model = fake_embedding_plugin[0]
    report = lib.reindex()
    assert report.unchanged == lib.index.count() and not report.updated
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text().replace("lift it clear of the table", "lift it well clear"))
    calls = model.calls
    report = lib.reindex()
    assert report.updated == ["pick"] and report.embedded == 1 and model.calls == calls + 1
    os.utime(lib.skills_dir / "place_in.py")  # touched, same content: no re-parse result, no embed
    report = lib.reindex()
    assert not report.updated and report.embedded == 0


def test_index_deleted_or_corrupt_is_rebuilt(lib):
    count = lib.index.count()
    lib.close()
    lib.index_path.unlink()
    assert Library.open(lib.root).reindex().added
    lib2 = Library.open(lib.root)
    lib2.close()
    lib2.index_path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(lib2.index_path) + suffix).unlink(missing_ok=True)
    lib3 = Library.open(lib.root)
    report = lib3.reindex()
    assert any("damaged" in n for n in report.notes)
    assert lib3.index.count() == count
    assert list(lib3.root.glob("index.db.corrupt-*"))
    assert lib3.search("pick up the red block")
    assert git(lib3.root, "status", "--porcelain") == ""


def test_changing_the_embedding_model_reindexes(lib, monkeypatch):
    lib.close()
    other = Library.open(lib.root, embedding_model="hash-embed-32")
    report = other.reindex()
    assert report.embedded == other.index.count()
    assert any("embedding model changed" in n for n in report.notes)
    assert other.index.dim == 32 and other.search("pick up a block")
    monkeypatch.delenv("ASPIRE_EMBEDDING_MODEL")
    again = Library.open(lib.root)  # remembered in the index
    assert again.model_id == "hash-embed-32"


def test_record_use_updates_statistics_not_commits(lib):
    head = git(lib.root, "rev-parse", "HEAD")
    lib.record_use("pick", True, 3.0)
    lib.record_use("pick", False, 5.0)
    assert lib.index.stats("pick") == {"uses": 2, "successes": 1, "mean_episode_s": 4.0,
                                       "last_used": lib.index.stats("pick")["last_used"]}
    assert git(lib.root, "rev-parse", "HEAD") == head and git(lib.root, "status", "--porcelain") == ""


def test_import_file(lib, tmp_path):
    src = tmp_path / "wave.py"
    src.write_text(skill_source("wave", "Wave hello."))
    result = lib.import_file(src)
    assert result.committed and git(lib.root, "log", "-1", "--format=%an").strip() == HUMAN[0]
    with pytest.raises(SkillConflict, match="--replace"):
        lib.import_file(src)
    src.write_text(skill_source("wave", "Wave goodbye."))
    assert lib.import_file(src, replace=True).committed
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(SkillInvalid, match="UTF-8"):
        lib.import_file(bad)


def test_a_task_made_from_words_is_kept_committed_and_found_by_name_after_reopening(lib):
    from sim.tasks import MADE, get_task

    text = ("[task]\nname = \"put_lime_test_words_task\"\ncategory = \"pick_place\"\n"
            "instructions = [\"put the red block in the bowl\"]\nsuccess = \"in(block, bowl)\"\n\n"
            "[[objects]]\nid = \"block\"\nkind = \"block\"\ncolor = \"red\"\n\n"
            "[[objects]]\nid = \"bowl\"\nkind = \"bowl\"\n")
    assert lib.keep_task("put_lime_test_words_task", text) == "put_lime_test_words_task"
    assert git(lib.root, "log", "-1", "--format=%s").strip() == "Keep task put_lime_test_words_task"
    assert lib.keep_task("put_lime_test_words_task", text) == "put_lime_test_words_task"  # the same: no commit
    for kept in MADE.glob("put_lime_test_words_task-*.toml"):
        kept.unlink()  # as after a reboot: the temporary copies are gone
    Library.open(lib.root)
    assert get_task("put_lime_test_words_task").success_text == "in(block, bowl)"
    with pytest.raises(LibraryError, match="not kept"):
        lib.keep_task("broken", "[task]\nname = 3\n")
    assert git(lib.root, "status", "--porcelain") == ""


def test_an_edit_in_a_library_never_indexed_is_checked_against_every_skill(tmp_path):
    """A person's first act in a new library is an edit of pick, which depends on finger_yaw: the edit is
    committed (the check once saw an index of pick alone and said finger_yaw was missing)."""
    from aspire_tui.skills.library import Library

    fresh = Library.open(tmp_path / "fresh")  # seeded, not indexed
    try:
        path = fresh.root / "skills/pick.py"
        path.write_text(path.read_text() + "\n# tuned by hand\n")
        [result] = fresh.commit_edits(["skills/pick.py"])
        assert result.committed and not result.problems
    finally:
        fresh.close()
