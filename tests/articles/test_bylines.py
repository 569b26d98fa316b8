"""Datelines, bylines and bios: recognised generically, dates parsed."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.bylines import is_bio, match_author_line, match_dateline, parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Taut Bataut 24.01.2025", ("Taut Bataut", dt.date(2025, 1, 24))),
        ("Taut Bataut, January 23, 2025", ("Taut Bataut", dt.date(2025, 1, 23))),
        ("By Jane Roe, 5 March 2024", ("Jane Roe", dt.date(2024, 3, 5))),
        ("Posted on 2024-03-05", (None, dt.date(2024, 3, 5))),
        ("May 27, 2025", (None, dt.date(2025, 5, 27))),
        ("30th December 2024", (None, dt.date(2024, 12, 30))),
    ],
)
def test_match_dateline(line: str, expected: tuple[str | None, dt.date]) -> None:
    assert match_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The meeting was held on January 5, 2025",
        "Pakistan and Afghanistan, 2025",
        "Taut Bataut 31.02.2025",
    ],
)
def test_match_dateline_rejects_sentences_and_bad_dates(line: str) -> None:
    assert match_dateline(line) is None


def test_parse_date_whole_string_only() -> None:
    assert parse_date("2024-12-30") == dt.date(2024, 12, 30)
    assert parse_date("on 2024-12-30") is None


def test_match_author_line() -> None:
    assert match_author_line("By Jane Roe") == "Jane Roe"
    assert match_author_line("By the river") is None


def test_is_bio() -> None:
    bio = "Taut Bataut – is a researcher and writer that publishes on geopolitics"
    assert is_bio(bio, "Taut Bataut")
    assert is_bio(bio, None)
    assert not is_bio(bio, "Jane Roe")
    assert is_bio("Jane Roe is a journalist based in Kabul.", "Jane Roe")
    assert not is_bio("Pakistan is a country in South Asia.", None)
