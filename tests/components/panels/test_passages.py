"""Evidence panel: order, pages, citations, escaping, and the Show-on-map button."""

import datetime as dt
import html

import pytest
from streamlit.testing.v1 import AppTest

from articles.query import Hit, Link, Page
from components.panels.passages import (
    build_citation_html,
    build_passage_html,
    build_totals_caption,
    count_pages,
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


def test_pages_of_ten():
    assert count_pages(23, 10) == 3
    assert count_pages(0, 10) == 1


def test_totals_caption_states_page_totals_and_folded_duplicates():
    hits = tuple(_hit("a", i) for i in range(11, 21))
    page = Page(hits, 18316, 4120, 17000, 10, 10, "rank")
    assert build_totals_caption(page) == (
        "11-20 of 18,316 passages in 4,120 articles; 1,316 near-duplicates folded in"
    )
    one = Page((_hit(),), 1, 1, 1, 10, 0, "rank")
    assert build_totals_caption(one) == "1 of 1 passage in 1 article"


def test_passage_html_says_how_many_similar_passages_were_folded():
    hit = _hit(similar=2, similar_ids=("b#p3", "c#p1"))
    out = build_passage_html(hit, feature_id="wakhan-corridor")
    assert "and 2 similar passages" in out
    assert "b#p3, c#p1" in out


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

    from articles.query import Filters, Page
    from components.panels import passages as passage_panel

    def fetch(order, page):
        """A stand-in for the index: order, then one page of ten."""
        ordered = list(hits)
        if order == "newest":
            ordered.sort(key=lambda h: h.published, reverse=True)
        elif order == "article":
            ordered.sort(key=lambda h: (h.published, h.article_id, h.n))
        offset = (page - 1) * 10
        articles = len({h.article_id for h in hits})
        window = tuple(ordered[offset : offset + 10])
        return Page(window, len(hits), articles, len(hits), 10, offset, order)

    st.session_state["test.page"] = passage_panel.render(
        fetch, filters=Filters(feature=feature_id), feature_name="Wakhan Corridor"
    )
    st.session_state["test.shown"] = st.session_state.get(passage_panel.KEY_SHOWN)


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
    assert "Title a" in cards[0]  # best first: the order the index gives
    assert "1-2 of 2 passages in 2 articles" in at.caption[0].value
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
    assert at.radio(key="passage_panel.order").value == "rank"
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
