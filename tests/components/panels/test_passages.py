"""Evidence panel: order, pages, citations, escaping, and the Show-on-map button."""

import datetime as dt
import html

import pytest
from streamlit.testing.v1 import AppTest

from articles.query import Hit, Link
from components.panels.passages import (
    build_citation_html,
    build_page,
    build_passage_html,
    count_pages,
    sort_hits,
)


def _hit(
    article="a",
    n=1,
    published=dt.date(2025, 1, 15),
    text="The Wakhan Corridor.",
    features=None,
    **kw,
):
    fields = {
        "passage_id": f"{article}#p{n}",
        "article_id": article,
        "n": n,
        "heading": None,
        "text": text,
        "title": f"Title {article}",
        "author": "A. Writer",
        "published": published,
        "source": "https://example.org/a",
        "features": features or (Link("wakhan-corridor", "name", ((4, 10),)),),
        "actors": (),
        "dates": (),
    }
    fields.update(kw)
    return Hit(**fields)


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
]


def test_sort_newest_first_then_reading_order():
    hits = [
        _hit("old", 2, dt.date(2024, 1, 1)),
        _hit("new", 3, dt.date(2025, 1, 1)),
        _hit("new", 1, dt.date(2025, 1, 1)),
        _hit("old", 1, dt.date(2024, 1, 1)),
    ]
    ids = [h.passage_id for h in sort_hits(hits, "newest")]
    assert ids == ["new#p1", "new#p3", "old#p1", "old#p2"]


def test_sort_newest_ranks_title_and_headings_below_the_body():
    hits = [
        _hit("a", 0, passage_id="a#t", kind="title"),
        _hit("a", 2),
        _hit("a", 1, passage_id="a#h1", kind="heading"),
    ]
    ids = [h.passage_id for h in sort_hits(hits, "newest")]
    assert ids == ["a#p2", "a#t", "a#h1"]
    title = build_citation_html(hits[0])
    assert "¶" not in title
    assert "title" in title


def test_sort_article_order_oldest_article_first():
    hits = [
        _hit("new", 2, dt.date(2025, 1, 1)),
        _hit("old", 5, dt.date(2024, 1, 1)),
        _hit("new", 1, dt.date(2025, 1, 1)),
    ]
    ids = [h.passage_id for h in sort_hits(hits, "article")]
    assert ids == ["old#p5", "new#p1", "new#p2"]


def test_pages_of_ten():
    hits = [_hit("a", i) for i in range(1, 24)]
    assert count_pages(len(hits)) == 3
    assert count_pages(0) == 1
    assert [h.n for h in build_page(hits, 3)] == [21, 22, 23]
    assert [h.n for h in build_page(hits, 99)] == list(range(1, 11))


def test_passage_html_highlights_feature_spans_and_badges():
    hit = _hit(
        features=(
            Link("wakhan-corridor", "alias", ((4, 10),)),
            Link("china", "name", ((0, 3),)),
        )
    )
    out = build_passage_html(
        hit, feature_id="wakhan-corridor", names={"china": "China"}
    )
    assert "The <mark>Wakhan</mark> Corridor." in out
    assert '<span class="pp-badge alias">alias</span>' in out
    assert "named" not in out  # china's link kind is not badged
    assert "Also names: China" in out


def test_passage_html_highlights_actor_and_query_words():
    hit = _hit(
        text="TTP fighters crossed near Torkham.",
        actors=(Link("ttp", "name", ((0, 3),)),),
    )
    out = build_passage_html(hit, feature_id="kabul", actor_ids={"ttp"}, q="torkham")
    assert "<mark>TTP</mark> fighters" in out
    assert "<mark>Torkham</mark>" in out


def test_citation_has_title_author_date_paragraph_link():
    out = build_citation_html(_hit("dawn", 4))
    assert "<cite>Title dawn</cite>" in out
    assert "A. Writer" in out
    assert "2025-01-15" in out
    assert "¶4" in out
    assert 'href="https://example.org/a"' in out
    assert 'rel="noopener noreferrer nofollow"' in out


@pytest.mark.parametrize("payload", XSS)
def test_passage_html_escapes_every_field(payload):
    hit = _hit(
        text=f"Wakhan {payload}",
        title=payload,
        author=payload,
        heading=payload,
        source=payload,
        features=(Link("wakhan-corridor", "name", ((0, 6),)),),
    )
    out = build_passage_html(hit, feature_id="wakhan-corridor", names={"x": payload})
    assert payload not in out
    assert html.escape(payload) in out
    for tag in ("<script", "<img", "<svg"):
        assert tag not in out.lower()
    assert "href" not in out


def test_passage_html_shows_escaped_footnotes():
    hit = _hit(text="The TTP*", notes=("* Banned <b>in</b> Russia",))
    out = build_passage_html(hit, feature_id=None)
    assert '<p class="pp-note">* Banned &lt;b&gt;in&lt;/b&gt; Russia</p>' in out


def test_passage_html_javascript_source_not_a_link():
    out = build_citation_html(_hit(source="javascript:alert(document.cookie)"))
    assert "href" not in out
    assert "javascript:alert(document.cookie)" in out  # shown as text


def _panel(hits, feature_id):
    import streamlit as st

    from components.panels import passages as passage_panel

    st.session_state["test.shown"] = passage_panel.render(
        hits, feature_id=feature_id, feature_name="Wakhan Corridor"
    )


def _app(hits, feature_id="wakhan-corridor"):
    at = AppTest.from_function(
        _panel, kwargs={"hits": hits, "feature_id": feature_id}, default_timeout=30
    )
    return at.run()


def test_app_no_feature_prompts_to_click():
    at = _app([], feature_id=None)
    assert not at.exception
    assert "Click a feature" in at.info[0].value


def test_app_no_hits_says_so():
    at = _app([])
    assert "No passage links Wakhan Corridor" in at.info[0].value


def test_app_shows_cards_and_show_on_map_returns_passage_id():
    hits = [_hit("a", 1), _hit("b", 2, dt.date(2024, 5, 1))]
    at = _app(hits)
    assert not at.exception
    cards = [h.value for h in at.html if 'class="pp-card"' in h.value]
    assert len(cards) == 2
    assert "Title a" in cards[0]  # newest first
    assert at.session_state["test.shown"] is None
    at.button(key="passage_panel.show.b#p2").click().run()
    assert at.session_state["test.shown"] == "b#p2"
    at.run()  # survives other reruns
    assert at.session_state["test.shown"] == "b#p2"
    at.button(key="passage_panel.clear").click().run()
    assert at.session_state["test.shown"] is None


def test_app_order_switch_to_article_order():
    hits = [_hit("new", 1, dt.date(2025, 1, 1)), _hit("old", 1, dt.date(2020, 1, 1))]
    at = _app(hits)
    at.radio(key="passage_panel.order").set_value("article").run()
    cards = [h.value for h in at.html if 'class="pp-card"' in h.value]
    assert "Title old" in cards[0]


def test_app_paginates_long_lists():
    hits = [_hit("a", i) for i in range(1, 26)]
    at = _app(hits)
    assert len([h for h in at.html if 'class="pp-card"' in h.value]) == 10
    at.pagination(key="passage_panel.page").set_value(3).run()
    assert not at.exception
    cards = [h.value for h in at.html if 'class="pp-card"' in h.value]
    assert len(cards) == 5
    assert "¶21" in cards[0]


def test_app_escapes_payload_in_page():
    hits = [
        _hit(
            text="<script>alert(1)</script> Wakhan",
            title="<img src=x onerror=alert(1)>",
            features=(Link("wakhan-corridor", "name", ((26, 32),)),),
        )
    ]
    at = _app(hits)
    card = next(h.value for h in at.html if 'class="pp-card"' in h.value)
    assert "<script>" not in card
    assert "<mark>Wakhan</mark>" in card
    assert "&lt;img src=x onerror=alert(1)&gt;" in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card


def test_names_prefer_feature_names_for_shared_ids():
    from articles.model import Actor
    from components.loaders import build_names
    from geo.model import Feature

    names = build_names(
        [Feature("pakistan", "Pakistan", "country")],
        [
            Actor("pakistan", "Pakistan (state)", "state"),
            Actor("ttp", "TTP", "armed-group"),
        ],
    )
    assert names == {"pakistan": "Pakistan", "ttp": "TTP"}
