"""Briefing document: escaped text, numbered citations, provenance, disputes, print."""

import re

import pytest

from components.briefing.document import build_document
from tests.components.briefing.fixtures import PAYLOAD, make_briefing

MAP = "<!DOCTYPE html><html><head></head><body><div id='m'>map</div></body></html>"


@pytest.fixture(scope="module")
def doc():
    return build_document(make_briefing(), MAP)


def test_document_escapes_article_text_and_metadata(doc):
    assert PAYLOAD not in doc
    assert "<script>alert" not in doc
    assert "<img src=x" not in doc
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in doc
    assert "<b>Roof</b>" not in doc
    assert "&lt;b&gt;Roof&lt;/b&gt;" in doc
    assert "<i>Writer</i>" not in doc


def test_document_has_no_script_outside_the_map_frame(doc):
    outside = re.sub(r'srcdoc="[^"]*"', "", doc)
    assert "<script" not in outside.lower()


def test_document_numbers_citations_in_order(doc):
    assert re.findall(r'class="cite-no" href="#ref-(\d+)"', doc) == ["1", "2", "3"]
    refs = re.findall(r'<li id="ref-(\d+)">\[(\d+)\] ([^<]*)', doc)
    assert [(a, b) for a, b, _ in refs] == [("1", "1"), ("2", "2"), ("3", "3")]
    assert "paragraph 3" in refs[1][2]
    assert "2024-03-01" in refs[1][2]
    assert "section \u201cBorders\u201d" in refs[1][2]
    assert 'href="https://example.org/one"' in doc
    assert "Source: Dawn." in doc


def test_document_highlights_the_selected_feature_mentions(doc):
    assert "<mark>Wakhan Corridor</mark>" in doc
    assert "<mark>Wakhan</mark> herders" in doc
    assert "<mark>Kabul</mark>" not in doc


def test_document_highlights_search_words_and_actors():
    briefing = make_briefing(feature=None, actors=("taliban",), q="sore")
    doc = build_document(briefing, MAP)
    assert "<mark>sore</mark>" in doc
    assert "<mark>Taliban</mark>" in doc
    assert "Taliban (taliban)" in doc


def test_document_states_filters_and_as_of_date():
    briefing = make_briefing(datemode="events", q="pass")
    doc = build_document(briefing, MAP)
    assert "As of 2026-11-20" in doc
    assert "Wakhan Corridor (wakhan-corridor)" in doc
    assert "\u201cpass\u201d" in doc
    assert "3 passages from 2 articles" in doc


def test_document_lists_layer_provenance(doc):
    section = doc.split('class="layers-and-provenance"')[1].split("</section>")[0]
    for text in ("Natural Earth 1:10m admin-1", "GeoNames", "CC BY 4.0", "1:10m"):
        assert text in section
    assert "derived for borders" in section


def test_document_states_disputed_boundaries(doc):
    section = doc.split('class="disputed-boundaries"')[1].split("</section>")[0]
    assert "Afghanistan has never recognised it" in section
    assert "Siachen" in section
    assert "Kashmir" in section
    assert "de facto" in section


def test_document_labels_measured_and_published_figures(doc):
    section = doc.split('class="measured-and-published-figures"')[1]
    assert "<th class='num'>Measured (map data)</th>" in section
    assert re.search(r"<td>area</td><td class='num'>10,972.4 km²</td>", section)
    assert "<td class='num'>11,422 km²</td>" in section
    assert "Measured at 1:10m" in section


def test_document_embeds_the_map_escaped_in_an_iframe(doc):
    assert 'srcdoc="&lt;!DOCTYPE html&gt;&lt;html&gt;' in doc
    assert "<div id='m'>" not in doc


def test_document_prints_on_a4_without_controls(doc):
    assert '<style media="print">' in doc
    assert "@page { size: A4" in doc
    assert re.search(r"iframe\.map-frame \{ width: 182mm; height: 120mm", doc)


def test_document_without_hits_says_so():
    briefing = make_briefing()
    empty = type(briefing)(**{**briefing.__dict__, "hits": (), "counts": {}})
    doc = build_document(empty, MAP)
    assert "No passage matches these filters." in doc
    assert "0 passages from 0 articles" in doc


def test_document_shows_passage_footnotes_escaped(doc):
    assert '<p class="links note">* Taliban: banned in &lt;b&gt;some&lt;/b&gt;' in doc


def test_document_counts_in_singular_and_plural():
    briefing = make_briefing()
    one = type(briefing)(**{**briefing.__dict__, "hits": briefing.hits[2:]})
    assert "1 passage from 1 article," in build_document(one, MAP)
