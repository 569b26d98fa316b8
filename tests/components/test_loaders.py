"""Loaders: view values as cache keys, index stamp, cached queries (tmp index)."""

import datetime as dt

import pytest

from components import loaders as ev
from tests.components.views import make_view


@pytest.fixture
def index(corpus_copy):
    from articles.index import sync_index

    corpus, path = corpus_copy
    sync_index(corpus, path)
    ev.clear_evidence_caches()
    yield path
    ev.clear_evidence_caches()


def test_view_queries_share_filters_and_leave_the_feature_out_of_the_overview():
    view = make_view(
        feature="kabul", actors=("ttp",), date_to=dt.date(2025, 1, 1), q="x",
        kinds=("city",),
    )  # fmt: skip
    assert view.evidence.feature == "kabul"
    assert view.evidence.q == "x"
    assert view.overview.feature is None
    assert view.overview.q == "x"
    assert hash(view.evidence) == hash(make_view(feature="kabul", actors=("ttp",),
        date_to=dt.date(2025, 1, 1), q="x").evidence)  # fmt: skip


def test_index_stamp_missing_index_is_zero(tmp_path):
    assert ev.index_stamp(tmp_path / "none.sqlite") == (
        str(tmp_path / "none.sqlite"),
        0,
    )


def test_index_stamp_changes_when_index_changes(tmp_path):
    path = tmp_path / "i.sqlite"
    path.write_bytes(b"x")
    before = ev.index_stamp(path)[1]
    path.write_bytes(b"xy")
    import os

    os.utime(path, ns=(before + 10**9, before + 10**9))
    assert ev.index_stamp(path)[1] != before


@pytest.mark.usefixtures("index")
def test_view_hits_for_feature():
    page = ev.load_evidence_page(make_view(feature="wakhan-corridor"), "rank", 1)
    assert page.hits
    assert len(page.hits) <= ev.PER_PAGE
    assert all(any(lk.id == "wakhan-corridor" for lk in h.features) for h in page.hits)
    counts = ev.load_view_counts(make_view())
    assert counts["wakhan-corridor"] == page.total


@pytest.mark.usefixtures("index")
def test_summary_bounds_and_titles():
    summary = ev.load_summary()
    lo, hi = summary.bounds["published"]
    assert lo <= hi
    assert lo.year >= 2020
    assert summary.bounds["events"][0].year >= 2010
    assert summary.articles == 2
    assert summary.passages > 20
    titles = ev.find_article_titles("wakhan")
    assert len(titles) == 1
    assert ev.load_titles(tuple(titles)) == titles
    assert next(iter(titles)) in ev.IndexedArticles()
    assert "no-such-article" not in ev.IndexedArticles()


@pytest.mark.usefixtures("index")
def test_search_passages_full_text():
    hits = ev.search_passages("Wakhan")
    assert hits
    assert any("wakhan" in h.text.lower() for h in hits)
    assert all("wakhan" in f"{h.heading} {h.text} {h.title}".lower() for h in hits)


def test_actor_registry_and_expansion():
    assert any(a.id == "isi" for a in ev.load_actor_registry())
    assert "asim-malik" in ev.expand_actors(["isi"])


@pytest.mark.usefixtures("index")
def test_passage_links_of_a_shown_passage():
    hit = ev.load_evidence_page(make_view(feature="wakhan-corridor"), "rank", 1).hits[0]
    assert "wakhan-corridor" in ev.load_passage_links(hit.passage_id)
    assert ev.load_passage_links("nope#p1") == ()
    assert ev.load_passage_links(None) == ()
