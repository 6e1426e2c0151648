"""Reindexing: what needs a new embedding, and embedding without holding the writer lock."""

from __future__ import annotations

import threading

import pytest

from aspire_tui.skills.embeddings import text_hash
from aspire_tui.skills.lock import LockTimeout
from tests.skills.conftest import edit_skill


def test_code_only_edit_keeps_the_vector(lib, fake_embedding_plugin):
    """An edit to a skill's code alone re-reads the file but embeds nothing: the embedded text is the same."""
    model = fake_embedding_plugin[0]
    before = lib.index.db.execute("select e.embedding from skill_embeddings e join skills s on s.id = e.id "
                                  "where s.name = 'pick'").fetchone()[0]
    edit_skill(lib, "pick", "robot.", "robot .")  # same meaning, different bytes
    calls = model.calls
    report = lib.reindex(paths=["skills/pick.py"])
    assert report.updated == ["pick"] and report.embedded == 0 and model.calls == calls
    after = lib.index.db.execute("select e.embedding from skill_embeddings e join skills s on s.id = e.id "
                                 "where s.name = 'pick'").fetchone()[0]
    assert after == before
    assert lib.search("pick", 1, mode="vector")


def test_description_edit_is_embedded_again(lib, fake_embedding_plugin):
    model = fake_embedding_plugin[0]
    description = lib.get("pick").description
    edit_skill(lib, "pick", description, "Lift a zebra-striped parcel off the conveyor")
    calls = model.calls
    report = lib.reindex(paths=["skills/pick.py"])
    assert report.updated == ["pick"] and report.embedded == 1 and model.calls == calls + 1
    # ninth before the new text was embedded; not always first, as the 64-dim hashing model has collisions
    names = [h.name for h in lib.search("zebra striped parcel conveyor", 3, mode="vector")]
    assert "pick" in names, names


def test_embedding_runs_outside_the_writer_lock(lib, fake_embedding_plugin, monkeypatch):
    """While a reindex embeds, other writers get the lock; a row they change meanwhile does not get
    the vector of its old text, and the next reindex embeds its new text."""
    model = fake_embedding_plugin[0]
    embedding = threading.Event()
    go_on = threading.Event()
    real = model.embed_batch

    def slow(items, *, key=None):
        items = list(items)
        embedding.set()
        assert go_on.wait(30)
        yield from real(items, key=key)

    monkeypatch.setattr(model, "embed_batch", slow)
    edit_skill(lib, "place_in", lib.get("place_in").description, "Lower the teapot into the sink")
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("report", lib.reindex()))
    worker.start()
    try:
        assert embedding.wait(30)
        with lib.lock("another writer", timeout=2):  # would time out if the reindex held the lock
            edit_skill(lib, "place_in", "Lower the teapot into the sink", "Lower the kettle onto the stove")
            lib.reindex(embed=False, paths=["skills/place_in.py"])
    finally:
        go_on.set()
        worker.join(30)
    assert result["report"].embedded == 0  # its text changed while it was embedded: not stored
    monkeypatch.setattr(model, "embed_batch", real)
    report = lib.reindex()
    assert report.embedded == 1
    stored, text = lib.index.db.execute("select e.text_hash, s.search_text from skill_embeddings e "
                                        "join skills s on s.id = e.id where s.name = 'place_in'").fetchone()
    assert "kettle" in text and stored == text_hash(lib.model_id, text)


def test_reindex_waits_for_the_lock_to_write_rows(lib):
    """The row update still takes the writer lock (a held lock makes it time out, not race)."""
    from aspire_tui.skills.lock import WriterLock

    done = threading.Event()
    release = threading.Event()

    def holder():
        with WriterLock(lib.state_dir / "write.lock", "holder"):
            done.set()
            release.wait(30)

    t = threading.Thread(target=holder)
    t.start()
    try:
        assert done.wait(10)
        with pytest.raises(LockTimeout):
            lib.reindex(timeout=0.3)
    finally:
        release.set()
        t.join(10)


def test_a_skill_is_read_from_its_kept_parse_until_its_bytes_change(lib):
    """Reading a skill whose file did not change gives the parse the index keeps; an edit made behind the
    index's back (no reindex) is parsed and checked afresh, so an unsafe line is still refused."""
    from aspire_tui.skills.errors import SkillInvalid
    from aspire_tui.skills.skillfile import parse_file

    fresh = parse_file(lib.skills_dir / "pick.py", "skills/pick.py")
    assert lib.index.parsed("skills/pick.py")[2]  # kept when it was indexed
    assert lib.get("pick") == fresh
    path = lib.skills_dir / "pick.py"
    path.write_text(path.read_text() + "\nimport os\n")
    with pytest.raises(SkillInvalid):
        lib.get("pick")


def test_a_damaged_kept_parse_is_parsed_again(lib):
    from aspire_tui.skills.skillfile import parse_file

    lib.index.db.execute("update skills set parsed = '{\"name\": 3' where path = 'skills/pick.py'")
    assert lib.get("pick") == parse_file(lib.skills_dir / "pick.py", "skills/pick.py")
    lib.index.db.execute("update skills set parsed = '{\"name\": \"pick\"}' where path = 'skills/pick.py'")
    assert lib.get("pick") == parse_file(lib.skills_dir / "pick.py", "skills/pick.py")
    assert '"params"' in lib.index.parsed("skills/pick.py")[2]  # kept again, whole, by the read
