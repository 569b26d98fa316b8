"""Matches read whole page, total and group as SQL does when it walks them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.backends import DATABASE_ENV
from articles.query import ORDERS, Filters, query_page
from articles.query import fetched as fetched_module
from articles.query import filters as filters_module
from articles.query.fetched import fetch
from articles.query.filters import DATEMODES, resolve
from articles.query.reader import reading
from tests.articles.conftest import forget_index
from tests.articles.random_corpus import corpora, indexed_corpus

DAYS = st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31)))
#: A feature or actors with other filters: what is read whole when it is few.
RANKED = st.builds(
    Filters,
    feature=st.sampled_from((None, "kabul", "durand-line", "badakhshan")),
    actors=st.lists(
        st.sampled_from(("pakistan", "isi", "ttp", "asim-malik")),
        max_size=3, unique=True,
    ).map(tuple),
    date_from=DAYS,
    date_to=DAYS,
    datemode=st.sampled_from(DATEMODES),
    q=st.sampled_from((None, "talks", "border road", "Kabul", "copy")),
    to_review=st.booleans(),
)  # fmt: skip


def _pages(filters: Filters, index: Path) -> list[tuple[object, ...]]:
    """Two pages' totals and hits in each order."""
    return [
        (p.total, p.articles, p.groups, p.hits)
        for order in ORDERS
        for offset in (0, 2)
        for p in [query_page(filters, order=order, limit=2, offset=offset, index=index)]
    ]


def _both(filters: Filters, index: Path) -> tuple[object, object]:
    """The pages read whole, then walked in SQL (`MOST` -1: nothing is read whole).

    The text drives whenever it finds fewer passages than the links give.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(filters_module, "TEXT_CHECK_MIN", 0)
        mp.setattr(filters_module, "TEXT_SHARE", 1)
        whole = _pages(filters, index)
        mp.setattr(fetched_module, "MOST", -1)
        walked = _pages(filters, index)
    return whole, walked


@settings(max_examples=40, deadline=None)
@given(corpora, st.lists(RANKED, min_size=1, max_size=4))
@example(  # more mentions rank an older passage first
    [(dt.date(2024, 1, 1), ["Talks in Kabul and Kabul again.", "Kabul road."]),
     (dt.date(2024, 2, 1), ["Talks about Kabul.", "Talks on the road to Kabul."])],
    [Filters(feature="kabul", q="talks")],
)  # fmt: skip
@example(
    [(dt.date(2024, 1, 1), ["Shared wire copy about Kabul.",
                            "Shared wire copy about Kabul!", "Talks in Kabul."]),
     (dt.date(2024, 2, 1), ["Shared wire copy about Kabul."])],
    [Filters(feature="kabul", q="copy"),
     Filters(actors=("pakistan", "isi"), q="copy", date_from=dt.date(2024, 1, 1))],
)  # fmt: skip
def test_matches_read_whole_page_as_sql_walks_them(
    articles: list[tuple[dt.date, list[str]]], filters: list[Filters]
) -> None:
    with indexed_corpus(articles) as index:
        for f in filters:
            whole, walked = _both(f, index)
            assert whole == walked, f


@settings(
    max_examples=10, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(articles=corpora, filters=RANKED)
def test_on_postgresql_too(
    pg_url: str,
    articles: list[tuple[dt.date, list[str]]],
    filters: Filters,
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DATABASE_ENV, pg_url)
        with indexed_corpus(articles) as index:
            whole, walked = _both(filters, index)
            forget_index(index)  # the next example's sync starts from nothing
    assert whole == walked, filters


def test_only_matches_a_text_search_drives_and_only_a_few(
    monkeypatch: pytest.MonkeyPatch, indexed: Path
) -> None:
    """The text's count bounds the matches: read whole up to `MOST`, else walked."""
    monkeypatch.setattr(filters_module, "TEXT_CHECK_MIN", 0)
    monkeypatch.setattr(filters_module, "TEXT_SHARE", 1)
    with reading(indexed) as con:

        def read(filters: Filters) -> fetched_module.Fetched | None:
            return fetch(con, resolve(con, filters), shared=True)

        both = Filters(feature="wakhan-corridor", q="Asim")
        match = resolve(con, both)
        assert match.at_most == query_page(Filters(q="Asim"), index=indexed).total
        got = read(both)
        assert got is not None
        page = query_page(both, limit=1000, index=indexed)
        assert got.sizes() == (page.total, page.articles, page.groups)
        assert len(got.keys) == page.total > 0
        for links in (Filters(feature="wakhan-corridor"), Filters(q="corridor"),
                      Filters(feature="wakhan-corridor", q="Pakistan")):  # fmt: skip
            assert resolve(con, links).at_most is None
            assert read(links) is None
        monkeypatch.setattr(fetched_module, "MOST", match.at_most - 1)
        assert read(both) is None
