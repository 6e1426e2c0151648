"""The in-memory vectors of a large library follow a few writes by re-reading the changed rows alone."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from aspire_tui.skills import ann
from aspire_tui.skills import search as S
from aspire_tui.skills.index import VECTOR_LOG_KEEP, SkillIndex, open_index, vectors_from_blobs
from bench.retrieval import build_index, synthetic

ROWS = 2_000
DIM = 64


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


@pytest.fixture
def big(monkeypatch):
    """A synthetic index of ROWS skills searched the large-library way, and its vectors (skill i + 1: row i)."""
    monkeypatch.setattr(S, "EXACT_LIMIT", 100)
    rng = np.random.default_rng(7)
    vectors = _unit(rng.normal(size=(ROWS, DIM)) + 1.5)  # a common component, as e5 vectors have
    index = build_index(synthetic(ROWS), vectors, "hash-embed")
    yield index, vectors
    index.close()
    shutil.rmtree(index.path.parent, ignore_errors=True)


def _stored(index: SkillIndex) -> tuple[np.ndarray, np.ndarray]:
    rows = index.db.execute("select id, embedding from skill_embeddings order by id").fetchall()
    return np.array([r[0] for r in rows]), vectors_from_blobs((r[1] for r in rows), DIM)


def _exact_top(index: SkillIndex, q: np.ndarray, k: int = 5) -> list[int]:
    ids, matrix = _stored(index)
    return ids[np.argsort(-(matrix @ q), kind="stable")[:k]].tolist()


def _edit(index: SkillIndex, vectors: np.ndarray, rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Re-embeds 20 skills, adds 5 and deletes 5, as a watcher's commits would; returns (added, deleted)."""
    names = [r["name"] for r in synthetic(ROWS)]
    edited = rng.choice(ROWS, 20, replace=False)
    with index.db.atomic():
        for i in edited:
            index.set_embedding(int(i) + 1, "program", "", _unit(vectors[i] + rng.normal(0, 0.3, DIM)))
        added = [ROWS + 1 + j for j in range(5)]
        for skill_id in added:
            index.set_embedding(skill_id, "program", "", _unit(rng.normal(size=DIM) + 1.5))
        deleted = [int(i) + 1 for i in rng.choice(np.setdiff1d(np.arange(ROWS), edited), 5, replace=False)]
        for skill_id in deleted:
            index.remove(f"skills/{names[skill_id - 1]}.py")
    return added, deleted


def test_an_updated_copy_equals_a_rebuild_with_the_same_centre(big):
    index, vectors = big
    rng = np.random.default_rng(1)
    before = ann.quantized_vectors(index)
    added, deleted = _edit(index, vectors, rng)
    after = ann.quantized_vectors(index)
    assert after is not before and after.center is before.center and after.updated_rows == 30
    ids, matrix = _stored(index)
    signs, codes = after._encode(matrix)
    assert after.ids.tolist() == ids.tolist() and set(added) <= set(ids) and not set(deleted) & set(ids)
    assert np.array_equal(after.int8, codes)
    assert all(np.array_equal(col, words) for col, words in zip(after.bits, signs.T))

    rebuilt = ann.QuantizedVectors(index, index.meta("vectors_version"))
    assert not np.array_equal(rebuilt.center, before.center)
    queries = [_unit(vectors[i] + rng.normal(0, 0.2, DIM)) for i in range(0, ROWS, 97)]
    queries += [_unit(rng.normal(size=DIM) + 1.5) for _ in range(10)]
    queries += [vectors[i - 1] for i in deleted]  # where the deleted rows were
    for q in queries:
        top = S.vector_ranking(index, q, 5, S.Filters())
        assert top == rebuilt.nearest(index, q, 5, S.Filters()) == _exact_top(index, q)
        assert not set(top) & set(deleted)


def test_a_rolled_back_transaction_leaves_the_kept_copy_as_it_was(big):
    index, vectors = big
    kept = ann.quantized_vectors(index)
    ids, int8, bits = kept.ids.copy(), kept.int8.copy(), [col.copy() for col in kept.bits]
    q = vectors[41]
    was = S.vector_ranking(index, q, 5, S.Filters())
    with pytest.raises(RuntimeError), index.db.atomic():
        index.set_embedding(7, "program", "", q)  # skill 7 now lies where skill 42 does
        index.db.execute("delete from skill_embeddings where id = ?", [42])
        inside = S.vector_ranking(index, q, 5, S.Filters())
        assert inside[0] == 7 and 42 not in inside
        raise RuntimeError("roll back")
    assert ann.quantized_vectors(index) is kept
    assert np.array_equal(kept.ids, ids) and np.array_equal(kept.int8, int8)
    assert all(np.array_equal(a, b) for a, b in zip(kept.bits, bits))
    assert S.vector_ranking(index, q, 5, S.Filters()) == was and was[0] == 42


def test_many_changes_rebuild_the_copy(big):
    """More than UPDATE_SHARE of the rows, all at once or edit by edit, and a reset of the vectors, rebuild."""
    index, vectors = big
    first = ann.quantized_vectors(index)
    share = int(ann.UPDATE_SHARE * ROWS)
    for start in range(0, share, share // 4):  # four updates of a quarter of the share each
        with index.db.atomic():
            for i in range(start, start + share // 4):
                index.set_embedding(i + 1, "program", "", vectors[(i + 1) % ROWS])
        assert ann.quantized_vectors(index).center is first.center
    with index.db.atomic():
        index.set_embedding(ROWS, "program", "", vectors[0])
    rebuilt = ann.quantized_vectors(index)
    assert rebuilt.center is not first.center and rebuilt.updated_rows == 0
    index.reset_vectors("hash-embed-32", 32)
    assert index.vector_changes(rebuilt.version) is None
    with index.db.atomic():
        index.set_embedding(1, "program", "", np.ones(32, np.float32))
    assert ann.quantized_vectors(index).center.shape == (32,)


def test_the_change_log_is_pruned_and_says_when_it_cannot_tell(big):
    index, _ = big
    version = index.meta("vectors_version")
    assert index.vector_changes(version) == []
    with index.db.atomic():
        index.set_embedding(3, "program", "", np.ones(DIM, np.float32))
    assert index.vector_changes(version) == [3]
    blob = np.ones(DIM, np.float32).tobytes()
    with index.db.atomic():
        index.db.conn.executemany("update skill_embeddings set embedding = ? where id = ?",
                                  [(blob, 1 + i % ROWS) for i in range(VECTOR_LOG_KEEP + 1_000)])
    assert index.vector_changes(version) is None
    recent = str(int(index.meta("vectors_version")) - 10)
    assert sorted(index.vector_changes(recent)) == list(range(1 + (VECTOR_LOG_KEEP + 990) % ROWS,
                                                              1 + (VECTOR_LOG_KEEP + 1_000) % ROWS))
    assert index.db.execute("select count(*) from vector_changes").fetchone()[0] <= VECTOR_LOG_KEEP + 1_000


def test_migration_logs_the_changes_of_an_older_index(tmp_path):
    path = tmp_path / "index.db"
    index = SkillIndex(open_index(path), path)
    index.reset_vectors("hash-embed", DIM)
    with index.db.atomic():  # as an index made before m007 looked
        index.db.execute("drop table vector_changes")
        index.db.execute("delete from meta where key = 'vector_changes_from'")
        for event in ("insert", "update", "delete"):
            index.db.execute(f"drop trigger skill_embeddings_{event}")
            index.db.execute(f"""create trigger skill_embeddings_{event} after {event} on skill_embeddings
                begin update meta set value = value + 1 where key = 'vectors_version'; end""")
        index.db.execute("delete from _migrations where name = 'm007_vector_changes'")
    index.close()
    index = SkillIndex(open_index(path), path)
    version = index.meta("vectors_version")
    with index.db.atomic():
        index.set_embedding(5, "program", "", np.ones(DIM, np.float32))
    assert index.vector_changes(version) == [5]
    assert index.vector_changes(str(int(version) - 1)) is None  # before the log began
    index.close()
