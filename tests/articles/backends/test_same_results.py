"""The two backends give the same pages, totals and aggregates for one corpus."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from articles.backends import DATABASE_ENV
from articles.backends.postgres import tsquery_text
from articles.index import sync_index
from articles.query import (
    Filters,
    corpus_summary,
    count_actors,
    count_features,
    count_months,
    count_months_by_actor,
    find_articles,
    query_page,
    query_top,
)
from tests.articles.conftest import REAL_CORPUS, FakeLinker

#: Searches, including hostile ones: never an error, never SQL.
SEARCHES = (
    "Kabul", '"Durand Line"', "Wakh*", "Pakistan border", "of the", "talks",
    "'); DROP TABLE articles; --", "a & b | !c <-> d:* \\ ' \"", '"unclosed',
    "Kabul OR Herat", "-Kabul", "NOT Pakistan", "ISI*", "2024",
)  # fmt: skip
FILTERS = (
    Filters(),
    Filters(feature="kabul"),
    Filters(actors=("ttp", "isi")),
    Filters(feature="wakhan-corridor", actors=("isi",)),
    Filters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 3, 1)),
    Filters(date_from=dt.date(2024, 12, 1), datemode="events"),
    Filters(feature="kabul", q="Pakistan"),
    Filters(feature="kabul", q="Pakistan", date_from=dt.date(2025, 1, 1)),
    Filters(actors=("taliban",), q="border", date_to=dt.date(2025, 3, 1)),
    Filters(articles=("2025-01-pakistan-ambition-invade-wakhan",)),
    Filters(to_review=True),
    *(Filters(q=q) for q in SEARCHES),
)


@pytest.fixture
def both(tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed corpus synced into a SQLite file and into PostgreSQL."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REAL_CORPUS, corpus)
    index = tmp_path / "index.sqlite"
    sync_index(corpus, index, FakeLinker())
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    sync_index(corpus, index, FakeLinker())
    return index


def _on(backend: str, index: Path, call: Callable[[Path], Any]) -> Any:
    url = os.environ[DATABASE_ENV]
    if backend == "sqlite":
        del os.environ[DATABASE_ENV]
    try:
        return call(index)
    finally:
        os.environ[DATABASE_ENV] = url


def _same(index: Path, call: Callable[[Path], Any]) -> Any:
    ours, theirs = _on("sqlite", index, call), _on("postgres", index, call)
    assert ours == theirs
    return ours


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_pages_totals_and_aggregates_are_the_same(both: Path, filters: Filters) -> None:
    for order in ("newest", "article", "rank"):
        for limit, offset in ((3, 0), (5, 4), (1000, 0)):
            page = _same(
                both,
                lambda i, o=order, n=limit, k=offset: _page(
                    query_page(filters, order=o, limit=n, offset=k, index=i),
                    ranked_text=o == "rank" and bool(filters.q),
                ),
            )
    assert page is not None
    _same(both, lambda i: count_features(filters, i))
    _same(both, lambda i: count_actors(filters, i))
    _same(both, lambda i: count_months(filters, i))
    _same(
        both, lambda i: count_months_by_actor(filters, ("ttp", "isi", "asim-malik"), i)
    )
    _same(both, lambda i: query_top(filters, ("kabul", "badakhshan", "durand-line"), i))


def _page(page: Any, ranked_text: bool) -> tuple[Any, ...]:
    """A page's totals and hits.

    Ordered by full-text score (bm25 or ts_rank), a page holds the same number
    of hits, and the whole result the same passages, in an order that may differ.
    """
    hits = tuple(page.hits)
    if ranked_text:
        whole = len(hits) == page.groups
        shown = frozenset(h.passage_id for h in hits) if whole else len(hits)
        return page.total, page.articles, page.groups, shown
    return page.total, page.articles, page.groups, hits


def test_summary_and_article_search_are_the_same(both: Path) -> None:
    assert _same(both, corpus_summary).articles == 2
    assert len(_same(both, lambda i: find_articles("WAKHAN", index=i))) == 1
    assert _same(both, lambda i: find_articles("50%_", index=i)) == []


def test_tsquery_text_quotes_every_word() -> None:
    assert tsquery_text(((("Durand", "Line"), False), (("Wakh",), True))) == (
        "('Durand' <-> 'Line') & ('Wakh':*)"
    )
    assert tsquery_text(((("it's\\",), False),)) == "('it''s\\\\')"
