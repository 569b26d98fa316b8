"""Many writers: concurrent syncs and ingests of one file give one article."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from articles.index import sync_index
from articles.index.single import index_file
from articles.index.store import backend_for
from articles.query import Filters, query_page
from articles.query.reader import reading
from tests.articles.conftest import FakeLinker
from tests.articles.index.test_sync import _dump, _many

NEW = "---\nid: new-one\ntitle: New\npublished: 2024-06-01\n---\n\nKabul talks.\n"


def _articles(index: Path) -> list[tuple[str, str]]:
    con = backend_for(index).connect(readonly=True)
    try:
        rows = con.execute("SELECT slug, file FROM articles ORDER BY slug")
        return [(str(s), str(f)) for s, f in rows]
    finally:
        con.close()


def test_two_ingests_of_one_file_give_one_article(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    path = corpus / "new-one.md"
    path.write_text(NEW, encoding="utf-8")
    with ThreadPoolExecutor(max_workers=2) as pool:
        ids = list(
            pool.map(lambda _: index_file(corpus, index, path, FakeLinker()), range(2))
        )
    assert ids == ["new-one", "new-one"]
    assert [a for a in _articles(index) if a[0] == "new-one"] == [
        ("new-one", "new-one.md")
    ]
    page = query_page(Filters(articles=("new-one",)), index=index)
    assert (page.total, page.articles) == (2, 1)  # its paragraph and its title


def test_two_syncs_at_once_give_each_article_once(tmp_path: Path, index: Path) -> None:
    corpus = tmp_path / "many"
    _many(corpus, 12)
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = list(
            pool.map(lambda _: sync_index(corpus, index, FakeLinker()), range(2))
        )
    assert all(not r.errors for r in reports)
    assert len(_articles(index)) == 12
    fresh = tmp_path / "fresh.sqlite"
    assert _dump(index) == _dump_sqlite(corpus, fresh)


def _dump_sqlite(corpus: Path, fresh: Path) -> list[object]:
    """The same corpus indexed alone, in a SQLite file (the reference)."""
    import os

    from articles.backends import DATABASE_ENV

    url = os.environ.pop(DATABASE_ENV, None)
    try:
        sync_index(corpus, fresh, FakeLinker())
        return _dump(fresh)
    finally:
        if url is not None:
            os.environ[DATABASE_ENV] = url


def test_a_write_elsewhere_is_seen_by_the_next_query(corpus: Path, index: Path) -> None:
    """Two dashboards on one index: an ingest in one shows in the other's next rerun."""
    sync_index(corpus, index, FakeLinker())
    backend = backend_for(index)
    before, stamp = query_page(Filters(q="Kabul"), index=index).total, backend.stamp()
    assert query_page(Filters(q="Kabul"), index=index).total == before  # pooled
    path = corpus / "new-one.md"
    path.write_text(NEW, encoding="utf-8")
    index_file(corpus, index, path, FakeLinker())  # "the other dashboard"
    assert backend.stamp() != stamp  # the caches keyed by it are dropped
    assert query_page(Filters(q="Kabul"), index=index).total == before + 1


def test_a_readers_stamp_is_the_version_it_reads(corpus: Path, index: Path) -> None:
    """A query checks its held links against the version its own reader sees."""
    sync_index(corpus, index, FakeLinker())
    backend = backend_for(index)
    with reading(index) as con:
        seen = backend.stamp(con)
        assert seen == backend.stamp()
        (corpus / "new-one.md").write_text(NEW, encoding="utf-8")
        index_file(corpus, index, corpus / "new-one.md", FakeLinker())  # elsewhere
        assert backend.stamp() != seen
        if backend.name == "postgres":  # kept in the index: the reader's snapshot
            assert backend.stamp(con) == seen
            assert (
                con.execute("SELECT count(*) FROM articles").fetchone()[0]
                == len(list(corpus.glob("*.md"))) - 1
            )
