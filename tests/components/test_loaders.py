"""Loaders: primitive cache keys, index stamp, cached queries (tmp index)."""

import datetime as dt

import pytest

from components import loaders as ev
from components.url.state import ViewState


@pytest.fixture
def index(corpus_copy):
    from articles.index import sync_index

    corpus, path = corpus_copy
    sync_index(corpus, path)
    ev.clear_evidence_caches()
    yield path
    ev.clear_evidence_caches()


def test_filters_key_round_trip():
    from articles.query import Filters

    filters = Filters(
        feature="kabul",
        actors=("isi", "ttp"),
        date_from=dt.date(2024, 1, 2),
        date_to=None,
        datemode="events",
        q="wakhan",
        articles=("a",),
    )
    key = ev.build_filters_key(filters)
    assert all(isinstance(v, (str, tuple, type(None))) for v in key)
    assert ev.build_filters_from_key(key) == filters
    assert hash(key) == hash(ev.build_filters_key(filters))


def test_view_key_keeps_q_and_sets_feature():
    view = ViewState(
        actors=("ttp",), date_to=dt.date(2025, 1, 1), q="x", kinds=("city",)
    )
    key = ev.build_view_filters_key(view, "kabul")
    assert key == ("kabul", ("ttp",), None, "2025-01-01", "published", "x", None)


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
    hits = ev.load_view_hits(ViewState(), "wakhan-corridor")
    assert hits
    assert all(any(lk.id == "wakhan-corridor" for lk in h.features) for h in hits)
    counts = ev.load_view_counts(ViewState())
    assert counts["wakhan-corridor"] == len(hits)


@pytest.mark.usefixtures("index")
def test_summary_bounds_and_titles():
    summary = ev.load_summary()
    lo, hi = summary.bounds["published"]
    assert lo <= hi
    assert lo.year >= 2020
    assert summary.bounds["events"][0].year >= 2010
    assert len(summary.articles) == 2


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
    hit = ev.load_view_hits(ViewState(), "wakhan-corridor")[0]
    assert "wakhan-corridor" in ev.load_passage_links(hit.passage_id)
    assert ev.load_passage_links("nope#p1") == ()
    assert ev.load_passage_links(None) == ()
