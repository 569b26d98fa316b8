"""Corpus files: front matter in, front matter out, Article with cleaned body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articles.corpus import (
    CORPUS_ENV,
    CorpusError,
    corpus_dir,
    load_articles,
    parse_article,
    render_document,
    split_front_matter,
)
from tests.articles.conftest import REAL_CORPUS, SEED_1, SEED_2

SEEDS = Path("/work/shared/seeds")


def test_corpus_dir_follows_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path))
    assert corpus_dir() == tmp_path
    monkeypatch.delenv(CORPUS_ENV)
    assert corpus_dir() == REAL_CORPUS


def test_corpus_seeds_load_with_both_dates() -> None:
    articles = {a.id: a for a in load_articles(REAL_CORPUS)}
    assert set(articles) == {SEED_1, SEED_2}
    first = articles[SEED_1]
    assert first.title == "Pakistan's Ambition to Invade Wakhan Corridor"
    assert (first.published, first.posted) == (
        dt.date(2025, 1, 23),
        dt.date(2025, 1, 24),
    )
    assert first.author == "Taut Bataut"
    assert first.language == "en"
    assert articles[SEED_2].published == dt.date(2025, 5, 27)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_corpus_seed_files_keep_text_as_received() -> None:
    for seed in SEEDS.glob("*.txt"):
        matches = [
            p
            for p in REAL_CORPUS.glob("*.md")
            if split_front_matter(p.read_text(encoding="utf-8"))[0].get("received_as")
            == seed.name
        ]
        assert len(matches) == 1
        _, body = split_front_matter(matches[0].read_text(encoding="utf-8"))
        assert body == seed.read_text(encoding="utf-8")


def test_corpus_render_and_split_round_trip() -> None:
    meta = {"title": "A: b", "id": "x", "published": dt.date(2024, 1, 2), "extra": 1}
    doc = render_document(meta, "Body text.\n")
    assert doc.startswith("---\nid: x\ntitle: 'A: b'\npublished: 2024-01-02\n")
    assert split_front_matter(doc) == (
        {"id": "x", "title": "A: b", "published": dt.date(2024, 1, 2), "extra": 1},
        "Body text.\n",
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: x\nno closing fence\n", "no closing"),
        ("---\ntitle: [unclosed\n---\nbody", "invalid YAML"),
        ("---\n- a\n- b\n---\nbody", "not a mapping"),
        ("---\ntitle: t\npublished: someday\n---\nBody.", "bad date"),
        (
            "---\nid: Not A Slug\ntitle: t\npublished: 2024-01-01\n---\nBody.",
            "bad article id",
        ),
        ("---\ntitle: t\n---\nBody without any date.", "no publication date"),
        ("---\ntitle: t\npublished: 2024-01-01\n---\n\n۲\n", "no article text"),
    ],
)
def test_corpus_parse_article_rejects(text: str, reason: str) -> None:
    with pytest.raises(CorpusError, match=reason):
        parse_article(text, "fallback")


def test_corpus_front_matter_wins_over_text() -> None:
    text = (
        "---\ntitle: Given\npublished: 2024-02-03\n---\n"
        "# Other\n\nJane Roe, 1 May 2020\n"
    )
    article = parse_article(text, "fallback-id")
    assert (article.id, article.title, article.published) == (
        "fallback-id",
        "Given",
        dt.date(2024, 2, 3),
    )


def test_corpus_load_rejects_duplicate_ids(tmp_path: Path) -> None:
    doc = "---\nid: same\ntitle: t\npublished: 2024-01-01\n---\nBody."
    (tmp_path / "a.md").write_text(doc, encoding="utf-8")
    (tmp_path / "b.md").write_text(doc, encoding="utf-8")
    with pytest.raises(CorpusError, match="duplicate article id"):
        load_articles(tmp_path)


@pytest.mark.parametrize(
    ("extra", "url"),
    [
        (
            "url: https://www.dawn.com/news/1900001\n",
            "https://www.dawn.com/news/1900001",
        ),
        ("url: HTTP://example.org/a\n", "HTTP://example.org/a"),
        ("url: javascript:alert(1)\n", None),
        ("url: www.dawn.com/news/1\n", None),
        ("", None),
    ],
)
def test_corpus_keeps_the_outlet_and_the_article_url(extra: str, url: str) -> None:
    text = (
        f"---\ntitle: T\npublished: 2024-02-03\nsource: Dawn\n{extra}---\n"
        "Body text of the article.\n"
    )
    article = parse_article(text, "an-id")
    assert (article.source, article.url) == ("Dawn", url)


def test_corpus_source_defaults_to_the_url_host() -> None:
    text = (
        "---\ntitle: T\npublished: 2024-02-03\nurl: https://www.dawn.com/n/1\n---\n"
        "Body text of the article.\n"
    )
    article = parse_article(text, "an-id")
    assert (article.source, article.url) == ("www.dawn.com", "https://www.dawn.com/n/1")
