"""Filters: feature, actor (with members), date windows in both modes, full text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articles.query import (
    Filters,
    QueryError,
    build_fts_query,
    count_features,
    query_page,
)
from tests.articles.conftest import SEED_1, SEED_2


def _ids(filters: Filters, index: Path) -> list[str]:
    page = query_page(filters, order="newest", limit=1000, index=index)
    assert len(page.hits) == page.total
    return [h.passage_id for h in page.hits]


def test_query_all_ordered_newest_first(indexed: Path) -> None:
    ids = _ids(Filters(), indexed)
    body = [i for i in ids if "#p" in i]
    assert body == [f"{SEED_2}#p{n}" for n in range(1, 13)] + [
        f"{SEED_1}#p{n}" for n in range(1, 10)
    ]
    # each article's title and headings rank below its paragraphs
    assert ids.index(f"{SEED_2}#t") > ids.index(f"{SEED_2}#p12")
    assert ids.index(f"{SEED_2}#t") < ids.index(f"{SEED_1}#p1")


def test_query_feature(indexed: Path) -> None:
    assert _ids(Filters(feature="wakhan-corridor"), indexed) == [
        f"{SEED_1}#p2",
        f"{SEED_1}#p6",
        f"{SEED_1}#p7",
        f"{SEED_1}#h2",  # the heading, then the title: below the body
        f"{SEED_1}#t",
    ]
    assert _ids(Filters(feature="no-such-feature"), indexed) == []


def test_query_hit_carries_citation_links_and_spans(indexed: Path) -> None:
    (hit,) = query_page(Filters(feature="badakhshan", q="Asim"), index=indexed).hits
    assert (hit.title, hit.author, hit.published) == (
        "Pakistan's Ambition to Invade Wakhan Corridor",
        "Taut Bataut",
        dt.date(2025, 1, 23),
    )
    assert hit.heading.startswith("The Wakhan Corridor Dilemma")
    for link in hit.features + hit.actors:
        assert link.how == "name"
        for start, end in link.spans:
            assert hit.text[start:end]
    spans = {k.id: [hit.text[s:e] for s, e in k.spans] for k in hit.features}
    assert spans["wakhan-corridor"] == ["Wakhan Corridor"]
    assert spans["tajikistan"] == ["Tajikistan"] * 3
    assert [d.value for d in hit.dates] == ["2024-12-30"]
    assert hit.notes == ("* banned in Russia",)


def test_query_actor_includes_members(indexed: Path) -> None:
    # the passage names Asim Malik and ISI; the other only "Ishaq Dar"
    assert _ids(Filters(actors=("asim-malik",)), indexed) == [f"{SEED_1}#p6"]
    assert _ids(Filters(actors=("pakistan",)), indexed) == [
        f"{SEED_2}#p8",
        f"{SEED_1}#p6",
    ]


def test_query_published_window(indexed: Path) -> None:
    window = Filters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31))
    assert {h.article_id for h in query_page(window, index=indexed, limit=99).hits} == {
        SEED_1
    }
    after = Filters(date_from=dt.date(2025, 5, 27))
    assert {h.article_id for h in query_page(after, index=indexed, limit=99).hits} == {
        SEED_2
    }


def test_query_events_window_uses_mentioned_dates(indexed: Path) -> None:
    december = Filters(
        date_from=dt.date(2024, 12, 1), date_to=dt.date(2024, 12, 31), datemode="events"
    )
    assert _ids(december, indexed) == [f"{SEED_1}#p6"]
    # "March 2024" is a month: a window touching it matches
    march = Filters(date_from=dt.date(2024, 3, 31), datemode="events")
    assert f"{SEED_1}#p5" in _ids(march, indexed)
    assert _ids(Filters(date_to=dt.date(2020, 1, 1), datemode="events"), indexed) == []


def test_query_full_text(indexed: Path) -> None:
    assert _ids(Filters(q="crocus"), indexed) == [f"{SEED_1}#p5"]
    assert _ids(Filters(q='"strategic mistake"'), indexed) == [f"{SEED_1}#p7"]
    assert _ids(Filters(q="Pak-Afghan"), indexed) == [f"{SEED_2}#p5", f"{SEED_1}#p8"]
    assert _ids(Filters(q="Kazakh*"), indexed) == []
    assert len(_ids(Filters(q="Taj*"), indexed)) == 3


@pytest.mark.parametrize(
    "text",
    ['"', "AND", "OR NOT", "NEAR(", "*", "a:b", "(((", "-x", "'", "^", "\\", "🙂"],
)
def test_query_hostile_text_never_raises(indexed: Path, text: str) -> None:
    assert query_page(Filters(q=text), index=indexed).total >= 0


def test_build_fts_query_quotes_every_term() -> None:
    assert build_fts_query('wakhan "strategic  mistake" NOT Pak-Afghan tal*') == (
        '"wakhan" "strategic mistake" "NOT" "Pak Afghan" "tal"*'
    )
    assert build_fts_query('"Line of Control" OR the') == '"Line Control"'
    assert build_fts_query("US IS") == '"US" "IS"'  # names, not stop words
    assert build_fts_query("of the") == '"of" "the"'  # finds nothing: not indexed

    assert build_fts_query("  ?! ") is None
    assert build_fts_query(None) is None


def test_stop_words_are_not_indexed_and_phrases_skip_them(indexed: Path) -> None:
    phrase = query_page(Filters(q='"the Durand Line"'), index=indexed).total
    assert phrase == query_page(Filters(q='"Durand Line"'), index=indexed).total > 0
    assert query_page(Filters(q="of the"), index=indexed).total == 0


def test_query_articles_filter(indexed: Path) -> None:
    assert {
        h.article_id
        for h in query_page(Filters(articles=(SEED_1,)), index=indexed, limit=99).hits
    } == {SEED_1}
    assert query_page(Filters(articles=()), index=indexed).total == 0


def test_query_bad_datemode(indexed: Path) -> None:
    with pytest.raises(QueryError, match="date mode"):
        query_page(Filters(datemode="later"), index=indexed)


@pytest.mark.sqlite_only
def test_query_never_writes(corpus: Path, index: Path) -> None:
    del corpus  # the env vars point at the copy
    with pytest.raises(QueryError, match="no index"):
        query_page(Filters(), index=index)
    assert not index.exists()


def test_count_features(indexed: Path) -> None:
    counts = count_features(Filters(), indexed)
    assert counts["wakhan-corridor"] == 5  # 3 paragraphs, the title and a heading
    assert counts["kabul"] == 5
    assert count_features(Filters(q="crocus"), indexed) == {
        k.id: 1 for k in query_page(Filters(q="crocus"), index=indexed).hits[0].features
    }


def test_windows_without_a_target_read_in_id_order_and_dates_once(
    indexed: Path,
) -> None:
    from articles.query.filters import resolve
    from articles.query.reader import reading

    published = Filters(date_from=dt.date(2024, 1, 1))
    events = Filters(date_from=dt.date(2024, 1, 1), datemode="events")
    with reading(indexed) as con:
        assert not resolve(con, published).ranked  # rank order is newest first then
        assert resolve(con, Filters(feature="wakhan-corridor")).ranked
        assert resolve(con, events).sql.count("FROM dates") == 1
    for window in (published, events):
        rank = query_page(window, limit=1000, index=indexed)
        newest = query_page(window, order="newest", limit=1000, index=indexed)
        assert rank.hits
        assert rank.hits == newest.hits


def _date_span(index: Path) -> int | None:
    from articles.backends import backend_for

    con = backend_for(index).connect()
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'date_span'").fetchone()
        return int(row[0]) if row else None
    finally:
        con.close()


def test_an_event_window_finds_a_long_date_that_began_before_it(
    corpus: Path, index: Path
) -> None:
    """The writer keeps the longest date; a window's scan is bounded by it, exactly."""
    from articles.backends import backend_for
    from articles.corpus import render_document
    from articles.index import sync_index
    from tests.articles.conftest import FakeLinker

    meta = {"id": "long-date", "title": "Long", "published": dt.date(2020, 3, 1)}
    body = "In March 2019 the Kabul talks stalled.\n"  # 1 to 31 March
    (corpus / "long-date.md").write_text(render_document(meta, body), "utf-8")
    sync_index(corpus, index, FakeLinker())
    assert _date_span(index) == 30
    late_march = Filters(
        date_from=dt.date(2019, 3, 31), date_to=dt.date(2019, 4, 30),
        datemode="events",
    )  # fmt: skip
    assert "long-date#p1" in _ids(late_march, index)
    con = backend_for(index).connect()
    try:  # an index written before the span was kept: no bound, same answer
        con.execute("DELETE FROM meta WHERE key = 'date_span'")
    finally:
        con.close()
    assert "long-date#p1" in _ids(late_march, index)
    (corpus / "other.md").write_text(
        render_document(
            {"id": "other", "title": "Other", "published": dt.date(2021, 1, 5)},
            "The Kabul talks resumed on 3 January 2021 after a pause.\n",
        ),
        "utf-8",
    )
    report = sync_index(corpus, index, FakeLinker())
    assert report.added == ("other",), report.errors
    assert _date_span(index) == 30  # taken from the table, not the new day's 0
    assert "long-date#p1" in _ids(late_march, index)


_COMBINED = [
    Filters(feature="wakhan-corridor", q="corridor"),
    Filters(feature="wakhan-corridor", actors=("isi",), q="Pakistan"),
    Filters(actors=("ttp", "isi"), q="Pakistan"),
    Filters(actors=("pakistan",), q="Afghanistan"),  # members' links rolled up
    Filters(feature="kabul", q="Taliban", date_from=dt.date(2025, 5, 1)),
    Filters(feature="wakhan-corridor", actors=("asim-malik",), q="Wakhan",
            date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31)),
]  # fmt: skip


@pytest.mark.parametrize("filters", _COMBINED)
def test_a_text_search_driving_gives_what_the_links_driving_give(
    indexed: Path, filters: Filters, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text with a feature or actors is read from whichever side is fewer: the
    same passages, totals and order either way."""

    def page() -> list[tuple[str, ...]]:
        got = query_page(filters, order="rank", limit=1000, index=indexed)
        return [(str(got.total), str(got.groups)), *((h.passage_id,) for h in got.hits)]

    monkeypatch.setattr("articles.query.filters._text_found", lambda *_: None)
    by_links = page()
    monkeypatch.setattr("articles.query.filters._text_found", lambda *_: 1000)
    by_text = page()
    assert len(by_links) > 1  # something matches
    assert by_text == by_links


def test_the_text_drives_when_it_matches_under_a_third_of_the_links(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articles.query import filters as module
    from articles.query.reader import reading

    with reading(indexed) as con:
        feature = module._target(con, ("feature", "wakhan-corridor"), None)
        links = con.execute(
            "SELECT matches FROM targets WHERE id = ?", (feature,)
        ).fetchone()[0]
        rare = module.parse_terms("Asim")  # in fewer passages than the corridor's
        common = module.parse_terms("Pakistan")
        # too few links
        assert module._text_found(con, rare, None, feature, [], None) is None
        monkeypatch.setattr(module, "TEXT_CHECK_MIN", 0)
        monkeypatch.setattr(module, "TEXT_SHARE", 1)
        found = query_page(Filters(q="Asim"), index=indexed).total
        assert module._text_found(con, rare, None, feature, [], None) == found > 0
        assert module._text_found(con, common, None, feature, [], None) is None
        monkeypatch.setattr(module, "TEXT_SHARE", links + 1)  # a cap of 0: never
        assert module._text_found(con, rare, None, feature, [], None) is None
        # nothing else
        assert module._text_found(con, rare, None, None, [], None) is None
