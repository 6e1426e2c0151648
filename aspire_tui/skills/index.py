"""The library's index: one SQLite file beside the skill files, rebuildable from them.

Tables: ``skills`` (one row per indexed file), ``stats`` and ``runs`` (usage,
written by runs and regression tests, never committed), ``skills_fts`` (FTS5)
and, once an embedding model has been chosen, ``skill_vec`` (sqlite-vec
``vec0``, exact float cosine KNN) and ``skill_embeddings`` (the same floats
with the hash of the text they embed: a row whose embedded text did not
change keeps its vector, and rows with the same text share one; the
large-library search in ``ann.py`` keeps a quantized copy in memory, and
triggers bump ``meta.vectors_version`` on every change so that copy knows
when it is stale, and log the changed row's id in ``vector_changes`` so that
it can re-read those rows alone).
Schema changes are named migrations, as llm's are. Every block that writes more than one statement
runs in one transaction (``db.atomic()``: sqlite-utils commits each ``execute`` that opens no transaction
itself), so a process killed inside it leaves the index as it was before.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np
import sqlite_utils

from aspire_tui.skills.embeddings import text_hash
from aspire_tui.skills.skillfile import kept_parse, parser_id

INDEX_FILENAME = "index.db"
VECTOR_LOG_KEEP = 10_000  # vectors_version steps the change log keeps (a copy further behind is rebuilt)


class IndexProblem(Exception):
    """The index cannot be opened or used (said in one line)."""


class IndexCorrupt(IndexProblem):
    """The index file is damaged; it can be rebuilt from the skill files."""


class ExtensionUnavailable(IndexProblem):
    """sqlite-vec could not be loaded into SQLite."""


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    db.execute("create table meta (key text primary key, value text)")
    db.execute("""
        create table skills (
            id integer primary key,
            name text not null unique,
            kind text not null,
            path text not null unique,
            description text not null,
            docstring text,
            signature text,
            metadata text,
            category text,
            embodiment text,
            depends_on text,
            calls text,
            imports text,
            blob text not null,
            mtime_ns integer,
            size integer,
            search_text text,
            stale integer not null default 0,
            indexed_at text
        )""")
    db.execute("create index skills_kind on skills(kind)")
    db.execute("""
        create table stats (
            name text primary key,
            uses integer not null default 0,
            successes integer not null default 0,
            total_episode_s real not null default 0,
            mean_episode_s real,
            last_used text
        )""")
    db.execute("""
        create table runs (
            id integer primary key,
            name text not null,
            blob text,
            commit_sha text,
            task text,
            seed integer,
            success integer not null,
            episode_s real,
            run_id text,
            source text,
            at text
        )""")
    db.execute("create index runs_name on runs(name, at)")
    db.execute("""
        create virtual table skills_fts using fts5(
            name, description, body, tokenize = 'porter unicode61'
        )""")


@migration
def m002_runs_batch(db: sqlite_utils.Database) -> None:
    db.execute("alter table runs add column batch text")


@migration
def m003_fts_vocab(db: sqlite_utils.Database) -> None:
    db.execute("create virtual table skills_vocab using fts5vocab(skills_fts, 'row')")


@migration
def m004_category_index(db: sqlite_utils.Database) -> None:
    db.execute("create index skills_category on skills(category)")


@migration
def m005_sparse_vectors(db: sqlite_utils.Database) -> None:
    # added skill_embeddings.sparse, which m008 drops; kept by name so that the recorded list stays whole, and
    # empty so that an index from before it does not add a column only to drop it
    pass


@migration
def m006_skills_version(db: sqlite_utils.Database) -> None:
    # what is kept in memory about the skills table (its size, the keyword vocabulary) knows from this when
    # it is stale, as the vectors' copy knows from vectors_version
    db.execute("insert or replace into meta (key, value) values ('skills_version', '0')")
    for event in ("insert", "update", "delete"):
        db.execute(f"""create trigger skills_{event} after {event} on skills
            begin update meta set value = value + 1 where key = 'skills_version'; end""")


@migration
def m007_vector_changes(db: sqlite_utils.Database) -> None:
    # which rows each vectors_version step changed, so the in-memory copy of a large library re-reads those
    # rows alone; the log keeps about the last VECTOR_LOG_KEEP steps, and vector_changes_from says from which
    # version on it is complete
    db.execute("create table vector_changes (version integer not null, id integer not null)")
    db.execute("create index vector_changes_version on vector_changes(version)")
    db.execute(f"""create trigger vector_changes_prune after insert on vector_changes
        when new.version % 1000 = 0 begin
            delete from vector_changes where version <= new.version - {VECTOR_LOG_KEEP};
            update meta set value = max(cast(value as integer), new.version - {VECTOR_LOG_KEEP})
                where key = 'vector_changes_from';
        end""")
    if "skill_embeddings" in db.table_names():
        db.execute("insert into meta (key, value) select 'vector_changes_from', value from meta "
                   "where key = 'vectors_version'")
        for event in ("insert", "update", "delete"):
            db.execute(f"drop trigger if exists skill_embeddings_{event}")
        create_vector_triggers(db)


@migration
def m008_drop_sparse_vectors(db: sqlite_utils.Database) -> None:
    # search ranks by keywords and dense vectors alone since issue 21 (on a blind set the sparse ranking lifted
    # MRR by 0.004 and lowered recall@5 from 0.959 to 0.942), so the sparse vectors and their recipe go
    if "skill_embeddings" in db.table_names() and "sparse" in db["skill_embeddings"].columns_dict:
        db.execute("alter table skill_embeddings drop column sparse")
    db.execute("delete from meta where key = 'sparse_recipe'")


@migration
def m009_kept_parses(db: sqlite_utils.Database) -> None:
    # a skill file's parse, kept beside its blob, so that reading a skill whose bytes did not change skips
    # parsing and checking it again (``parsed_by`` names the parser: a changed parser parses afresh)
    db.execute("alter table skills add column parsed text")
    db.execute("alter table skills add column parsed_by text")


@migration
def m010_keyword_text_without_history(db: sqlite_utils.Database) -> None:
    # keyword search no longer reads a skill's Evidence section: every file is read again at the next
    # reindex (its vector is kept, the embedded text did not change)
    db.execute("update skills set mtime_ns = null, blob = '' where not stale")


def create_vector_triggers(db: sqlite_utils.Database) -> None:
    """Triggers on ``skill_embeddings`` that bump ``meta.vectors_version`` once per changed row and log the
    row's id in ``vector_changes`` under the new version."""
    for event, rows in (("insert", ["new"]), ("update", ["old", "new"]), ("delete", ["old"])):
        log = " union ".join(f"select value, {row}.id from meta where key = 'vectors_version'" for row in rows)
        db.execute(f"""create trigger skill_embeddings_{event} after {event} on skill_embeddings begin
            update meta set value = value + 1 where key = 'vectors_version';
            insert into vector_changes (version, id) {log};
        end""")


def load_sqlite_vec(conn) -> None:
    """Load sqlite-vec into a connection, or raise ``ExtensionUnavailable`` in one line."""
    try:
        import sqlite_vec

        conn.enable_load_extension(True)
        sqlite_vec.load(conn)
        conn.enable_load_extension(False)
    except Exception as e:  # noqa: BLE001 - any failure (no module, no such method, no file) is the same to the user
        raise ExtensionUnavailable(
            f"cannot load the sqlite-vec extension ({type(e).__name__}: {e}); "
            "reinstall with `pip install sqlite-vec sqlean.py`") from e


def open_index(path: str | Path | None) -> sqlite_utils.Database:
    """Open (creating and migrating) an index database with sqlite-vec loaded.

    Args:
        path: the SQLite file, or None for an in-memory database (tests).

    Raises:
        ExtensionUnavailable: sqlite-vec would not load.
        IndexCorrupt: the file is not a usable SQLite database.
    """
    try:
        import sqlean as sqlite3  # the stdlib build here cannot load extensions
    except ImportError:  # pragma: no cover
        import sqlite3  # type: ignore[no-redef]
    try:
        conn = sqlite3.connect(":memory:" if path is None else str(path), check_same_thread=False,
                               timeout=30)
    except sqlite3.Error as e:
        raise IndexCorrupt(f"cannot open the index {path}: {e}") from e
    load_sqlite_vec(conn)
    # sqlite-utils plugins are not ours to run, and looking for them reads every installed package's
    # metadata (tens of milliseconds before each command's first search)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        if path is not None:
            db.execute("pragma journal_mode = wal")
            db.execute("pragma synchronous = normal")
        migrate(db)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise IndexCorrupt(f"the index {path} is damaged ({e}); it will be rebuilt from the skill files") from e
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Apply the named migrations not yet recorded in ``_migrations``."""
    db.execute("create table if not exists _migrations (name text primary key, applied_at text)")
    done = {row[0] for row in db.execute("select name from _migrations").fetchall()}
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            fn(db)
            db.execute("insert into _migrations (name, applied_at) values (?, ?)",
                       [name, time.strftime("%Y-%m-%dT%H:%M:%S")])


class SkillIndex:
    """Reads and writes of the index; callers hold the writer lock for writes."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._remembered: dict[str, tuple[str, Any]] = {}  # name -> (version it was built at, value)

    # ---------------------------------------------------------------- meta

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else default

    def remembered(self, name: str, build: Callable[["SkillIndex", str | None], Any],
                   version_key: str = "vectors_version",
                   update: Callable[[Any, "SkillIndex", str | None], Any] | None = None) -> Any:
        """``build(self, version)``, kept on this open index until ``meta.<version_key>`` moves.

        For what is costly to derive from the tables (their size, in-memory copies for search). Nothing is
        kept while a transaction is open: rolled back, its version number comes again with other contents.

        Args:
            update: ``update(kept, self, version)`` brings a value kept at an older version up to date more
                cheaply than ``build``, or returns None when it cannot (then ``build`` runs). It must return a
                new value and leave ``kept`` as it was: a rolled-back transaction goes back to it.
        """
        version = self.meta(version_key)
        kept = self._remembered.get(name)
        if kept is not None and kept[0] == version:
            return kept[1]
        value = update(kept[1], self, version) if kept is not None and update is not None else None
        if value is None:
            value = build(self, version)
        if version is not None and not self.db.conn.in_transaction:
            self._remembered[name] = (version, value)
        return value

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("insert or replace into meta (key, value) values (?, ?)", [key, value])

    @property
    def model_id(self) -> str | None:
        return self.meta("embedding_model")

    @property
    def dim(self) -> int | None:
        value = self.meta("embedding_dim")
        return int(value) if value else None

    def has_vectors(self) -> bool:
        return self.dim is not None and "skill_vec" in self.db.table_names()

    def vector_changes(self, since: str | None) -> list[int] | None:
        """Ids of the ``skill_embeddings`` rows inserted, updated or deleted since ``meta.vectors_version`` was
        ``since``; None when the change log cannot say (it starts later: the vectors were reset, or it was
        pruned)."""
        if since is None:
            return None
        ids = [r[0] for r in self.db.execute("select distinct id from vector_changes where version > ?",
                                             [int(since)]).fetchall()]
        # read after the log: pruning only raises the start, so a start still at or below ``since`` now was
        # so while the log was read, and the rows it pruned were older than ``since``
        start, now = (self.meta(key) for key in ("vector_changes_from", "vectors_version"))
        if start is None or now is None or not int(start) <= int(since) <= int(now):
            return None
        return ids

    def reset_vectors(self, model_id: str, dim: int) -> None:
        """(Re)create the vector tables for ``model_id``; all embeddings must be recomputed."""
        with self.db.atomic():
            for table in ("skill_vec", "skill_embeddings"):
                self.db.execute(f"drop table if exists {table}")
            self.db.execute(f"""create virtual table skill_vec using vec0(
                id integer primary key, kind text partition key,
                embedding float[{dim}] distance_metric=cosine)""")
            self.db.execute("create table skill_embeddings (id integer primary key, text_hash text, "
                            "embedding blob not null)")
            self.db.execute("create index skill_embeddings_text on skill_embeddings(text_hash)")
            # the version goes on from where it was, one step past any copy made before, and the change log
            # starts afresh there: a copy of the old vectors can neither match it nor be updated from the log
            self.db.execute("insert or ignore into meta (key, value) values ('vectors_version', '0')")
            self.db.execute("update meta set value = value + 1 where key = 'vectors_version'")
            self.db.execute("delete from vector_changes")
            self.db.execute("insert or replace into meta (key, value) select 'vector_changes_from', value "
                            "from meta where key = 'vectors_version'")
            create_vector_triggers(self.db)
            self.set_meta("embedding_model", model_id)
            self.set_meta("embedding_dim", str(dim))

    # ---------------------------------------------------------------- skills

    def known(self, paths: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """path -> {id, name, blob, mtime_ns, size, stale, kind} for indexed files (all, or ``paths``)."""
        sql = "select path, id, name, blob, mtime_ns, size, stale, kind from skills"
        args: list[Any] = []
        if paths is not None:
            if not paths:
                return {}
            sql += f" where path in ({','.join('?' for _ in paths)})"
            args = list(paths)
        return {r[0]: {"id": r[1], "name": r[2], "blob": r[3], "mtime_ns": r[4], "size": r[5],
                       "stale": r[6], "kind": r[7]} for r in self.db.execute(sql, args).fetchall()}

    def count(self, kind: str | None = None) -> int:
        """How many skills (of ``kind``) are indexed."""
        if kind:
            return self.db.execute("select count(*) from skills where kind = ?", [kind]).fetchone()[0]
        # counting 100k rows takes 0.5 ms, and every large-library search asks
        return self.remembered("count", lambda index, _: index.db.execute("select count(*) from skills").fetchone()[0],
                               "skills_version")

    def upsert(self, skill: Any, *, mtime_ns: int | None, size: int | None, stale: bool = False) -> int:
        """Insert or replace one skill's row and FTS entry; returns its id."""
        existing = self.db.execute("select id from skills where name = ? or path = ?",
                                   [skill.name, skill.path]).fetchall()
        kept = None  # the old vector, kept when the embedded text did not change (an edit to code only)
        if existing and self.has_vectors():
            kept = self.db.execute("select text_hash, embedding from skill_embeddings where id = ?",
                                   [existing[0][0]]).fetchone()
        for (old_id,) in existing:
            self._delete_id(old_id)
        body = skill.keyword_text()
        metadata = dict(skill.metadata)
        if skill.kind == "lesson":
            metadata["failure"] = skill.failure
        row = {
            "name": skill.name, "kind": skill.kind, "path": skill.path,
            "description": skill.description, "docstring": skill.docstring,
            "signature": skill.signature, "metadata": json.dumps(metadata, sort_keys=True),
            "category": skill.category, "embodiment": skill.embodiment,
            "depends_on": json.dumps(skill.depends_on), "calls": json.dumps(list(skill.calls)),
            "imports": json.dumps(list(skill.imports)), "blob": skill.blob,
            "mtime_ns": mtime_ns, "size": size, "search_text": skill.search_text(),
            "stale": int(stale), "indexed_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "parsed": kept_parse(skill), "parsed_by": parser_id(),
        }
        if existing:
            row["id"] = existing[0][0]
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.db.execute(f"insert into skills ({cols}) values ({marks})", list(row.values()))
        new_id = row.get("id") or cur.lastrowid
        self.db.execute("insert into skills_fts (rowid, name, description, body) values (?, ?, ?, ?)",
                        [new_id, skill.name.replace("_", " ") + " " + skill.name, skill.description, body])
        if kept and kept[0] == text_hash(self.model_id or "", skill.search_text()):
            self.set_embedding(int(new_id), skill.kind, kept[0], np.frombuffer(kept[1], dtype=np.float32))
        return int(new_id)

    def parsed(self, path: str) -> tuple[str, str | None, str | None] | None:
        """(blob, parser id, kept parse as JSON) of the indexed file at ``path``, or None."""
        row = self.db.execute("select blob, parsed_by, parsed from skills where path = ?", [path]).fetchone()
        return tuple(row) if row else None

    def keep_parse(self, skill: Any) -> None:
        """Keep ``skill``'s parse on its row, while the row still holds the same bytes (a parse JSON cannot keep
        is parsed at each read, and nothing is written for it)."""
        text = kept_parse(skill)
        if text is not None:
            self.db.execute("update skills set parsed = ?, parsed_by = ? where path = ? and blob = ?",
                            [text, parser_id(), skill.path, skill.blob])

    def touch(self, path: str, mtime_ns: int, size: int) -> None:
        """Record a new mtime for a file whose content (blob) did not change."""
        self.db.execute("update skills set mtime_ns = ?, size = ? where path = ?", [mtime_ns, size, path])

    def remove(self, path: str) -> None:
        row = self.db.execute("select id from skills where path = ?", [path]).fetchone()
        if row:
            self._delete_id(row[0])

    def _delete_id(self, skill_id: int) -> None:
        self.db.execute("delete from skills where id = ?", [skill_id])
        self.db.execute("delete from skills_fts where rowid = ?", [skill_id])
        if self.has_vectors():
            self.db.execute("delete from skill_vec where id = ?", [skill_id])
            self.db.execute("delete from skill_embeddings where id = ?", [skill_id])

    def reuse_embedding(self, skill_id: int, kind: str, text_hash: str) -> bool:
        """Give ``skill_id`` the stored vector of another row that encoded the same text, if any."""
        row = self.db.execute("select embedding from skill_embeddings where text_hash = ? and id != ? limit 1",
                              [text_hash, skill_id]).fetchone()
        if row is None:
            return False
        self.set_embedding(skill_id, kind, text_hash, np.frombuffer(row[0], dtype=np.float32))
        return True

    def text_hash_now(self, skill_id: int, model_id: str) -> str | None:
        """The hash of the text row ``skill_id`` embeds now (None: the row is gone)."""
        row = self.db.execute("select search_text from skills where id = ?", [skill_id]).fetchone()
        return text_hash(model_id, row[0] or "") if row else None

    def set_embedding(self, skill_id: int, kind: str, text_hash: str, vector: np.ndarray) -> None:
        """Store a row's vector."""
        blob = np.asarray(vector, dtype=np.float32).tobytes()
        self.db.execute("delete from skill_vec where id = ?", [skill_id])
        self.db.execute("insert into skill_vec (id, kind, embedding) values (?, ?, ?)", [skill_id, kind, blob])
        self.db.execute("insert or replace into skill_embeddings (id, text_hash, embedding) values (?, ?, ?)",
                        [skill_id, text_hash, blob])

    def missing_embeddings(self, paths: list[str] | None = None) -> list[tuple[int, str, str]]:
        """(id, kind, search_text) for rows (all, or those at ``paths``) without an embedding."""
        if not self.has_vectors():
            return []
        sql = ("select s.id, s.kind, s.search_text from skills s "
               "left join skill_embeddings e on e.id = s.id where e.id is null")
        args: list[Any] = []
        if paths is not None:
            if not paths:
                return []
            sql += f" and s.path in ({','.join('?' for _ in paths)})"
            args += list(paths)
        return [(r[0], r[1], r[2]) for r in self.db.execute(sql, args).fetchall()]

    def get(self, name: str) -> dict[str, Any] | None:
        row = self.db.execute("select * from skills where name = ?", [name]).fetchone()
        if row is None:
            return None
        cols = [d[0] for d in self.db.execute("select * from skills limit 0").description]
        return _decode(dict(zip(cols, row)))

    def all(self, kind: str | None = None) -> list[dict[str, Any]]:
        sql = ("select s.*, st.uses, st.successes, st.mean_episode_s, st.last_used from skills s "
               "left join stats st on st.name = s.name")
        args: list[Any] = []
        if kind:
            sql += " where s.kind = ?"
            args.append(kind)
        cur = self.db.execute(sql + " order by s.kind desc, s.name", args)
        cols = [d[0] for d in cur.description]
        return [_decode(dict(zip(cols, r))) for r in cur.fetchall()]

    # ---------------------------------------------------------------- usage

    def record_use(self, name: str, success: bool, episode_s: float | None = None, *,
                   blob: str | None = None, commit_sha: str | None = None, task: str | None = None,
                   seed: int | None = None, run_id: str | None = None, source: str = "run",
                   batch: str | None = None) -> None:
        """Count one use of a skill (by a run or a regression test)."""
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        with self.db.atomic():
            self.db.execute("insert or ignore into stats (name) values (?)", [name])
            self.db.execute(
                "update stats set uses = uses + 1, successes = successes + ?, "
                "total_episode_s = total_episode_s + ?, "
                "mean_episode_s = (total_episode_s + ?) / (uses + 1), last_used = ? where name = ?",
                [int(bool(success)), episode_s or 0.0, episode_s or 0.0, now, name])
            self.db.execute(
                "insert into runs (name, blob, commit_sha, task, seed, success, episode_s, run_id, source, at, "
                "batch) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [name, blob, commit_sha, task, seed, int(bool(success)), episode_s, run_id, source, now, batch])

    def stats(self, name: str) -> dict[str, Any]:
        row = self.db.execute("select uses, successes, mean_episode_s, last_used from stats where name = ?",
                              [name]).fetchone()
        if not row:
            return {"uses": 0, "successes": 0, "mean_episode_s": None, "last_used": None}
        return {"uses": row[0], "successes": row[1], "mean_episode_s": row[2], "last_used": row[3]}

    def runs(self, name: str, *, blob: str | None = None, source: str | None = None) -> list[dict[str, Any]]:
        sql = "select seed, success, episode_s, blob, commit_sha, source, at, batch from runs where name = ?"
        args: list[Any] = [name]
        if blob:
            sql += " and blob = ?"
            args.append(blob)
        if source:
            sql += " and source = ?"
            args.append(source)
        cols = ["seed", "success", "episode_s", "blob", "commit_sha", "source", "at", "batch"]
        return [dict(zip(cols, r)) for r in self.db.execute(sql + " order by id", args).fetchall()]

    def close(self) -> None:
        try:
            self.db.conn.close()
        except Exception:  # noqa: BLE001
            pass


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("metadata", "depends_on", "calls", "imports"):
        if isinstance(row.get(key), str):
            try:
                row[key] = json.loads(row[key])
            except ValueError:
                pass
    return row


def vectors_from_blobs(blobs: Iterable[bytes], dim: int) -> np.ndarray:
    data = b"".join(blobs)
    return np.frombuffer(data, dtype=np.float32).reshape(-1, dim) if data else np.zeros((0, dim), np.float32)
