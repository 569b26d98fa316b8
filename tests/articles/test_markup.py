"""Markup removal and script counting."""

from __future__ import annotations

import time

import pytest

from articles import markup
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


@pytest.mark.parametrize(
    "wall",
    ["[" * 100_000 + "]" * 100_000, "[a](" * 50_000, "![a" * 50_000, "**a " * 50_000,
     "__a " * 50_000, "*a " * 60_000, "_a " * 60_000, "~~a " * 50_000,
     "<!--" * 50_000, "<script>" * 25_000, "<style" * 30_000],
    ids=lambda w: repr(w[:4]),
)  # fmt: skip
def test_walls_of_markup_take_linear_time(wall: str) -> None:
    start = time.perf_counter()
    markup.strip_markdown(markup.strip_html(wall))
    assert time.perf_counter() - start < 2.0  # quadratic took minutes at 200 KB


def test_bidi_isolates_and_c1_controls_leave_the_body() -> None:
    text = "Kabul \u2066\u202etxet\u202c\u2069 \x85\x9bnews"
    assert normalize_text(text) == "Kabul txet news"
