"""Retrieval: keyword (FTS5 bm25) and vector (sqlite-vec) rankings fused by reciprocal rank.

Small libraries get exact cosine KNN from ``skill_vec``. Past ``EXACT_LIMIT``
rows the vector side takes candidates from ``skill_bits`` (binary-quantised
``vec0``, Hamming distance) and re-ranks them with the float vectors.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from aspire_tui.skills.index import SkillIndex, vectors_from_blobs

RRF_K = 60
EXACT_LIMIT = 10_000
KEYWORD_BOUND = 20_000     # above this many skills, keyword search keeps only its rarest words
KEYWORD_BUDGET = 6_000     # ... as many as match at most this many rows together
BIT_CANDIDATES = 40
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


def _rarest_words(index: SkillIndex, words: list[str]) -> list[str]:
    """The rarest words whose documents add up to at most KEYWORD_BUDGET (at least one word).

    Ranking every match of a common word costs time in proportion to its
    matches; in a large library those words carry little weight in bm25 anyway.
    """
    def stem(w: str) -> str:
        for suffix in ("ing", "es", "ed", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                return w[: -len(suffix)]
        return w

    lookups = {w: [w, stem(w)] for w in words}
    terms = sorted({t for ts in lookups.values() for t in ts})
    marks = ",".join("?" for _ in terms)
    df = dict(index.db.execute(f"select term, doc from skills_vocab where term in ({marks})", terms).fetchall())
    scored = sorted(words, key=lambda w: min((df.get(t, 0) for t in lookups[w] if t in df), default=0))
    chosen: list[str] = []
    total = 0
    for w in scored:
        count = min((df.get(t, 0) for t in lookups[w] if t in df), default=0)
        if chosen and total + count > KEYWORD_BUDGET:
            break
        chosen.append(w)
        total += count
    return chosen


def keyword_ranking(index: SkillIndex, query: str, limit: int, filters: Filters) -> list[int]:
    words = query_words(query)
    if not words:
        return []
    if len(words) > 1 and index.count() > KEYWORD_BOUND:
        words = _rarest_words(index, words)
    match = fts_query(words)
    where, args = filters.sql()
    sql = ("select s.id from skills_fts f join skills s on s.id = f.rowid where skills_fts match ?"
           + (f" and {where}" if where else "")
           + " order by bm25(skills_fts, 8.0, 4.0, 1.0) limit ?")
    return [r[0] for r in index.db.execute(sql, [match, *args, limit]).fetchall()]


def vector_ranking(index: SkillIndex, qvec: np.ndarray, limit: int, filters: Filters) -> list[int]:
    if not index.has_vectors():
        return []
    q = np.asarray(qvec, dtype=np.float32)
    blob = q.tobytes()
    db = index.db
    if filters.beyond_kind:
        where, args = filters.sql()
        ids = [r[0] for r in db.execute(f"select id from skills s where {where} limit ?",
                                        [*args, FILTER_SCAN_LIMIT + 1]).fetchall()]
        if len(ids) <= FILTER_SCAN_LIMIT:
            return _rerank(index, ids, q, limit)
        allowed = set(ids)
        candidates = _bit_candidates(index, blob, max(limit * 10, 200), filters.kind)
        return _rerank(index, [i for i in candidates if i in allowed], q, limit)
    total = index.count(filters.kind)
    if total <= EXACT_LIMIT:
        sql = "select id from skill_vec where embedding match ? and k = ?"
        args = [blob, limit]
        if filters.kind:
            sql += " and kind = ?"
            args.append(filters.kind)
        return [r[0] for r in db.execute(sql + " order by distance", args).fetchall()]
    candidates = _bit_candidates(index, blob, max(limit, BIT_CANDIDATES), filters.kind)
    return _rerank(index, candidates, q, limit)


def _bit_candidates(index: SkillIndex, blob: bytes, k: int, kind: str | None) -> list[int]:
    sql = "select id from skill_bits where embedding match vec_quantize_binary(?) and k = ?"
    args: list[Any] = [blob, k]
    if kind:
        sql += " and kind = ?"
        args.append(kind)
    return [r[0] for r in index.db.execute(sql, args).fetchall()]


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
