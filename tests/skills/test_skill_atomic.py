"""Index writes are all or nothing: a process killed (SIGKILL) inside a migration or a reindex leaves the
index as it was before the block or as it is after it, never between.

The child process runs the real code; it pauses at a chosen SQL statement through SQLite's own trace hook
(``Connection.set_trace_callback``, called as each statement starts), says so in a file, and waits there
until the parent kills it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from aspire_tui.skills.index import MIGRATIONS, open_index

from .conftest import skill_source

ROOT = Path(__file__).resolve().parents[2]

PAUSE = """
import os, sys, time
from pathlib import Path

READY, AT, COUNT = Path(os.environ["PAUSE_READY"]), os.environ["PAUSE_AT"], int(os.environ["PAUSE_COUNT"])
seen = 0

def pause_at(sql):
    global seen
    if sql.lstrip().lower().startswith(AT):
        seen += 1
        if seen == COUNT:
            READY.write_text(str(os.getpid()))
            while True:
                time.sleep(1)
"""

MIGRATE = PAUSE + """
import sqlite_utils, sqlean
from aspire_tui.skills.index import load_sqlite_vec, migrate
conn = sqlean.connect(sys.argv[1], timeout=30)
load_sqlite_vec(conn)
db = sqlite_utils.Database(conn)
db.execute("pragma journal_mode = wal")
conn.set_trace_callback(pause_at)
migrate(db)
print("finished", flush=True)
"""

REINDEX = PAUSE + """
from aspire_tui.skills.library import Library
lib = Library.open(sys.argv[1])
lib.index.db.conn.set_trace_callback(pause_at)
lib.reindex(embed=False)
print("finished", flush=True)
"""


def run_until_paused(code: str, arg: Path, tmp_path: Path, at: str, count: int = 1) -> None:
    """Run ``code`` in a child until it reaches the ``count``-th statement starting with ``at``; kill it there."""
    ready = tmp_path / "paused"
    ready.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PAUSE_READY=str(ready), PAUSE_AT=at, PAUSE_COUNT=str(count))
    proc = subprocess.Popen([sys.executable, "-c", code, str(arg)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None, f"the child ended before it paused: {proc.communicate()}"
            assert time.monotonic() < deadline, "the child never paused"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def raw(path: Path) -> sqlite_utils.Database:
    """The file as it is, opened without migrating it."""
    import sqlean

    return sqlite_utils.Database(sqlean.connect(str(path)))


def schema_of(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in db.execute("select type, name from sqlite_master").fetchall()}


def test_a_migration_killed_midway_leaves_the_index_before_it(tmp_path):
    """m007 creates a table, an index and triggers and writes meta: killed before its last trigger, none of it
    is there, and the next open applies it whole."""
    path = tmp_path / "index.db"
    first = [name for name, _ in MIGRATIONS].index("m007_vector_changes")
    db = raw(path)
    db.execute("create table _migrations (name text primary key, applied_at text)")
    for name, fn in MIGRATIONS[:first]:
        fn(db)
        db.execute("insert into _migrations (name) values (?)", [name])
    # an index from before m007 that has vectors: m007 takes the path that rewrites their triggers
    db.execute("create table skill_embeddings (id integer primary key, text_hash text, embedding blob not null, "
               "sparse blob)")
    db.execute("insert into meta (key, value) values ('vectors_version', '5')")
    db.conn.commit()
    before = schema_of(db)
    db.conn.close()

    run_until_paused(MIGRATE, path, tmp_path, "create trigger skill_embeddings_delete")

    db = raw(path)
    applied = {r[0] for r in db.execute("select name from _migrations").fetchall()}
    assert "m007_vector_changes" not in applied
    assert schema_of(db) == before, "a killed migration left part of its schema behind"
    assert db.execute("select value from meta where key = 'vector_changes_from'").fetchone() is None
    db.conn.close()

    after = open_index(path)  # the next open applies the migration whole
    assert {"vector_changes", "skill_embeddings_insert", "skill_embeddings_delete"} <= {
        name for _, name in schema_of(after)}
    assert after.execute("select value from meta where key = 'vector_changes_from'").fetchone()[0] == "5"
    after.conn.close()


def index_rows(path: Path) -> tuple[set[tuple[str, str]], int]:
    """(name, blob) of every indexed skill, and how many FTS rows there are."""
    db = raw(path)
    try:
        rows = {(r[0], r[1]) for r in db.execute("select name, blob from skills").fetchall()}
        fts = db.execute("select count(*) from skills_fts").fetchone()[0]
        return rows, fts
    finally:
        db.conn.close()


def test_a_reindex_killed_midway_leaves_the_index_before_it(lib, tmp_path):
    """Three new skills and one edit: killed after the first row was written, the index holds none of them."""
    lib.save("wave", skill_source("wave", "Wave the gripper."))
    before, fts_before = index_rows(lib.index_path)
    assert fts_before == len(before)
    for name in ("sway", "nod", "bow"):
        (lib.skills_dir / f"{name}.py").write_text(skill_source(name, f"{name.title()} over the block."))
    (lib.skills_dir / "wave.py").write_text(skill_source("wave", "Wave the gripper twice."))
    lib.close()

    run_until_paused(REINDEX, lib.root, tmp_path, "insert into skills (", count=3)

    rows, fts = index_rows(lib.index_path)
    assert rows == before, f"a killed reindex left {sorted(n for n, _ in rows ^ before)} half-written"
    assert fts == fts_before

    again = type(lib).open(lib.root)  # the next reindex writes the block whole
    again.reindex(embed=False)
    rows, fts = index_rows(lib.index_path)
    assert {"sway", "nod", "bow", "wave"} <= {name for name, _ in rows}
    assert len(rows) == len(before) + 3 and fts == len(rows)
    again.close()


def test_resetting_vectors_drops_only_tables_the_index_creates(tmp_path):
    """Every table ``reset_vectors`` drops is one it (or a migration) creates: no DROP of a table nothing makes."""
    from aspire_tui.skills.index import SkillIndex

    db = open_index(tmp_path / "index.db")
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    SkillIndex(db).reset_vectors("hash-embed", 8)
    dropped = {s.split()[-1] for s in statements if s.lower().startswith("drop table")}
    assert dropped and dropped <= set(db.table_names())
    db.conn.close()


def test_a_connection_that_cannot_load_extensions_says_so_in_one_line():
    from aspire_tui.skills.index import ExtensionUnavailable, load_sqlite_vec

    with pytest.raises(ExtensionUnavailable, match=r"^cannot load the sqlite-vec extension \(AttributeError") as e:
        load_sqlite_vec(object())
    assert "\n" not in str(e.value)
