"""Tests for components.briefing.passages: quoted passages and numbered references."""

import dataclasses
import re

from components.briefing.passages import build_passages_html, build_references_html
from tests.components.briefing.fixtures import PAYLOAD, make_briefing


def test_passages_are_numbered_in_citation_order():
    html = build_passages_html(make_briefing())
    assert html.index('id="p-1"') < html.index('id="p-2"') < html.index('id="p-3"')
    assert 'data-passage="a-one#p3"' in html
    assert 'href="#ref-2"' in html


def test_passages_escape_article_text():
    html = build_passages_html(make_briefing())
    assert PAYLOAD not in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_passages_name_linked_places_and_actors():
    html = re.sub(r" <span class=\"link-review[^<]*</span>", "", build_passages_html(
        make_briefing()))  # fmt: skip
    assert "Places: Wakhan Corridor, China" in html
    assert "Actors: Taliban" in html
    assert "Actors: none" in html


def test_cited_links_are_marked_and_unreviewed_ones_counted():
    briefing = make_briefing()
    first = briefing.hits[0]
    key = (first.passage_id, "feature", first.features[0].id)
    html = build_passages_html(
        dataclasses.replace(briefing, confirmed=frozenset({key}))
    )
    assert html.count('data-review="confirmed"') == 1
    assert 'data-review="automatic"' in html
    assert (
        "1 was confirmed by an analyst; 6 are automatic and nobody has reviewed" in html
    )


def test_passages_without_hits_say_so():
    briefing = dataclasses.replace(make_briefing(), hits=())
    assert "No passage matches" in build_passages_html(briefing)
    assert "No sources cited" in build_references_html(briefing)


def test_references_link_http_sources_and_escape_titles():
    html = build_references_html(make_briefing())
    assert '<li id="ref-1">[1] A. &lt;i&gt;Writer&lt;/i&gt;' in html
    assert '<a href="https://example.org/one"' in html
    assert "Source: Dawn." in html
