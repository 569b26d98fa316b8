"""The embedded backend: one SQLite file with FTS5 (the default, one analyst).

A schema change rebuilds the file (``schema.SCHEMA_ID`` differs): the index is
derived data. Readers open it read-only; WAL lets them read while one writer
writes (``BEGIN IMMEDIATE``: writers take turns). Writers check, create and
rebuild the file under an exclusive ``fcntl`` lock on ``<index>.open-lock``
(not the ingest lock, ``<index>.lock``, which is held around whole ingests and
so around this): SQLite cannot queue two connections switching a new file to
WAL (the second gets "database is locked" at once, without waiting), and a file
being created must never be taken for a broken one and deleted under its writer.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from articles.backends.base import (
    LAYOUT_FIRST,
    Backend,
    FtsRow,
    IndexUnavailable,
    Terms,
)
from articles.file_lock import locked
from articles.schema import PAGE_SIZE, SCHEMA, SCHEMA_ID

WRITER_CACHE_KIB = 256 * 1024  # the writer's page cache (peak RSS budget: 1 GB)
COMPACT_CACHE_KIB = 32 * 1024
#: The page cache while one large sort runs: SQLite's sorter sizes its runs by it.
SORT_CACHE_KIB = 16 * 1024
#: The Julian day number of day 0 (1900-01-01), for SQLite's date functions.
JULIAN_EPOCH = 2415020.5
#: SQLite's result codes for a file that is not a database or is damaged: the
#: only reasons a writer deletes the file (a busy or locked one is left alone).
_BROKEN = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


class SqliteConnection(sqlite3.Connection):
    """sqlite3's connection, with the backend that opened it (``con.backend``)."""

    backend: Backend


def fts5_query(terms: Terms) -> str:
    """Render parsed terms as an FTS5 query: each term a quoted phrase, all required."""
    return " ".join(
        '"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in terms
    )


class SqliteBackend(Backend):
    """The index in one SQLite file at ``path``."""

    name = "sqlite"
    IntegrityError = sqlite3.IntegrityError
    LIKE_ANY_CASE = "LIKE"  # SQLite's LIKE ignores the case of ASCII letters

    def __init__(self, path: Path) -> None:
        self.path = path

    def location(self) -> str:
        """Return where the index is, for messages."""
        return str(self.path)

    def exists(self) -> bool:
        """Return True when there is an index to read."""
        return self.path.exists()

    def stamp(self, con: Any = None) -> int:  # noqa: ARG002 (kept by the file system)
        """Return the modification times (ns) of the file and its WAL, summed.

        Kept by the file system, not in the index: ``con`` is not needed.
        """
        files = (Path(f"{self.path}{s}") for s in ("", "-wal"))
        return sum(f.stat().st_mtime_ns for f in files if f.exists())

    def size_bytes(self) -> int:
        """Return the bytes of the file and its write-ahead log."""
        files = (Path(f"{self.path}{s}") for s in ("", "-wal"))
        return sum(f.stat().st_size for f in files if f.exists())

    def connect(self, *, readonly: bool = False) -> SqliteConnection:
        """Open the file with WAL and a busy timeout (explicit transactions)."""
        if readonly:
            uri = f"file:{self.path.resolve()}?mode=ro"
            con = sqlite3.connect(
                uri, uri=True, timeout=30, isolation_level=None,
                factory=SqliteConnection,
            )  # fmt: skip
        else:
            con = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, factory=SqliteConnection
            )
        con.backend = self
        con.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            con.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file only
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
            # Inserts land all over the tables (ids follow publication dates): with
            # SQLite's default 2 MB page cache the writer re-reads pages for every
            # article once the index outgrows it.
            con.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            # a large sort may use a helper thread per core (``insert_sorted``)
            con.execute(f"PRAGMA threads = {os.cpu_count() or 1}")
        return con

    def open_writer(self) -> tuple[SqliteConnection, str | None]:
        """Open the file for writing, creating or rebuilding it when needed."""
        index = self.path
        index.parent.mkdir(parents=True, exist_ok=True)
        with locked(f"{index}.open-lock"):
            reason = self._outdated() if index.exists() else None
            if reason is not None:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{index}{suffix}").unlink(missing_ok=True)
            con = self.connect()
            if reason is None and schema_version(con) == SCHEMA_ID:
                return con, None
            con.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_ID,))
            con.execute("COMMIT")
            return con, reason

    def _outdated(self) -> str | None:
        """Return why the existing file cannot be used as it is (None: it can).

        A file with no tables (created, never filled) is used as it is. A busy
        or unreadable-for-now file raises ``IndexUnavailable``: it is not deleted.
        """
        index = self.path
        try:
            con = self.connect(readonly=True)
            try:
                version = schema_version(con)
                blank = con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", None) in _BROKEN:
                return f"index {index} rebuilt: unreadable ({exc})"
            raise IndexUnavailable(
                f"index {index} not opened ({exc}); it was left as it is"
            ) from None
        if version is None and blank[0] == 0:
            return None
        if version != SCHEMA_ID:
            return (
                f"index {index} rebuilt: built with schema {version or 'unknown'}, "
                f"this code uses schema {SCHEMA_ID}"
            )
        return None

    def open_reader(self) -> SqliteConnection:
        """Open the file read-only; never creates or syncs it."""
        index = self.path
        hint = "run `python -m articles sync`"
        if not index.exists():
            raise IndexUnavailable(f"no index at {index}: {hint}")
        try:
            con = self.connect(readonly=True)
            version = schema_version(con)
        except sqlite3.DatabaseError as exc:
            raise IndexUnavailable(
                f"index {index} unreadable ({exc}): {hint}"
            ) from None
        if version != SCHEMA_ID:
            con.close()
            raise IndexUnavailable(
                f"index {index} has schema {version or 'unknown'}, "
                f"not {SCHEMA_ID}: {hint}"
            )
        return con

    @contextlib.contextmanager
    def snapshot(self, con: Any) -> Iterator[None]:
        """Read inside a read transaction: one version of the file (WAL)."""
        con.execute("BEGIN")
        try:
            yield
        finally:
            con.execute("COMMIT")

    def begin(self, con: Any) -> None:
        """Start a write transaction (writers take turns); set a layout token."""
        con.execute("BEGIN IMMEDIATE")
        con.execute(LAYOUT_FIRST, (uuid.uuid4().hex,))

    def stream(self, con: Any, sql: str, args: Sequence[Any]) -> Any:
        """Run a query whose rows are read a batch at a time."""
        return con.execute(sql, args)  # SQLite steps lazily as rows are fetched

    def fts_insert(self, con: Any, language: str, rows: list[FtsRow]) -> None:
        """Add passages to the full-text index."""
        del language  # one tokenizer for every language (unicode61)
        con.executemany(
            "INSERT INTO passages_fts(rowid, text, heading) VALUES (?,?,?)", rows
        )

    def fts_delete(self, con: Any, rows: list[FtsRow]) -> None:
        """Take passages out of the full-text index."""
        # contentless FTS5: a row is deleted by giving its indexed words again
        con.executemany(
            "INSERT INTO passages_fts(passages_fts, rowid, text, heading) "
            "VALUES ('delete', ?, ?, ?)",
            rows,
        )

    def fts_clear(self, con: Any) -> None:
        """Empty the full-text index."""
        con.execute("INSERT INTO passages_fts(passages_fts) VALUES ('delete-all')")

    def insert_sorted(self, con: Any, sql: str) -> None:
        """Run one large sorted insert in runs of a small cache, a thread per core.

        SQLite's sorter keeps runs the size of the page cache, one per thread:
        ``link_rank``'s 14 million rows at 100,000 articles sorted in 20.9 s
        and 540 MB with the writer's 256 MB cache and no helper thread, 16.7 s
        and 720 MB with helpers, 10.9 s and 90 MB with helpers on 16 MB runs.
        """
        con.execute(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
        try:
            con.execute(sql)
        finally:
            con.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")

    def fts_bulk(self, con: Any, bulk: bool) -> None:
        """Merge no segments while loading (compaction merges them all at the end).

        FTS5's automerge (4) merges segments as rows arrive: work that the final
        ``optimize`` redoes. Crisis merges still bound the number of segments, and
        a stopped load is restored by the next large sync.
        """
        con.execute(
            "INSERT INTO passages_fts(passages_fts, rank) VALUES ('automerge', ?)",
            (0 if bulk else 4,),
        )

    def fts_match(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting the passages matching ``terms``."""
        return (
            "SELECT rowid AS passage FROM passages_fts WHERE passages_fts MATCH ?",
            (fts5_query(terms),),
        )

    def fts_scored(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting matching passages with their score."""
        # bm25 (``rank``) is computed only where the order asks for it
        return (
            "SELECT f.rowid AS passage, 0 AS strength, f.rank AS score "
            "FROM passages_fts f WHERE f.passages_fts MATCH ?",
            (fts5_query(terms),),
        )

    def frequent_words(self, con: Any, least: int, most: int) -> list[str]:
        """Return FTS5's words in ``least`` passages or more (its vocabulary table).

        ``fts5vocab`` reads the whole full-text index once (100,000 articles:
        2.2 s); a search of several quoted terms in FTS5 is their intersection.
        """
        con.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab "
            "USING fts5vocab(main, passages_fts, row)"
        )
        rows = con.execute(
            "SELECT term FROM temp.passages_vocab WHERE doc >= ? "
            "ORDER BY doc DESC, term LIMIT ?",
            (least, most),
        )
        return [str(term) for (term,) in rows]

    def int_list_sql(self, value: str) -> str:
        """Return an aggregate joining integer ``value`` of a group with commas."""
        return f"group_concat({value})"

    def month_sql(self, day: str) -> str:
        """Return SQL for the ``YYYY-MM`` of a day number."""
        return f"strftime('%Y-%m', {JULIAN_EPOCH} + {day})"

    def greatest(self, a: str, b: str) -> str:
        """Return SQL for the larger of two values."""
        return f"max({a}, {b})"

    def compact(self, con: Any) -> None:
        """Merge the full-text segments and rewrite the file densely (VACUUM).

        VACUUM's memory grows with the page cache several times over (measured at
        100,000 articles: 1.29 GB peak with the writer's 256 MB cache, 182 MB with
        32 MB); compaction reads the file in order and needs no large cache.
        """
        con.execute(f"PRAGMA cache_size = -{COMPACT_CACHE_KIB}")
        con.execute("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')")
        con.execute("VACUUM")


def schema_version(con: sqlite3.Connection) -> str | None:
    """Return the schema version of an open index (None when there is none)."""
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
    ).fetchone()
    if not has_meta:
        return None
    row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return str(row[0]) if row else None
