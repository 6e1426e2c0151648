"""A skill's Evidence section is its history: keyword search reads what the skill is for, not every object
and failure a refinement of it once met."""

from __future__ import annotations

from aspire_tui.skills.library import Library
from tests.skills.conftest import skill_source


def _library_with_a_history(tmp_path) -> Library:
    lib = Library.open(tmp_path / "lib")
    source = skill_source("wave_over", "Wave the gripper over an object", when="a greeting is wanted")
    source = source.replace("Preconditions:\n    - the object is visible",
                            "Preconditions:\n    - the object is visible on the turntable")
    source = source.replace("written for a test", "version 2: a marmalade jar tipped over on the way")
    (lib.skills_dir / "wave_over.py").write_text(source)
    lib.reindex()
    return lib


def _found(lib: Library, words: str) -> bool:
    return "wave_over" in [h.name for h in lib.search(words, 5, mode="keyword")]


def test_keyword_search_reads_conditions_but_not_history(tmp_path):
    lib = _library_with_a_history(tmp_path)
    try:
        assert _found(lib, "turntable")          # a precondition says what the skill needs
        assert not _found(lib, "marmalade jar")  # the evidence only says what once went wrong
    finally:
        lib.close()


def test_an_index_kept_before_the_change_is_read_again(tmp_path):
    """An index whose keyword text still holds the history (kept by an older aspire) is brought up to date
    by the migration at the next open, and the skill's vector is kept."""
    lib = _library_with_a_history(tmp_path)
    db = lib.index.db
    skill_id, vector = db.execute("select s.id, e.embedding from skills s join skill_embeddings e on e.id = s.id "
                                  "where s.name = 'wave_over'").fetchone()
    db.execute("update skills_fts set body = body || ' marmalade jar' where rowid = ?", [skill_id])
    db.execute("delete from _migrations where name = 'm010_keyword_text_without_history'")
    assert _found(lib, "marmalade jar")
    lib.close()

    lib = Library.open(tmp_path / "lib")
    try:
        report = lib.reindex()
        assert "wave_over" in report.updated
        assert not _found(lib, "marmalade jar") and _found(lib, "turntable")
        assert report.embedded == 0
        assert db is not lib.index.db
        kept = lib.index.db.execute("select e.embedding from skills s join skill_embeddings e on e.id = s.id "
                                    "where s.name = 'wave_over'").fetchone()[0]
        assert kept == vector
    finally:
        lib.close()
