"""Pipeline for one article: spans checked, year context carried, real linker wired."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from articles.corpus import load_articles
from articles.model import Article, DateMention, Mention, Passage
from articles.process import load_linker, process_article
from tests.articles.conftest import REAL_CORPUS, SEED_1, FakeLinker


@dataclass
class _Sloppy(FakeLinker):
    """Returns one wrong span and records the context year it is given."""

    years: list[int | None] | None = None

    def link(self, passage: Passage) -> list[Mention]:
        good = super().link(passage)
        return [*good, Mention(passage.id, "x", "feature", 0, 3, "name", "not-this")]

    def dates(
        self, passage: Passage, published: dt.date, context_year: int | None
    ) -> list[DateMention]:
        assert self.years is not None
        self.years.append(context_year)
        return super().dates(passage, published, context_year)


def _article(body: str) -> Article:
    return Article("a", "T", "", dt.date(2025, 1, 1), "", "en", body, "h")


def test_process_drops_mentions_with_wrong_spans() -> None:
    done = process_article(_article("Talks in Kabul."), _Sloppy(years=[]))
    assert [m.matched for m in done.mentions] == ["Kabul"]


def test_process_carries_year_of_previous_passage_only() -> None:
    linker = _Sloppy(years=[])
    body = "First.\n\nIn March 2019 talks.\n\nLater.\n\nMuch later."
    process_article(_article(body), linker)
    assert linker.years == [None, None, 2019, None]


def test_process_real_linker_on_seeds_spans_exact() -> None:
    linker = load_linker()
    for article in load_articles(REAL_CORPUS):
        done = process_article(article, linker)
        texts = {p.id: p.text for p in done.passages}
        assert done.mentions
        for m in done.mentions:
            assert texts[m.passage_id][m.start : m.end] == m.matched
        for d in done.dates:
            assert texts[d.passage_id][d.start : d.end] == d.text
        if article.id == SEED_1:
            targets = {m.target for m in done.mentions if m.passage_id.endswith("#p6")}
            assert {"wakhan-corridor", "tajikistan", "badakhshan", "isi"} <= targets


def test_process_real_linker_fingerprint_is_stable() -> None:
    assert load_linker().fingerprint == load_linker().fingerprint
