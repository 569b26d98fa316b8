"""Pipeline for one article: spans checked, year context carried, real linker wired."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from articles.corpus import load_articles
from articles.model import Article, DateMention, Mention, Passage
from articles.process import load_linker, process_article
from tests.articles.conftest import REAL_CORPUS, SEED_1, FakeLinker


@dataclass
class _Sloppy(FakeLinker):
    """Returns one wrong span for links and one for dates."""

    def link(
        self,
        passages: Sequence[Passage],
        published: dt.date | None = None,  # noqa: ARG002 (the real linker's)
    ) -> list[list[Mention]]:
        good = super().link(passages)
        bad = [
            Mention(p.id, "x", "feature", 0, 3, "name", "not-this") for p in passages
        ]
        return [[*g, b] for g, b in zip(good, bad, strict=True)]

    def dates(
        self, passages: Sequence[Passage], published: dt.date
    ) -> list[list[DateMention]]:
        found = super().dates(passages, published)
        bad = [DateMention(p.id, 0, 2, "zz", "2020", "year") for p in passages]
        return [[*f, b] for f, b in zip(found, bad, strict=True)]


def _article(body: str) -> Article:
    return Article("a", "T", "", dt.date(2025, 1, 1), "", "en", body, "h")


def test_process_drops_mentions_with_wrong_spans() -> None:
    done = process_article(_article("Talks in Kabul in March 2019."), _Sloppy())
    assert [m.matched for m in done.mentions] == ["Kabul"]
    assert [d.text for d in done.dates] == ["March 2019"]


def test_process_real_linker_carries_year_across_passages() -> None:
    body = "Talks began in March 2024 in Kabul.\n\nThey resumed on 5 April."
    done = process_article(_article(body), load_linker())
    assert [(d.text, d.value) for d in done.dates] == [
        ("March 2024", "2024-03"),
        ("5 April", "2024-04-05"),
    ]


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


def test_fingerprint_covers_linking_code_not_the_index_or_queries() -> None:
    from articles.process import _stores_or_reads

    assert _stores_or_reads(Path("query/page.py"))
    assert _stores_or_reads(Path("index/write.py"))
    assert _stores_or_reads(Path("__main__.py"))
    assert _stores_or_reads(Path("auth/users.py"))  # sign-in never decides a link
    assert not _stores_or_reads(Path("link/linker.py"))
    assert not _stores_or_reads(Path("dates/resolve.py"))
    assert not _stores_or_reads(Path("clean.py"))


def test_fingerprint_leaves_out_what_linking_never_imports() -> None:
    """A module no linking code imports cannot change a link: editing it re-links
    nothing (``recent.py``, a cache of the index's, once re-linked 100,000
    articles for 7 minutes). What linking imports is covered, storage aside."""
    import grimp

    from articles.process import _NOT_LINKING

    graph = grimp.build_graph("articles")
    # preparing and linking a file, and the decisions applied to its links
    roots = {"articles.process", "articles.prepare", "articles.review"}
    used = {
        module.split(".")[1]
        for root in roots
        for module in {root, *graph.find_upstream_modules(root, as_package=True)}
        if module.startswith("articles.")
    }
    here = Path(__file__).parents[2] / "articles"
    tops = {
        p.name.removesuffix(".py")
        for p in here.iterdir()
        if (p.suffix == ".py" and p.name != "__init__.py")
        or (p / "__init__.py").exists()
    }
    left_out = {name.removesuffix(".py") for name in _NOT_LINKING}
    assert tops - used <= left_out
    assert used & left_out <= {"auth", "backends", "index", "schema"}  # storage
