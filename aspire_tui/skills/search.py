"""Retrieval: keyword (FTS5 bm25) and vector (sqlite-vec) rankings fused by reciprocal rank.

Libraries up to ``EXACT_LIMIT`` skills get exact cosine KNN from sqlite-vec
(``skill_vec``). Larger ones take ``CANDIDATES`` candidates by Hamming
distance over sign bits of the *centred* vectors (e5 vectors share a large
common component; without centring, sign bits barely tell them apart), held
in memory and rebuilt when ``meta.vectors_version`` changes, then re-rank the
candidates by exact cosine. sqlite-vec's own bit KNN costs time in proportion
to k, and a k large enough for good recall took longer than the whole budget.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from aspire_tui.skills.index import SkillIndex, vectors_from_blobs

RRF_K = 60
EXACT_LIMIT = 5_000
KEYWORD_BOUND = 5_000      # above this many skills, keyword search keeps only its rarest words
KEYWORD_BUDGET = 1_500     # ... as many as match at most this many rows together
CANDIDATES = 400
FILTER_SCAN_LIMIT = 5_000
MODES = ("fused", "keyword", "vector")

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
    terms = sorted(set(stems.values()))
    marks = ",".join("?" for _ in terms)
    df = dict(index.db.execute(f"select term, doc from skills_vocab where term in ({marks})", terms).fetchall())
    return sorted(((w, int(df.get(stems[w], 0))) for w in words), key=lambda wd: wd[1])


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
    where, args = filters.sql()
    sql = ("select s.id from skills_fts f join skills s on s.id = f.rowid where skills_fts match ?"
           + (f" and {where}" if where else "")
           + " order by bm25(skills_fts, 8.0, 4.0, 1.0) limit ?")
    return [r[0] for r in index.db.execute(sql, [match, *args, limit]).fetchall()]


def vector_ranking(index: SkillIndex, qvec: np.ndarray, limit: int, filters: Filters) -> list[int]:
    if not index.has_vectors():
        return []
    q = np.asarray(qvec, dtype=np.float32)
    db = index.db
    if filters.beyond_kind:
        where, args = filters.sql()
        ids = [r[0] for r in db.execute(f"select id from skills s where {where} limit ?",
                                        [*args, FILTER_SCAN_LIMIT + 1]).fetchall()]
        if len(ids) <= FILTER_SCAN_LIMIT:
            return _rerank(index, ids, q, limit)
        allowed = set(ids)
        candidates = _candidates(index, q, max(limit * 20, 1000), filters.kind)
        return _rerank(index, [i for i in candidates if i in allowed], q, limit)
    if index.count() <= EXACT_LIMIT:
        sql = "select id from skill_vec where embedding match ? and k = ?"
        args: list[Any] = [q.tobytes(), limit]
        if filters.kind:
            sql += " and kind = ?"
            args.append(filters.kind)
        return [r[0] for r in db.execute(sql + " order by distance", args).fetchall()]
    return _rerank(index, _candidates(index, q, max(limit, CANDIDATES), filters.kind), q, limit)


class _SignBits:
    """Sign bits of the centred embeddings of one index, for a fast Hamming pre-selection."""

    def __init__(self, index: SkillIndex, version: str | None) -> None:
        self.version = version
        rows = index.db.execute("select e.id, s.kind, e.embedding from skill_embeddings e "
                                "join skills s on s.id = e.id order by e.id").fetchall()
        dim = index.dim or 0
        self.ids = np.array([r[0] for r in rows], dtype=np.int64)
        self.lesson = np.array([r[1] == "lesson" for r in rows], dtype=bool)
        matrix = vectors_from_blobs((r[2] for r in rows), dim)
        self.center = matrix.mean(axis=0) if len(rows) else np.zeros(dim, np.float32)
        self.bits = self._pack(matrix)

    def _pack(self, matrix: np.ndarray) -> np.ndarray:
        packed = np.packbits((matrix - self.center) > 0, axis=-1)
        pad = (-packed.shape[-1]) % 8
        if pad:
            packed = np.concatenate([packed, np.zeros(packed.shape[:-1] + (pad,), np.uint8)], axis=-1)
        return np.ascontiguousarray(packed).view(np.uint64)

    def nearest(self, q: np.ndarray, k: int, kind: str | None) -> list[int]:
        if not len(self.ids):
            return []
        distance = np.bitwise_count(self.bits ^ self._pack(q[None, :])).sum(axis=1, dtype=np.int32)
        if kind:
            distance = np.where(self.lesson == (kind == "lesson"), distance, np.iinfo(np.int32).max)
        k = min(k, len(distance))
        top = np.argpartition(distance, k - 1)[:k]
        top = top[distance[top] < np.iinfo(np.int32).max]
        return self.ids[top].tolist()


_sign_bits: dict[int, _SignBits] = {}


def _candidates(index: SkillIndex, q: np.ndarray, k: int, kind: str | None) -> list[int]:
    version = index.meta("vectors_version")
    key = id(index.db.conn)
    cache = _sign_bits.get(key)
    if cache is None or cache.version != version:
        cache = _sign_bits[key] = _SignBits(index, version)
    return cache.nearest(q, k, kind)


def _rerank(index: SkillIndex, ids: list[int], q: np.ndarray, limit: int) -> list[int]:
    if not ids:
        return []
    rows: list[tuple[int, bytes]] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        marks = ",".join("?" for _ in chunk)
        rows += index.db.execute(f"select id, embedding from skill_embeddings where id in ({marks})",
                                 chunk).fetchall()
    if not rows:
        return []
    matrix = vectors_from_blobs((r[1] for r in rows), q.shape[0])
    order = np.argsort(-(matrix @ q), kind="stable")[:limit]
    return [rows[i][0] for i in order]


def fuse(rankings: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score = sum of 1 / (k + rank) over the rankings."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def search(index: SkillIndex, embedder: Any, query: str, *, k: int = 5, kind: str | None = None,
           category: str | None = None, embodiment: str | None = None, mode: str = "fused",
           query_vector: np.ndarray | None = None) -> list[Hit]:
    """Top ``k`` skills for ``query``.

    Args:
        embedder: an ``Embedder`` (unused when ``mode`` is keyword or ``query_vector`` is given).
        mode: ``fused`` (default), ``keyword`` or ``vector``.
        query_vector: a precomputed query embedding (benchmarks time search without it).
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
    filters = Filters(kind, category, embodiment)
    depth = max(k * 4, 20)
    kw = keyword_ranking(index, query, depth, filters) if mode in ("fused", "keyword") else []
    vec: list[int] = []
    if mode in ("fused", "vector") and index.has_vectors():
        if query_vector is None:
            query_vector = embedder.embed_query(query)
        vec = vector_ranking(index, query_vector, depth, filters)
    if mode == "keyword":
        fused = [(i, 1.0 / (RRF_K + r)) for r, i in enumerate(kw, 1)]
    elif mode == "vector":
        fused = [(i, 1.0 / (RRF_K + r)) for r, i in enumerate(vec, 1)]
    else:
        fused = fuse([kw, vec])
    fused = fused[:k]
    if not fused:
        return []
    kw_rank = {i: r for r, i in enumerate(kw, 1)}
    vec_rank = {i: r for r, i in enumerate(vec, 1)}
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
                        kw_rank.get(skill_id), vec_rank.get(skill_id), bool(r[8])))
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
