"""A large sync from nothing fills link_rank last; queries meanwhile read links."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.backends import backend_for
from articles.index import sync, sync_index
from articles.index.codec import rank
from articles.index.rank_table import is_deferred
from articles.query import Filters, count_months_by_actor, query_page
from tests.articles.conftest import FakeLinker
from tests.articles.index.test_sync import _dump, _many


def _rows(index: Path, sql: str) -> list[tuple[int, ...]]:
    con = backend_for(index).connect(readonly=True)
    try:
        return sorted(tuple(int(v) for v in r) for r in con.execute(sql).fetchall())
    finally:
        con.close()


def _ranks(index: Path) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """link_rank's rows, and the rows codec.rank gives for every link."""
    stored = _rows(index, "SELECT target, rank, passage FROM link_rank")
    links = _rows(index, "SELECT target, how, mentions, passage FROM links")
    return stored, sorted((t, rank(h, m), p) for t, h, m, p in links)


def _deferred(index: Path) -> bool:
    con = backend_for(index).connect(readonly=True)
    try:
        return is_deferred(con)
    finally:
        con.close()


def _automerge(index: Path) -> int | None:
    """FTS5's automerge setting (None: PostgreSQL, which has no such thing)."""
    if backend_for(index).name != "sqlite":
        return None
    sql = "SELECT v FROM passages_fts_config WHERE k = 'automerge'"
    rows = _rows(index, sql)
    return rows[0][0] if rows else 4  # not set: FTS5's default


def _views(index: Path) -> list[object]:
    feature = Filters(feature="kabul")
    actors = Filters(actors=("pakistan",))
    return [
        sorted(h.passage_id for h in query_page(f, limit=200, index=index).hits)
        for f in (feature, actors)
    ] + [count_months_by_actor(Filters(), ("pakistan",), index)]


def test_a_large_sync_from_nothing_fills_link_rank_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path, index: Path
) -> None:
    _many(corpus, 12)
    plain = tmp_path / "plain.sqlite"
    if backend_for(index).name == "sqlite":
        sync_index(corpus, plain, FakeLinker(), workers=1)  # article by article
    monkeypatch.setattr(sync, "DEFER_MIN", 5)
    sync_index(corpus, index, FakeLinker(), workers=1)
    stored, expected = _ranks(index)
    assert stored == expected
    assert len(stored) > 12
    assert not _deferred(index)
    if backend_for(index).name == "sqlite":  # a large sync reads files by date:
        assert _views(plain) == _views(index)  # same-day ids differ, not results


def test_a_sync_stopped_while_link_rank_is_left_out_is_finished_by_the_next(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, index: Path
) -> None:
    _many(corpus, 12)
    monkeypatch.setattr(sync, "DEFER_MIN", 5)
    monkeypatch.setattr(sync, "BATCH", 4)  # commits along the way
    real = sync.insert_article
    calls = {"n": 0}

    def stop_at_the_ninth(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 9:
            raise KeyboardInterrupt  # the user stops the sync
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync, "insert_article", stop_at_the_ninth)
    with pytest.raises(KeyboardInterrupt):
        sync_index(corpus, index, FakeLinker(), workers=1)
    assert _deferred(index)
    assert _rows(index, "SELECT count(*) FROM link_rank") == [(0,)]
    assert _automerge(index) in (0, None)  # no merging while loading (SQLite)
    # meanwhile queries read the ranks from links: the articles written so far
    written = _views(index)
    assert written[0]
    monkeypatch.setattr(sync, "insert_article", real)
    report = sync_index(corpus, index, FakeLinker(), workers=1)
    assert 0 < len(report.added) < 14
    assert not _deferred(index)
    assert _automerge(index) in (4, None)
    stored, expected = _ranks(index)
    assert stored == expected
    assert set(written[0]) <= set(_views(index)[0])
    assert _dump(index)
