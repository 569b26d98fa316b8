"""The SQLite file's connections: what a writer may use that a reader does not."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from articles.backends.sqlite import SqliteBackend

#: SQLite's default cap on a statement's helper threads (SQLITE_MAX_WORKER_THREADS).
MAX_WORKER_THREADS = 8


def test_the_writer_sorts_with_a_helper_thread_per_core(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "index.sqlite")
    writer = backend.connect()
    reader = backend.connect(readonly=True)
    try:
        (threads,) = writer.execute("PRAGMA threads").fetchone()
        assert threads == min(os.cpu_count() or 1, MAX_WORKER_THREADS)
        assert reader.execute("PRAGMA threads").fetchone() == (0,)  # queries: none
    finally:
        reader.close()
        writer.close()


def test_a_large_sorted_insert_gives_the_writer_its_cache_back(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "index.sqlite")
    con = backend.connect()
    try:
        before = con.execute("PRAGMA cache_size").fetchone()
        con.execute("CREATE TABLE s(a)")
        con.executemany("INSERT INTO s VALUES (?)", [(3,), (1,), (2,)])
        con.execute("CREATE TABLE t(a INTEGER PRIMARY KEY)")
        backend.insert_sorted(con, "INSERT INTO t SELECT a FROM s ORDER BY 1")
        assert [r[0] for r in con.execute("SELECT a FROM t")] == [1, 2, 3]
        assert con.execute("PRAGMA cache_size").fetchone() == before
        with pytest.raises(sqlite3.OperationalError):  # a failed sort too
            backend.insert_sorted(con, "INSERT INTO t SELECT nothing FROM s ORDER BY 1")
        assert con.execute("PRAGMA cache_size").fetchone() == before
    finally:
        con.close()
