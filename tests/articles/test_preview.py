"""The preview: found metadata and linked passages, nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from articles.preview import build_preview
from tests.articles.conftest import FakeLinker, snapshot

BYLINE = (
    "# Clash at Torkham\n\n*By Sana Qureshi — Peshawar, 14 March 2025*\n\n"
    "Forces exchanged fire near Kabul on Thursday, officials said.\n"
).encode()


def test_preview_finds_byline_fields_and_links_and_writes_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    before = snapshot(corpus)
    found = build_preview(
        "a.md", BYLINE, {}, linker=FakeLinker(), index=tmp_path / "i.sqlite",
        corpus=corpus,
    )  # fmt: skip
    assert found.error is None
    assert (found.title, found.published, found.author, found.place) == (
        "Clash at Torkham", dt.date(2025, 3, 14), "Sana Qureshi", "Peshawar",
    )  # fmt: skip
    body = next(p for p in found.passages if "Kabul" in p.text)
    assert "kabul" in body.features
    assert snapshot(corpus) == before


def test_preview_without_a_date_asks_for_one(corpus: Path, tmp_path: Path) -> None:
    found = build_preview(
        "a.txt", b"Title\n\nForces met near Kabul.", {}, linker=FakeLinker(),
        index=tmp_path / "i.sqlite", corpus=corpus,
    )  # fmt: skip
    assert found.needs_date
    assert found.passages


def test_preview_of_a_bad_file_gives_the_reason(corpus: Path, tmp_path: Path) -> None:
    found = build_preview(
        "a.txt", b"\x00\x01", {}, linker=FakeLinker(), index=tmp_path / "i.sqlite",
        corpus=corpus,
    )  # fmt: skip
    assert found.error is not None
    assert "binary" in found.error
