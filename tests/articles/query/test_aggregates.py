"""Aggregates equal the counts taken over the full results (small random corpora)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.index import sync_index
from articles.query import (
    Filters,
    Hit,
    article_titles,
    corpus_summary,
    count_actors,
    count_features,
    count_months,
    count_months_by_actor,
    count_targets,
    find_articles,
    query_passages,
)
from tests.articles.conftest import FakeLinker
from tests.articles.query.test_page import FILTERS
from tests.articles.random_corpus import corpora, indexed_corpus, write_corpus

ACTORS = ("isi", "ttp", "asim-malik", "ishaq-dar")
#: Events-mode timelines; a lone feature or actor reads them from the writer's
#: per-target counts (``target_event_months``), the others count over ``dates``.
EVENT_FILTERS = (
    Filters(datemode="events"),
    Filters(feature="kabul", datemode="events"),
    Filters(actors=("pakistan",), datemode="events"),
    Filters(actors=("isi",), datemode="events"),
)


def _event_months(hit: Hit, filters: Filters) -> set[str]:
    lo = filters.date_from or dt.date.min
    hi = filters.date_to or dt.date.max
    months = set()
    for d in hit.dates:
        first, last = d.bounds()
        if first <= hi and last >= lo:
            months.add(max(first, lo).strftime("%Y-%m"))
    return months


def _expected(hits: list[Hit], filters: Filters) -> tuple[Counter[str], ...]:
    features = Counter(k.id for h in hits for k in h.features)
    actors = Counter(k.id for h in hits for k in h.actors)
    if filters.datemode == "events":
        months = Counter(m for h in hits for m in _event_months(h, filters))
    else:
        months = Counter(h.published.strftime("%Y-%m") for h in hits)
    return features, actors, months


@settings(max_examples=30, deadline=None)
@given(corpora, st.one_of(FILTERS, st.sampled_from(EVENT_FILTERS)))
def test_aggregates_equal_counts_over_full_results(
    articles: list[tuple[dt.date, list[str]]], filters: Filters
) -> None:
    with indexed_corpus(articles) as index:
        hits = query_passages(filters, index)
        features, actors, months = _expected(hits, filters)
        assert count_features(filters, index) == dict(features)
        assert count_actors(filters, index) == dict(actors)
        both = count_targets(filters, index)
        assert both == {"feature": dict(features), "actor": dict(actors)}
        assert count_months(filters, index) == dict(sorted(months.items()))
        by_actor = Counter()
        for h in hits:
            named = {k.id for k in h.actors} & set(ACTORS)
            keys = (
                _event_months(h, filters)
                if filters.datemode == "events"
                else {h.published.strftime("%Y-%m")}
            )
            by_actor.update((m, a) for m in keys for a in named)
        assert count_months_by_actor(filters, ACTORS, index) == dict(
            sorted(by_actor.items())
        )


def test_article_lookups_and_summary(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    write_corpus(corpus, [(dt.date(2021, 3, 4), ["Kabul talks on 3 June 2020."]),
                          (dt.date(2023, 1, 2), ["Border trade."])])  # fmt: skip
    sync_index(corpus, index, FakeLinker())
    assert [a.id for a in find_articles("article", 5, index)] == ["a1", "a0"]
    assert [a.id for a in find_articles("E 0", 5, index)] == ["a0"]
    assert find_articles("%", 5, index) == []
    assert article_titles(("a0", "zz"), index) == {"a0": "Article 0"}
    summary = corpus_summary(index)
    assert (summary.articles, summary.passages) == (2, 4)  # a paragraph and a title
    assert summary.published == (dt.date(2021, 3, 4), dt.date(2023, 1, 2))
    assert summary.events == (dt.date(2020, 6, 3), dt.date(2020, 6, 3))


def test_event_months_kept_per_target_follow_removals(
    tmp_path: Path, index: Path
) -> None:
    """The writer's per-target event months: counted in, counted out, per passage."""
    corpus = tmp_path / "events"
    write_corpus(corpus, [
        (dt.date(2021, 1, 1), ["Kabul talks on 3 June 2020 and 9 June 2020."]),
        (dt.date(2022, 1, 1), ["Kabul trade on 4 June 2020, then 1 March 2021."]),
    ])  # fmt: skip
    sync_index(corpus, index, FakeLinker())
    kabul = Filters(feature="kabul", datemode="events")
    assert count_months(kabul, index) == {"2020-06": 2, "2021-03": 1}
    (corpus / "a1.md").unlink()
    sync_index(corpus, index, FakeLinker())
    assert count_months(kabul, index) == {"2020-06": 1}
