"""Cleaner: mastheads, page numbers, markup debris, bylines and bios; generic rules."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from articles.clean import clean_text
from tests.articles.conftest import SEED_1, SEED_2, TEXT_CASES, seed_raw

PERSIAN_OR_ARABIC = re.compile(r"[\u0600-\u06ff]")
NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")


@pytest.mark.parametrize("seed", [SEED_1, SEED_2])
def test_clean_seed_drops_masthead_and_page_numbers(seed: str) -> None:
    body = clean_text(seed_raw(seed)).body
    assert not PERSIAN_OR_ARABIC.search(body)
    assert not NON_ASCII_DIGIT.search(body)
    for debris in ("afgazad", "European Languages", "<sub>", "<u>", "\\*", "**"):
        assert debris not in body


@pytest.mark.parametrize("seed", [SEED_1, SEED_2])
def test_clean_seed_byline_and_bio_are_metadata(seed: str) -> None:
    cleaned = clean_text(seed_raw(seed))
    assert cleaned.author == "Taut Bataut"
    assert "Taut Bataut" not in cleaned.body
    assert cleaned.bio is not None
    assert cleaned.bio.endswith("publishes on South Asian geopolitics")


def test_clean_seed_records_both_dates() -> None:
    first = clean_text(seed_raw(SEED_1))
    assert (first.published, first.posted) == (
        dt.date(2025, 1, 23),
        dt.date(2025, 1, 24),
    )
    second = clean_text(seed_raw(SEED_2))
    assert (second.published, second.posted) == (
        dt.date(2025, 5, 27),
        dt.date(2025, 5, 28),
    )


def test_clean_seed_keeps_headings_and_footnote() -> None:
    body = clean_text(seed_raw(SEED_1)).body
    assert "## Pakistan's Ambition to Invade Wakhan Corridor" in body
    assert (
        "## Rising Tensions and Military Escalation: Pakistan's Airstrikes and "
        "Regional Concerns\n\n" in body
    )
    assert "interim Taliban* government" in body
    assert body.endswith("\n\n*-banned in Russia")


def test_clean_seed_keeps_html_text_inside_tags() -> None:
    body = clean_text(seed_raw(SEED_1)).body
    assert "visited Tajikistan on 30th December 2024." in body
    assert "conducted a terrorist attack at the Crocus Hall" in body


def test_clean_seed_joins_paragraph_broken_by_page_number() -> None:
    body = clean_text(seed_raw(SEED_1)).body
    assert "cement India-Afghanistan ties, a friendship extremely detrimental" in body


def test_clean_seed_title_joins_kicker_and_heading() -> None:
    assert clean_text(seed_raw(SEED_2)).title == (
        "Shifting Alliances and Rising Tensions: "
        "The Evolving Dynamics of Pakistan-Afghanistan Relations"
    )


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_clean_text_case(case: str) -> None:
    raw, expected = TEXT_CASES[case]
    assert clean_text(raw).body == expected


def test_clean_other_site_masthead_and_byline() -> None:
    raw = (
        "Example News\thttps://news.example.org\n"
        "Регион\tНовости\n\n"
        "# Torkham reopens after talks\n\n"
        "By Jane Roe\n\n"
        "Traders crossed the Torkham border crossing on Monday after officials from "
        "both sides agreed to reopen it.\n\n"
        "- 3 -\n\n"
        "The closure had lasted for three weeks, according to customs officials in "
        "Peshawar.\n\n"
        "Jane Roe, 5 March 2024\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.body.startswith("# Torkham reopens after talks\n\nTraders crossed")
    assert "- 3 -" not in cleaned.body
    assert cleaned.author == "Jane Roe"
    assert cleaned.published == dt.date(2024, 3, 5)
    assert cleaned.posted is None
    assert cleaned.title == "Torkham reopens after talks"


def test_clean_keeps_foreign_script_quote_inside_article() -> None:
    raw = (
        "A long enough first paragraph about the Wakhan region and its people, "
        "written in English.\n\n"
        "واخان یک دهلیز باریک است\n\n"
        "Another long enough paragraph about the corridor and the valley, also written "
        "in English."
    )
    assert "واخان یک دهلیز باریک است" in clean_text(raw).body


def test_clean_does_not_join_sentence_ending_paragraphs() -> None:
    raw = "The first paragraph ends here.\n\nlowercase start of the next one."
    assert clean_text(raw).body == raw


def test_clean_joins_hyphenated_page_break() -> None:
    raw = "Relations were extremely detri-\n\nmental to trade between the two sides."
    assert clean_text(raw).body == (
        "Relations were extremely detrimental to trade between the two sides."
    )


def test_clean_setext_heading_and_list() -> None:
    raw = "Background\n==========\n\nPoints:\n- one item\n- two items\n"
    assert clean_text(raw).body == "# Background\n\nPoints:\n- one item\n- two items"


def test_clean_empty_text_gives_empty_body() -> None:
    assert clean_text("\n\n ۲ \n\n").body == ""
