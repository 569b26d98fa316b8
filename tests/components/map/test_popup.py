"""Popups: the first evidence of a feature, escaped, snippet at most 200 characters."""

from __future__ import annotations

from components.map.popup import (
    SNIPPET_CHARS,
    TopPassage,
    build_popup_html,
    build_snippet,
)


def test_snippet_is_cut_on_a_word_and_marked() -> None:
    text = "word " * 100
    snippet = build_snippet(text)
    assert len(snippet) <= SNIPPET_CHARS + 3
    assert snippet.endswith("...")
    assert not snippet.endswith(" ...")
    assert build_snippet("  short\n text ") == "short text"


def test_popup_escapes_every_value() -> None:
    top = TopPassage(
        title="<script>alert(1)</script>", published="2025-01-23", snippet='"x" & <y>'
    )
    out = build_popup_html("<b>Name</b>", 1, top)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "&lt;b&gt;Name&lt;/b&gt;" in out
    assert "&quot;x&quot; &amp; &lt;y&gt;" in out
    assert "1 passage<" in out
    assert "2025-01-23" in out


def test_popup_without_top_passage_gives_the_count() -> None:
    out = build_popup_html("Kabul", 1234, None)
    assert "1,234 passages" in out
    assert "map-pop-text" not in out
