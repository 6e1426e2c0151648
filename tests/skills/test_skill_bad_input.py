"""Bad input put into the library by hand: a clear message, nothing lost, git fsck clean."""

from __future__ import annotations

from pathlib import Path

from aspire_tui.skills.library import Library

from .conftest import fsck_clean, git, skill_source

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"


def problems_of(report, path):
    return [str(p) for p in report.problems if p.path == path]


def test_duplicate_name_across_kinds(lib):
    (lib.lessons_dir / "pick.md").write_text((SEEDS / "lessons" / "collision_on_approach.md").read_text())
    report = lib.reindex()
    assert any("duplicate name 'pick'" in p for p in problems_of(report, "lessons/pick.md"))
    assert lib.index.get("pick")["kind"] == "program"
    [result] = lib.commit_edits()
    assert not result.committed and "duplicate name" in str(result.problems[0])
    assert (lib.lessons_dir / "pick.md").exists()
    fsck_clean(lib.root)


def test_missing_dependency_and_cycle_written_by_hand(lib):
    (lib.skills_dir / "orphan.py").write_text(skill_source("orphan", "Needs a ghost.", deps=["ghost"]))
    report = lib.reindex()
    assert "skills/orphan.py: depends on missing skill 'ghost'" in [str(p) for p in report.problems]
    [result] = lib.commit_edits()
    assert not result.committed and "missing skill 'ghost'" in str(result.problems[0])
    (lib.skills_dir / "orphan.py").unlink()
    lib.save("ying", skill_source("ying", "Ying."))
    lib.save("yang", skill_source("yang", "Yang.", deps=["ying"]))
    (lib.skills_dir / "ying.py").write_text(skill_source("ying", "Ying.", deps=["yang"]))
    report = lib.reindex()
    assert any("dependency cycle: yang -> ying -> yang" in str(p) for p in report.problems)
    [result] = lib.commit_edits()
    assert not result.committed and "cycle" in str(result.problems[0])
    fsck_clean(lib.root)


def test_ten_megabyte_file_and_binary_garbage(lib):
    big = lib.skills_dir / "huge.py"
    with open(big, "wb") as fh:
        fh.truncate(10 * 1024 * 1024)
    (lib.skills_dir / "garbage.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff")
    report = lib.reindex()
    assert any("10.0 MB" in p for p in problems_of(report, "skills/huge.py"))
    assert any("UTF-8" in p for p in problems_of(report, "skills/garbage.py"))
    assert lib.index.get("huge") is None and lib.index.get("garbage") is None
    results = {r.path: r for r in lib.commit_edits()}
    assert not results["skills/huge.py"].committed and not results["skills/garbage.py"].committed
    assert big.stat().st_size == 10 * 1024 * 1024  # never overwritten or deleted
    assert "?? skills/huge.py" in git(lib.root, "status", "--porcelain")
    fsck_clean(lib.root)


def test_everything_rebuilt_from_files_after_losing_the_index(lib):
    names = {r["name"] for r in lib.index.all()}
    lib.record_use("pick", True, 2.0)
    lib.close()
    for f in lib.root.glob("index.db*"):
        f.unlink()
    again = Library.open(lib.root)
    report = again.reindex()
    assert {r["name"] for r in again.index.all()} == names and not report.problems
    assert again.index.stats("pick")["uses"] == 0  # statistics live only in the index (by design)


def test_skill_deleted_before_the_index_was_rebuilt_is_kept_searchable(lib):
    lib.close()
    lib.index_path.unlink()
    (lib.skills_dir / "stack_tower.py").unlink()
    again = Library.open(lib.root)
    report = again.reindex()
    assert "skills/stack_tower.py" in report.stale
    assert again.index.get("stack_tower") is not None
