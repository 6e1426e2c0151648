"""The large-library vector search: an in-memory, quantized copy of the vectors, searched approximately.

Libraries up to ``search.EXACT_LIMIT`` skills get exact cosine KNN from
sqlite-vec (``skill_vec``). Larger ones search a ``QuantizedVectors`` copy,
brought up to date when ``meta.vectors_version`` changes: a few changed rows
are re-read and encoded with the copy's centre, rotations and scale, which
they hardly move, so the first search after an edit of a 100k library takes
about 25 ms instead of the 0.9 s of a rebuild; more changes rebuild it.
Hamming distance over sign bits picks candidates, int8 dot products re-rank
them, and the best few get exact float cosine. The bits are signs of the
*centred* vectors (e5 vectors share a large common component; without
centring, sign bits barely tell them apart) seen through two random
rotations, twice as many bits as dimensions: on 100k synthetic skills the
top 5 agrees with exact cosine 0.96 of the time, against 0.77 for the signs
of the coordinates themselves, at about the same cost. sqlite-vec's
brute-force float KNN over 100k rows took about as long as the whole
budget, and its bit KNN costs time in proportion to k.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from aspire_tui.skills.index import SkillIndex, vectors_from_blobs

if TYPE_CHECKING:
    from aspire_tui.skills.search import Columns, Filters

CANDIDATES = 1_000         # rows the sign bits pass to the int8 re-ranking
RESCORE = 60               # rows the int8 re-ranking passes to the exact float scores
EXCLUDED = 0x8000          # added to the Hamming distance (at most 2 * dim bits) of rows the filters leave out
ROTATIONS = 2              # random rotations whose signs make the bits
UPDATE_SHARE = 0.05        # QuantizedVectors re-encodes at most this share of its rows with the same centre and scale


class QuantizedVectors:
    """An in-memory copy of a large index's vectors, quantized.

    Three passes, each on fewer rows: Hamming distance over sign bits of the
    rotated, centred vectors picks about ``CANDIDATES`` rows (the bits are
    stored one column per 64, so each pass over 100k rows is a dozen vector
    operations); int8 dot products re-rank those; the best few are scored
    exactly with the float vectors from ``skill_embeddings``.
    """

    def __init__(self, index: SkillIndex, version: str | None) -> None:
        self.version = version
        rows = index.db.execute("select id, embedding from skill_embeddings order by id").fetchall()
        dim = index.dim or 0
        self.ids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = vectors_from_blobs((r[1] for r in rows), dim)
        self.center = matrix.mean(axis=0) if len(rows) else np.zeros(dim, np.float32)
        self.projection = _rotations(dim, ROTATIONS)
        peak = np.abs(matrix - self.center).max(axis=0) if len(rows) else np.ones(dim, np.float32)
        self.scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
        signs, self.int8 = self._encode(matrix)
        self.bits = [np.ascontiguousarray(col) for col in signs.T]
        self.updated_rows = 0  # rows re-encoded since the centre and scale were computed
        self._penalties: dict[tuple, np.ndarray] = {}

    def _encode(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(sign bits, one row of uint64 words per vector; int8 codes) of float vectors, with this copy's
        centre, rotations and scale; 10k rows at a time, so the float temporaries stay small."""
        signs, codes = [], []
        for start in range(0, max(len(matrix), 1), 10_000):
            centred = matrix[start:start + 10_000] - self.center
            signs.append(self._pack(centred @ self.projection))
            # a row re-encoded after the scale was set may lie beyond the peak it was set from
            codes.append(np.clip(np.round(centred / self.scale), -127, 127).astype(np.int8))
        return np.concatenate(signs), np.concatenate(codes)

    def updated(self, index: SkillIndex, version: str | None) -> "QuantizedVectors | None":
        """A copy of this one with the rows changed since it was made re-read, or None when it should be
        rebuilt instead: the change log cannot say what changed, or, counting these, more than
        ``UPDATE_SHARE`` of the rows will have been encoded with a centre and scale computed before them.

        Rebuilding reads and encodes every row (1 to 2 s at 100k skills), where an edit changes one. This
        copy is left as it is: the index keeps it, and a rolled-back transaction goes back to it.
        """
        changed = index.vector_changes(self.version)
        if changed is None or version is None or index.dim != len(self.center):
            return None
        updated_rows = self.updated_rows + len(changed)
        if updated_rows > UPDATE_SHARE * len(self.ids):
            return None
        rows = _embedding_rows(index, sorted(changed))  # deleted rows are not there any more
        new_ids = np.array([r[0] for r in rows], dtype=np.int64)
        signs, codes = self._encode(vectors_from_blobs((r[1] for r in rows), len(self.center)))
        keep = ~np.isin(self.ids, changed)
        at = np.searchsorted(self.ids[keep], new_ids)  # rows stay in id order, as a rebuild has them
        copy = object.__new__(QuantizedVectors)
        copy.version, copy.updated_rows, copy._penalties = version, updated_rows, {}
        copy.center, copy.projection, copy.scale = self.center, self.projection, self.scale
        copy.ids = np.insert(self.ids[keep], at, new_ids)
        copy.int8 = np.insert(self.int8[keep], at, codes, axis=0)
        copy.bits = [np.insert(col[keep], at, words) for col, words in zip(self.bits, signs.T)]
        return copy

    @staticmethod
    def _pack(centred: np.ndarray) -> np.ndarray:
        packed = np.packbits(centred > 0, axis=-1)
        pad = (-packed.shape[-1]) % 8
        if pad:
            packed = np.concatenate([packed, np.zeros(packed.shape[:-1] + (pad,), np.uint8)], axis=-1)
        return np.ascontiguousarray(packed).view(np.uint64)

    def penalty(self, columns: "Columns", filters: "Filters") -> np.ndarray:
        """Per row, 0 where the filters allow it, else a bit above any Hamming distance.

        Cached per filter: an agent asks for the same kind, category and embodiment again
        and again, and building the mask costs more than the Hamming pass itself.
        """
        key = (columns.version, filters.key)
        if key not in self._penalties:
            if len(self._penalties) >= 64:
                self._penalties.clear()
            self._penalties[key] = np.where(columns.allows(filters, self.ids), 0, EXCLUDED).astype(np.uint16)
        return self._penalties[key]

    def nearest(self, index: SkillIndex, q: np.ndarray, limit: int, filters: "Filters",
                columns: "Columns | None" = None) -> list[int]:
        """Ids of the ``limit`` rows nearest ``q`` by cosine, best first, within ``filters``.

        Args:
            columns: the filter columns (``search._columns``) when ``filters`` are active.
        """
        if not len(self.ids):
            return []
        # rows are ranked by centred·q (see below), so the query's bits come from q itself, not q - center
        qbits = self._pack(np.einsum("i,ij->j", q, self.projection)[None, :])[0]
        distance = np.bitwise_count(self.bits[0] ^ qbits[0]).astype(np.uint16)
        for col, word in zip(self.bits[1:], qbits[1:]):
            distance += np.bitwise_count(col ^ word)
        if filters.active:
            distance |= self.penalty(columns, filters)
        want = min(max(CANDIDATES, limit), len(distance))
        cutoff = np.partition(distance, want - 1)[want - 1]
        rows = np.flatnonzero(distance <= min(cutoff, EXCLUDED - 1))
        # v·q = (centred + center)·q, and center·q is the same for every row. einsum, not @: OpenBLAS
        # hands a product this size to its threads, whose spinning doubled the search's CPU time.
        coarse = np.einsum("ij,j->i", self.int8[rows].astype(np.float32), self.scale * q)
        best = rows[np.argsort(-coarse, kind="stable")[:max(RESCORE, 3 * limit)]]
        return rerank(index, self.ids[best].tolist(), q, limit)


def _rotations(dim: int, count: int) -> np.ndarray:
    """``count`` random orthogonal ``dim`` x ``dim`` rotations side by side, the same every time (seeded)."""
    rng = np.random.default_rng(0)
    return np.concatenate([np.linalg.qr(rng.normal(size=(dim, dim)))[0] for _ in range(count)],
                          axis=1).astype(np.float32)


def quantized_vectors(index: SkillIndex) -> QuantizedVectors:
    """The in-memory vectors of this open index, brought up to date when ``meta.vectors_version`` moves."""
    return index.remembered("vectors", QuantizedVectors, update=QuantizedVectors.updated)


def _embedding_rows(index: SkillIndex, ids: list[int]) -> list[tuple[int, bytes]]:
    """(id, float vector blob) of the ``skill_embeddings`` rows among ``ids``, read 900 ids at a time (SQLite
    limits a statement's parameters); in id order when ``ids`` is sorted."""
    rows: list[tuple[int, bytes]] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        rows += index.db.execute("select id, embedding from skill_embeddings where id in "
                                 f"({','.join('?' for _ in chunk)}) order by id", chunk).fetchall()
    return rows


def rerank(index: SkillIndex, ids: list[int], q: np.ndarray, limit: int) -> list[int]:
    """``ids`` ordered by exact cosine to ``q`` (float vectors from ``skill_embeddings``), best ``limit``."""
    rows = _embedding_rows(index, ids)
    if not rows:
        return []
    matrix = vectors_from_blobs((r[1] for r in rows), q.shape[0])
    # einsum: see QuantizedVectors.nearest
    order = np.argsort(-np.einsum("ij,j->i", matrix, q), kind="stable")[:limit]
    return [rows[i][0] for i in order]
