"""Decoding bytes (BOM, UTF-16, cp1252, binary) and HTML article extraction."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from articles.extract import ExtractError, decode_bytes, extract_html

TEXT = "Wakhan – “corridor” in Badakhshan."

PAGE = """<!DOCTYPE html><html><head><title>Border talks resume | The Daily</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>var tracker = "SCRIPT-MARKER";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">NAV-MARKER World</a></nav>
<article><h1>Border talks resume</h1>
<p>Officials from Pakistan and Afghanistan met in Kabul on Monday to discuss the
Torkham crossing, which has been closed for weeks &amp; traders are angry.</p>
<h2>Trade</h2><p>Traders said the closure of the <em>Durand Line</em> crossing cost
them millions of rupees in lost business during the past month.</p>
<script>document.write("SCRIPT-MARKER-2")</script>
<p>Another paragraph of reasonable length so that the extractor sees a real article
body with several sentences in it.</p></article>
<footer>FOOTER-MARKER Copyright 2024 The Daily.</footer></body></html>"""


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf32", "cp1252"],
)
def test_decode_bytes_encodings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 4, "binary"),
        ("Привет мир, это текст".encode("koi8-r"), "undecodable"),
        (b"ok text \x81\x8d\x8f\x90 bad", "undecodable"),
    ],
    ids=["empty", "blank", "png", "controls", "koi8r", "cp1252-undefined"],
)
def test_decode_bytes_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason) as err:
        decode_bytes(data)
    assert "\n" not in str(err.value)


def test_extract_html_drops_scripts_navigation_footer() -> None:
    page = extract_html(PAGE)
    for marker in ("SCRIPT-MARKER", "NAV-MARKER", "FOOTER-MARKER", "color:red"):
        assert marker not in page.text
    assert "Torkham crossing, which has been closed for weeks & traders" in page.text
    assert "## Trade" in page.text


def test_extract_html_metadata() -> None:
    page = extract_html(PAGE)
    assert page.title == "Border talks resume"
    assert page.author == "Jane Roe"
    assert page.published == dt.date(2024, 3, 5)


def test_extract_html_without_article_text() -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract_html("<html><body><script>var a = 1;</script></body></html>")
