"""Splitter: passages in reading order with headings; no pull quotes or footnotes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.clean import clean_text
from articles.corpus import load_articles
from articles.model import Article
from articles.split import (
    classify_blocks,
    find_footnotes,
    notes_for,
    split_article,
    split_passages,
)
from tests.articles.conftest import REAL_CORPUS, SEED_1, SEED_2


def _article(body: str, article_id: str = "a") -> Article:
    return Article(article_id, "T", "", dt.date(2025, 1, 1), "", "en", body, "h")


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {a.id: a for a in load_articles(REAL_CORPUS)}


def test_split_seed_offsets_are_exact(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for passage in split_passages(article):
            assert article.body[passage.start : passage.end] == passage.text


def test_split_seed_ids_in_reading_order(seeds: dict[str, Article]) -> None:
    passages = split_passages(seeds[SEED_1])
    assert [p.id for p in passages] == [f"{SEED_1}#p{n}" for n in range(1, 10)]
    assert [p.n for p in passages] == list(range(1, 10))
    assert len(split_passages(seeds[SEED_2])) == 12


def test_split_seed_drops_pull_quotes(seeds: dict[str, Article]) -> None:
    texts = [p.text for a in seeds.values() for p in split_passages(a)]
    quote_1 = (
        "Invading the Wakhan Corridor could be the worst strategic mistake of the "
        "Pakistani state"
    )
    quote_2 = "China mediated peace negotiations between Pakistan and Afghanistan"
    assert quote_1 not in texts
    assert quote_2 not in texts
    assert sum(quote_1 in t for t in texts) == 1  # the body sentence stays
    assert sum(quote_2 in t for t in texts) == 1


def test_split_seed_headings_assigned(seeds: dict[str, Article]) -> None:
    first = split_passages(seeds[SEED_1])
    assert first[0].heading == "Pakistan's Ambition to Invade Wakhan Corridor"
    assert first[2].heading == (
        "Rising Tensions and Military Escalation: Pakistan's Airstrikes and "
        "Regional Concerns"
    )
    assert first[5].text.startswith("Lt. General Asim Malik")
    assert first[5].heading == (
        "The Wakhan Corridor Dilemma: Strategic Risks and Diplomatic Solutions"
    )
    second = split_passages(seeds[SEED_2])
    assert (
        second[0].heading == "The Evolving Dynamics of Pakistan-Afghanistan Relations"
    )
    assert second[4].text.startswith("India saw this Pak-Afghan rift")
    assert second[4].heading == (
        "India's Strategic Engagement with Afghanistan and Regional Implications"
    )


def test_split_seed_footnote_is_not_a_passage(seeds: dict[str, Article]) -> None:
    article = seeds[SEED_1]
    assert all("banned in Russia" not in p.text for p in split_passages(article))
    assert find_footnotes(article.body) == {"*": "banned in Russia"}
    assert find_footnotes(seeds[SEED_2].body) == {}


def test_split_notes_for_passage_with_marker() -> None:
    notes = {"*": "banned in Russia"}
    assert notes_for("the Taliban* government", notes) == ("* banned in Russia",)
    assert notes_for("no marker here", notes) == ()


def test_split_unused_marker_line_is_a_passage() -> None:
    body = "Intro paragraph that has no marker at all.\n\n* a list-like line with text"
    kinds = [b.kind for b in classify_blocks(body)]
    assert kinds == ["passage", "passage"]


def test_split_plain_text_heading_detected() -> None:
    body = "Trade Routes\n\nThe corridor links the two valleys."
    passages = split_passages(_article(body))
    assert [(p.text, p.heading) for p in passages] == [
        ("The corridor links the two valleys.", "Trade Routes")
    ]


def test_split_short_last_paragraph_is_a_passage() -> None:
    body = "The corridor links the two valleys.\n\nTime will tell"
    assert [p.text for p in split_passages(_article(body))] == [
        "The corridor links the two valleys.",
        "Time will tell",
    ]


def test_split_cleaned_text_with_crlf_and_blank_lines() -> None:
    body = clean_text("# Head\r\n\r\n\r\nOne.\r\n\r\n\r\n\r\nTwo.\r\n").body
    passages = split_passages(_article(body))
    assert [(p.text, p.heading) for p in passages] == [
        ("One.", "Head"),
        ("Two.", "Head"),
    ]


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1),
        max_size=8,
    )
)
def test_split_offsets_exact_on_random_text(chunks: list[str]) -> None:
    body = clean_text("\n\n".join(chunks)).body
    for passage in split_passages(_article(body)):
        assert body[passage.start : passage.end] == passage.text
        assert passage.text.strip()


def test_split_article_adds_title_and_headings_as_passages() -> None:
    body = (
        "# Swat bombing\n\nA bomb went off in Mingora.\n\n# Reactions\n\nPeshawar said."
    )
    article = Article(
        "a", "Blast in Pakistan", "", dt.date(2025, 1, 1), "", "en", body, "h"
    )
    passages = split_article(article)
    assert [(p.id, p.kind, p.n) for p in passages] == [
        ("a#t", "title", 0),
        ("a#h1", "heading", 1),
        ("a#p1", "body", 1),
        ("a#h2", "heading", 2),
        ("a#p2", "body", 2),
    ]
    for p in passages[1:]:
        assert body[p.start : p.end] == p.text
    assert passages[0].text == "Blast in Pakistan"
    assert [p.id for p in split_passages(article)] == ["a#p1", "a#p2"]


def test_split_article_skips_a_heading_that_repeats_the_title() -> None:
    article = Article(
        "a", "Swat", "", dt.date(2025, 1, 1), "", "en", "# Swat\n\nText.", "h"
    )
    assert [p.kind for p in split_article(article)] == ["title", "body"]
