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
