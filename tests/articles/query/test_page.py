"""query_page: paging walks every passage once, ranking, near-duplicate collapse."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from itertools import chain
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.corpus import render_document
from articles.index import sync_index
from articles.query import (
    DATEMODES,
    ORDERS,
    Filters,
    QueryError,
    count_months,
    query_page,
    query_passages,
)
from articles.query.filters import resolve
from articles.query.page import _ordered
from articles.query.reader import reading
from tests.articles.conftest import FakeLinker
from tests.articles.random_corpus import corpora, indexed_corpus, write_corpus

FILTER_LIST = (
    Filters(),
    Filters(feature="kabul"),
    Filters(actors=("isi",)),
    Filters(actors=("pakistan",)),
    Filters(q="talks"),
    Filters(date_from=dt.date(2022, 1, 1)),
    Filters(date_from=dt.date(2021, 1, 1), datemode="events"),
    Filters(feature="durand-line", q="talks", date_to=dt.date(2023, 6, 30)),
    Filters(actors=("isi", "ttp")),
    Filters(
        actors=("pakistan", "asim-malik"), q="talks", date_from=dt.date(2021, 6, 1)
    ),
)
#: Several actors and no feature: each actor's matches merged best first.
MERGED = st.builds(
    Filters,
    actors=st.lists(st.sampled_from(("pakistan", "isi", "ttp", "asim-malik",
                                     "ishaq-dar")), min_size=2, max_size=3,
                    unique=True).map(tuple),
    q=st.sampled_from((None, "talks", "border")),
    date_from=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2024, 6, 1))),
    datemode=st.sampled_from(DATEMODES),
    to_review=st.booleans(),
)  # fmt: skip
FILTERS = st.sampled_from(FILTER_LIST)


def _walk(filters: Filters, index: Path, order: str, limit: int) -> list[str]:
    """Every passage id over all pages (hits and their similar), page totals checked."""
    seen: list[str] = []
    offset = 0
    while True:
        page = query_page(filters, order=order, limit=limit, offset=offset, index=index)
        for hit in page.hits:
            assert hit.similar == len(hit.similar_ids)
            seen.extend([hit.passage_id, *hit.similar_ids])
        if not page.hits:
            assert offset >= page.groups
            return seen
        assert page.total == len(query_passages(filters, index))
        offset += limit


@settings(max_examples=30, deadline=None)
@given(corpora, FILTERS, st.sampled_from(ORDERS), st.integers(1, 4))
def test_paging_sees_every_passage_once(
    articles: list[tuple[dt.date, list[str]]], filters: Filters, order: str, limit: int
) -> None:
    with indexed_corpus(articles) as index:
        seen = _walk(filters, index, order, limit)
        expected = {h.passage_id for h in query_passages(filters, index)}
        assert sorted(seen) == sorted(expected)
        first = query_page(filters, order=order, index=index)
        assert first.total == len(seen)
        assert first.articles == len({p.split("#")[0] for p in seen})
        assert first.groups == sum(1 for h in first.hits)


@settings(max_examples=25, deadline=None)
@given(corpora, st.data())
def test_totals_after_removals_equal_a_fresh_index(
    articles: list[tuple[dt.date, list[str]]], data: st.DataObject
) -> None:
    """Group counts kept per target and group stay exact as articles come and go."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        kept, fresh = Path(tmp) / "kept.sqlite", Path(tmp) / "fresh.sqlite"
        write_corpus(corpus, articles)
        sync_index(corpus, kept, FakeLinker())
        files = sorted(corpus.glob("*.md"))
        for path in data.draw(st.lists(st.sampled_from(files), unique=True)):
            path.unlink()
        sync_index(corpus, kept, FakeLinker())
        sync_index(corpus, fresh, FakeLinker())
        for filters in FILTER_LIST:
            a, b = query_page(filters, index=kept), query_page(filters, index=fresh)
            assert (a.total, a.articles, a.groups) == (b.total, b.articles, b.groups)
            assert a.groups == len(a.hits)
        for filters in (Filters(feature="kabul"), Filters(actors=("pakistan",))):
            for mode in DATEMODES:  # the per-target month counts kept by the writer
                f = dataclasses.replace(filters, datemode=mode)
                assert count_months(f, kept) == count_months(f, fresh)


DOCS = {
    # newest, one alias-like weak mention (implied by the fake? no: names only)
    "a-new": ("2024-05-01", "Kabul once.\n\nSame words here about Kabul and talks.\n"),
    "b-mid": ("2023-05-01", "Kabul, Kabul and Kabul again.\n\nOther text.\n"),
    "c-old": (
        "2020-05-01",
        "Same words here, about KABUL and talks!\n\nKabul twice, Kabul.\n",
    ),
}


@pytest.fixture
def ranked(tmp_path: Path) -> Path:
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    corpus.mkdir()
    for slug, (published, body) in DOCS.items():
        meta = {
            "id": slug,
            "title": slug,
            "published": dt.date.fromisoformat(published),
        }
        (corpus / f"{slug}.md").write_text(render_document(meta, body), "utf-8")
    sync_index(corpus, index, FakeLinker())
    return index


def test_rank_more_mentions_first_then_newest(ranked: Path) -> None:
    page = query_page(Filters(feature="kabul"), index=ranked)
    order = [h.passage_id for h in page.hits]
    # 3 mentions, then 2, then the single mentions newest first
    assert order[:2] == ["b-mid#p1", "c-old#p2"]
    assert order[2:] == ["a-new#p1", "a-new#p2"]
    assert (page.total, page.groups, page.articles) == (4, 4, 3)  # KABUL: not linked


def test_near_duplicates_collapse_into_the_best_placed(ranked: Path) -> None:
    page = query_page(Filters(q="same words"), index=ranked)
    (hit,) = page.hits
    assert hit.passage_id == "a-new#p2"  # newer wins at equal strength
    assert (hit.similar, hit.similar_ids) == (1, ("c-old#p1",))
    assert (page.total, page.groups) == (2, 1)


def test_newest_and_article_orders(ranked: Path) -> None:
    newest = query_page(Filters(), order="newest", index=ranked)
    assert [h.passage_id for h in newest.hits][:4] == [
        "a-new#p1",
        "a-new#p2",
        "a-new#t",  # an article's title after its paragraphs
        "b-mid#p1",
    ]
    article = query_page(Filters(), order="article", index=ranked, limit=2)
    assert [h.passage_id for h in article.hits] == ["c-old#p1", "c-old#p2"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"order": "best"}, "unknown order"), ({"limit": 0}, "bad page"),
     ({"offset": -1}, "bad page")],
)  # fmt: skip
def test_bad_page_arguments(
    ranked: Path, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        query_page(Filters(), index=ranked, **kwargs)  # type: ignore[arg-type]


def test_missing_index_is_a_query_error_and_is_not_created(tmp_path: Path) -> None:
    index = tmp_path / "none.sqlite"
    with pytest.raises(QueryError, match="python -m articles sync"):
        query_page(Filters(), index=index)
    assert not index.exists()


@pytest.mark.parametrize("filters", [Filters(q="wire story"), Filters(feature="kabul")])
def test_a_large_group_counts_every_copy_and_names_the_newest(
    tmp_path: Path, index: Path, filters: Filters
) -> None:
    """A story copied 25 times: one hit, "and 24 similar", 20 of them named."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = dt.date(2024, 1, 1)
    for i in range(25):
        meta = {"id": f"copy-{i:02d}", "title": f"Copy {i}",
                "published": first + dt.timedelta(days=i)}  # fmt: skip
        body = f"The wire story from Kabul, word for word.\n\nOwn words {i}.\n"
        (corpus / f"copy-{i:02d}.md").write_text(render_document(meta, body), "utf-8")
    sync_index(corpus, index, FakeLinker())
    page = query_page(filters, index=index)
    (hit,) = [h for h in page.hits if h.similar]
    assert hit.passage_id == "copy-24#p1"  # the newest copy stands for the group
    assert hit.similar == 24
    assert hit.similar_ids == tuple(f"copy-{i:02d}#p1" for i in range(23, 3, -1))
    assert (page.total - page.groups) == 24


@settings(max_examples=30, deadline=None)
@given(corpora, MERGED)
def test_merged_actors_come_in_the_grouped_order(
    articles: list[tuple[dt.date, list[str]]], filters: Filters
) -> None:
    """Each actor's matches merged best first give ``max(rank) GROUP BY`` order."""
    with indexed_corpus(articles) as index:
        _merged_and_grouped(filters, index)


def _merged_and_grouped(filters: Filters, index: Path) -> int:
    """Check the merged order against the grouped one; return how many passages."""
    with reading(index) as con:
        match = resolve(con, filters)
        if match.empty:
            return 0
        grouped = [
            int(r[0])
            for r in con.execute(
                f"SELECT passage FROM ({match.sql}) m "
                "ORDER BY strength DESC, passage DESC",
                match.args,
            )
        ]
        merged = list(chain.from_iterable(_ordered(con, match, "rank", 1)))
    assert bool(match.parts) == (len(match.targets) > 1)  # merged, not grouped
    assert merged == grouped
    return len(merged)


def test_merged_actors_on_the_seed_corpus(indexed: Path) -> None:
    sizes = [
        _merged_and_grouped(Filters(actors=("ttp", "isi", "pakistan")), indexed),
        _merged_and_grouped(Filters(actors=("ttp", "isi"), q="Pakistan"), indexed),
        _merged_and_grouped(
            Filters(actors=("ishaq-dar", "isi"), date_to=dt.date(2025, 3, 1)),
            indexed,
        ),
    ]
    assert min(sizes[:2]) >= 6, sizes
    assert sizes[2] >= 1, sizes
