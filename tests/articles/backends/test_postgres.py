"""The PostgreSQL connection: sqlite3's API, inserts batched, readers pooled."""

from __future__ import annotations

import pytest

from articles.backends import pool
from articles.backends.base import Backend
from articles.backends.postgres import (
    MAX_PARAMS,
    PARALLEL_TUPLE_COST,
    RANDOM_PAGE_COST,
    PostgresBackend,
)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO t VALUES (?, ?)",  # a COPY
        "INSERT INTO t(id, note) VALUES(?,?)",  # a COPY of named columns
        "INSERT INTO t VALUES (?, lower(?))",  # many rows per statement
        "INSERT INTO t VALUES (?, ?) ON CONFLICT(id) DO NOTHING",  # row by row
    ],
)
def test_executemany_writes_every_row_whatever_the_path(pg_url: str, sql: str) -> None:
    con = PostgresBackend(pg_url).connect()
    try:
        con.execute("CREATE TABLE t(id bigint PRIMARY KEY, note text)")
        rows = [(i, f"N{i}" if i % 7 else None) for i in range(MAX_PARAMS)]
        con.executemany(sql, rows)
        con.executemany(sql, [])
        got = con.execute("SELECT count(*), count(note), max(id) FROM t").fetchone()
        assert tuple(got) == (MAX_PARAMS, MAX_PARAMS - 4286, MAX_PARAMS - 1)
        note = con.execute("SELECT note FROM t WHERE id = 8").fetchone()[0]
        assert note in ("N8", "n8")
    finally:
        con.close()


def test_a_reader_is_reused_with_a_fresh_snapshot(pg_url: str) -> None:
    backend = PostgresBackend(pg_url)
    writer = backend.connect()
    writer.execute("INSERT INTO meta VALUES ('fingerprint', 'x')")
    first = backend.open_reader()
    raw = first.raw
    assert first.execute("SELECT count(*) FROM meta").fetchone()[0] == 1
    first.close()
    writer.execute("INSERT INTO meta VALUES ('other', 'y')")
    second = backend.open_reader()
    try:
        assert second.raw is raw  # taken from the pool
        assert second.execute("SELECT count(*) FROM meta").fetchone()[0] == 2
    finally:
        second.close()
        writer.close()
        pool.drop(pg_url)


def test_a_reader_reads_its_meta_once_and_keeps_its_snapshot(pg_url: str) -> None:
    backend = PostgresBackend(pg_url)
    writer = backend.connect()
    writer.execute("INSERT INTO meta VALUES ('fingerprint', 'x'), ('written', '3')")
    writer.execute("INSERT INTO meta VALUES ('date_span', '40'), ('other', 'a')")
    reader = backend.open_reader()
    try:
        assert reader.snapshot == {
            "fingerprint": "x",
            "written": "3",
            "date_span": "40",
        }
        writer.execute("UPDATE meta SET value = '4' WHERE key = 'written'")
        writer.execute("INSERT INTO meta VALUES ('link_rank', 'deferred')")
        writer.execute("UPDATE meta SET value = 'b' WHERE key = 'other'")
        assert backend.stamp(reader) == 3  # its snapshot's, not the writer's
        assert backend.meta(reader, "link_rank") is None
        assert backend.meta(reader, "other") == "a"  # not held: read, same snapshot
        assert backend.meta(writer, "written") == "4"  # a writer reads afresh
        assert backend.stamp() == 4
    finally:
        reader.close()
    fresh = backend.open_reader()
    try:
        assert backend.stamp(fresh) == 4
        assert backend.meta(fresh, "link_rank") == "deferred"
    finally:
        fresh.close()
        writer.close()
        pool.drop(pg_url)


def _page_cost(con: object) -> str:
    return str(con.execute("SHOW random_page_cost").fetchone()[0])  # type: ignore[attr-defined]


def test_sessions_cost_a_random_read_as_from_memory(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers and writers plan with ``RANDOM_PAGE_COST``, kept across snapshots.

    A cost the site sets (here the client's, as ``PGOPTIONS`` gives it) stays.
    """
    backend = PostgresBackend(pg_url)
    backend.connect().execute("INSERT INTO meta VALUES ('fingerprint', 'x')")
    writer, reader = backend.connect(), backend.open_reader()
    try:
        assert _page_cost(writer) == _page_cost(reader) == RANDOM_PAGE_COST != "4"
        raw = reader.raw
        reader.close()  # back to the pool: its snapshot rolled back
        reader = backend.open_reader()
        assert reader.raw is raw
        assert _page_cost(reader) == RANDOM_PAGE_COST
    finally:
        reader.close()
        writer.close()
        pool.drop(pg_url)
    monkeypatch.setenv("PGOPTIONS", "-c random_page_cost=3")
    site = backend.connect()
    try:
        assert _page_cost(site) == "3"
    finally:
        site.close()


def test_a_scan_may_go_parallel_for_its_statement_only(pg_url: str) -> None:
    """``scan`` lowers ``parallel_tuple_cost`` for its statement, then restores it."""
    backend = PostgresBackend(pg_url)
    backend.connect().execute("INSERT INTO meta VALUES ('fingerprint', 'x')")
    ask = "SELECT current_setting('parallel_tuple_cost'), ?"
    reader = backend.open_reader()
    try:
        before = reader.execute("SHOW parallel_tuple_cost").fetchone()[0]
        assert tuple(backend.scan(reader, ask, (1,))) == (PARALLEL_TUPLE_COST, 1)
        assert reader.execute("SHOW parallel_tuple_cost").fetchone()[0] == before
        assert before != PARALLEL_TUPLE_COST
    finally:
        reader.close()
        pool.drop(pg_url)
    writer = backend.connect()  # autocommit: no transaction to scope it to
    try:
        assert backend.scan(writer, ask, (2,))[0] == before
    finally:
        writer.close()


@pytest.mark.parametrize("insert", [True, False])
def test_counts_added_in_one_statement_equal_a_statement_per_row(
    pg_url: str, insert: bool
) -> None:
    con = PostgresBackend(pg_url).connect()
    try:
        for table in ("one", "each"):
            con.execute(
                f"CREATE TABLE {table}(a bigint, b integer, n integer NOT NULL, "
                "m integer NOT NULL, PRIMARY KEY(a, b))"
            )
            con.executemany(
                f"INSERT INTO {table} VALUES (?, ?, ?, ?)",
                [(a, b, 10, 20) for a in range(3) for b in range(2)],
            )
        rows = [(a, b, a - b, 2**31 - 21) for a in range(3) for b in range(2)]
        if insert:  # keys not there yet
            rows += [(7, 0, -3, 5), (2**40, 1, 1, 1)]
        columns = (("a", "b"), ("n", "m"))
        con.backend.add_counts(con, "one", columns, rows, insert=insert)
        con.backend.add_counts(con, "one", columns, [], insert=insert)
        Backend.add_counts(con.backend, con, "each", columns, rows, insert=insert)

        def table(name: str) -> list[tuple[int, ...]]:
            return [
                tuple(r) for r in con.execute(f"SELECT * FROM {name} ORDER BY a, b")
            ]

        assert table("one") == table("each")
        assert len(table("one")) == (8 if insert else 6)
    finally:
        con.close()
