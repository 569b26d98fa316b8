"""Preparing a received file: reader by extension, overrides, ids, front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.corpus import split_front_matter
from articles.prepare import (
    IngestError,
    make_article_id,
    prepare_article,
    read_document,
)


def test_make_article_id() -> None:
    day = dt.date(2025, 1, 23)
    title = "Pakistan's Ambition to Invade Wakhan Corridor"
    assert (
        make_article_id(day, title, set()) == "2025-01-pakistan-ambition-invade-wakhan"
    )
    assert make_article_id(day, "واخان", set()) == "2025-01-article"
    assert make_article_id(day, "Zé b", {"2025-01-ze-b"}) == "2025-01-ze-b-2"


def test_read_document_overrides_win() -> None:
    doc = b"---\ntitle: In File\nauthor: A\n---\nText."
    meta, text = read_document("a.md", doc, {"title": "Flag", "author": None})
    assert (meta["title"], meta["author"], text) == ("Flag", "A", "Text.")
    assert meta["received_as"] == "a.md"


def test_read_document_txt_front_matter_is_text() -> None:
    meta, text = read_document("a.txt", b"---\nnot: front matter\n---\nText.", {})
    assert "title" not in meta
    assert text.startswith("---\nnot: front matter")


def test_prepare_article_completes_front_matter() -> None:
    data = b"# A Title\n\nA paragraph.\n\nJane Roe, 5 March 2024\n"
    document, article = prepare_article("x.md", data, {}, {"2024-03-title"})
    meta, _ = split_front_matter(document)
    assert meta["id"] == article.id == "2024-03-title-2"
    assert (meta["author"], meta["published"]) == ("Jane Roe", dt.date(2024, 3, 5))


def test_prepare_article_no_title() -> None:
    with pytest.raises(IngestError, match="no title"):
        prepare_article(
            "x.txt", b"A sentence that ends.", {"published": "2024-01-01"}, set()
        )
