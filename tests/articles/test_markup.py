"""Markup removal and script counting."""

from __future__ import annotations

from articles.markup import count_scripts, normalize_text, strip_html, strip_markdown


def test_strip_markdown_keeps_escaped_characters() -> None:
    assert strip_markdown(r"Taliban\* and \_x\_ and **b**") == "Taliban* and _x_ and b"


def test_strip_markdown_leaves_intraword_underscores() -> None:
    assert strip_markdown("snake_case_name and file_name.txt") == (
        "snake_case_name and file_name.txt"
    )


def test_strip_html_decodes_entities_after_tags() -> None:
    assert strip_html("&lt;script&gt;x&lt;/script&gt; <b>bold</b>") == (
        "<script>x</script> bold"
    )


def test_normalize_text_line_ends_and_invisibles() -> None:
    assert normalize_text("a\r\nb\rc\u200b\u00a0d\x07") == "a\nb\nc d"


def test_count_scripts() -> None:
    assert count_scripts("Hello мир واخان 中国 é 12_") == {
        "latin": 6,
        "cyrillic": 3,
        "arabic": 5,
        "han": 2,
    }
