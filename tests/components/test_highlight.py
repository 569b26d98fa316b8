"""Escaping builders: untrusted text comes out inert, highlights land on the spans."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.highlight import (
    build_highlighted_html,
    build_link_html,
    build_safe_href,
    escape_markdown,
    find_term_spans,
    merge_spans,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>x</a>",
    "</mark><script>x</script>",
    "&lt;already escaped&gt;",
]


def _strip_marks(fragment: str) -> str:
    return fragment.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_highlighted_html_escapes_payload_in_text(payload):
    text = f"Wakhan {payload} corridor"
    out = build_highlighted_html(text, [(0, 6)])
    body = _strip_marks(out)
    assert "<" not in body
    assert ">" not in body
    assert html.unescape(body) == text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_highlighted_html_escapes_payload_inside_mark(payload):
    out = build_highlighted_html(payload, [(0, len(payload))])
    assert out.startswith("<mark>")
    assert out.endswith("</mark>")
    inner = out[len("<mark>") : -len("</mark>")]
    assert "<" not in inner
    assert html.unescape(inner) == payload


def test_highlighted_html_marks_exact_words():
    text = "The Wakhan Corridor borders China."
    out = build_highlighted_html(text, [(4, 10), (28, 33)])
    assert out == "The <mark>Wakhan</mark> Corridor borders <mark>China</mark>."


def test_highlighted_html_merges_overlapping_spans():
    out = build_highlighted_html("abcdefgh", [(1, 4), (3, 6), (6, 7)])
    assert out == "a<mark>bcdefg</mark>h"


def test_highlighted_html_ignores_out_of_range_and_empty_spans():
    out = build_highlighted_html("abc", [(-5, 1), (2, 99), (1, 1), (3, 2)])
    assert out == "<mark>a</mark>b<mark>c</mark>"


def test_highlighted_html_escapes_quotes():
    assert build_highlighted_html("a \"b\" 'c'", []) == "a &quot;b&quot; &#x27;c&#x27;"


@given(
    st.text(),
    st.lists(st.tuples(st.integers(-10, 300), st.integers(-10, 300)), max_size=8),
)
def test_highlighted_html_round_trips_any_text(text, spans):
    out = build_highlighted_html(text, spans)
    body = _strip_marks(out)
    assert "<" not in body
    assert html.unescape(body) == text
    assert out.count("<mark>") == len(merge_spans(spans, len(text)))


def test_merge_spans_sorted_disjoint():
    assert merge_spans([(5, 7), (0, 2), (1, 3), (7, 8)], 10) == [(0, 3), (5, 8)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("http://example.org", "http://example.org"),
        (" HTTPS://example.org/x ", "HTTPS://example.org/x"),
        ('https://e.org/"><script>', "https://e.org/&quot;&gt;&lt;script&gt;"),
    ],
)
def test_safe_href_keeps_http_urls_escaped(url, expected):
    assert build_safe_href(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "Dawn (print edition)",
        "https:///nohost",
        "https://exa mple.org",
        "http://[::1",
    ],
)
def test_safe_href_refuses_other_schemes(url):
    assert build_safe_href(url) is None


def test_link_html_has_noopener():
    out = build_link_html("https://example.org", "<b>Dawn</b>")
    assert 'rel="noopener noreferrer nofollow"' in out
    assert "&lt;b&gt;Dawn&lt;/b&gt;" in out


def test_link_html_falls_back_to_text_for_javascript():
    out = build_link_html("javascript:alert(1)", "src")
    assert out == "src"
    assert "href" not in out


def test_find_term_spans_case_insensitive():
    text = "Wakhan and WAKHAN; the wakhani people"
    spans = find_term_spans(text, "wakhan")
    assert [text[s:e] for s, e in sorted(spans)] == ["Wakhan", "WAKHAN", "wakhan"]


def test_find_term_spans_empty_query():
    assert find_term_spans("text", None) == []
    assert find_term_spans("text", "  a ") == []


@pytest.mark.parametrize("payload", [*PAYLOADS, "[x](javascript:alert(1))", "$5 bn"])
def test_escape_markdown_escapes_every_special(payload):
    out = escape_markdown(payload)
    # every markdown/HTML special character is preceded by a backslash
    assert not re.search(r"(?<!\\)[<>\[\]()$*_`]", out)
    assert re.sub(r"\\(.)", r"\1", out) == payload


def test_escape_markdown_flattens_newlines():
    assert escape_markdown("a\n\n# b") == "a \\# b"


def test_source_links_the_article_with_the_outlet_as_its_text() -> None:
    from components.highlight import build_source_html

    out = build_source_html("Dawn", "https://www.dawn.com/news/1")
    assert out.startswith('<a href="https://www.dawn.com/news/1"')
    assert ">Dawn</a>" in out
    assert ">www.dawn.com</a>" in build_source_html("", "https://www.dawn.com/news/1")
    assert ">www.dawn.com</a>" in build_source_html("https://www.dawn.com/news/1")
    assert build_source_html("<b>Dawn</b>") == "&lt;b&gt;Dawn&lt;/b&gt;"
    assert "href" not in build_source_html("Dawn", "javascript:alert(1)")
