"""Store: an index built by another schema version rebuilds itself, saying why."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from articles.index import open_reader, sync_index
from articles.index.store import IndexUnavailable
from articles.schema import SCHEMA_ID
from tests.articles.conftest import FakeLinker

OLD_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '2');
CREATE TABLE articles(id TEXT PRIMARY KEY, file TEXT, body TEXT);
INSERT INTO articles VALUES ('stale', 'stale.md', 'old body');
"""


@pytest.mark.sqlite_only
def test_old_schema_is_rebuilt_with_a_one_line_reason(
    corpus: Path, index: Path, caplog: pytest.LogCaptureFixture
) -> None:
    con = sqlite3.connect(index)
    con.executescript(OLD_SCHEMA)
    con.close()
    with pytest.raises(IndexUnavailable, match="schema 2, not"):
        open_reader(index)
    with caplog.at_level(logging.WARNING):
        report = sync_index(corpus, index, FakeLinker())
    assert report.rebuilt == (
        f"index {index} rebuilt: built with schema 2, this code uses schema {SCHEMA_ID}"
    )
    assert "\n" not in report.rebuilt
    assert report.rebuilt in caplog.text
    assert len(report.added) == 2
    con = open_reader(index)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    finally:
        con.close()
    assert sync_index(corpus, index, FakeLinker()).rebuilt is None


def test_reader_never_creates_an_index(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable, match="no index"):
        open_reader(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.sqlite_only
def test_a_file_that_is_no_database_is_rebuilt(corpus: Path, index: Path) -> None:
    index.write_bytes(b"not a database at all\n" * 200)
    report = sync_index(corpus, index, FakeLinker())
    assert report.rebuilt is not None
    assert "unreadable (file is not a database)" in report.rebuilt
    assert len(report.added) == 2


@pytest.mark.sqlite_only
def test_a_busy_index_is_left_as_it_is(
    corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a broken file is deleted: one that is busy for now keeps its articles."""
    from articles.backends import sqlite as backend

    sync_index(corpus, index, FakeLinker())
    before = index.read_bytes()

    def busy(_con: sqlite3.Connection) -> str | None:
        exc = sqlite3.OperationalError("database is locked")
        exc.sqlite_errorname = "SQLITE_BUSY"
        raise exc

    monkeypatch.setattr(backend, "schema_version", busy)
    with pytest.raises(IndexUnavailable, match=r"database is locked.*left as it is"):
        sync_index(corpus, index, FakeLinker())
    assert index.read_bytes() == before


@pytest.mark.sqlite_only
def test_first_syncs_racing_for_a_new_file_create_it_once(tmp_path: Path) -> None:
    """Two writers creating one new file: neither fails, neither deletes the other's.

    The race was lost about once in forty tries before writers took the file lock
    (SQLite's switch of a new file to WAL does not wait for the other writer).
    """
    from concurrent.futures import ThreadPoolExecutor

    from tests.articles.index.test_sync import _many

    corpus = tmp_path / "many"
    _many(corpus, 3)
    for attempt in range(40):
        index = tmp_path / f"race-{attempt}.sqlite"
        with ThreadPoolExecutor(max_workers=2) as pool:
            reports = list(
                pool.map(lambda i: sync_index(corpus, i, FakeLinker()), [index] * 2)
            )
        assert [r.rebuilt for r in reports] == [None, None]
        assert sorted(len(r.added) for r in reports) == [0, 3]
