"""A near-duplicate article (issue 12) counts as its story's: passages collapse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from articles.corpus import render_document
from articles.index import sync_index
from articles.query import Filters, query_page
from tests.articles.conftest import FakeLinker

FIRST = (
    "Talks on the Durand Line resumed in Kabul on Monday after a week of clashes.\n\n"
    "Officials in Kabul said the crossing would reopen for trade within days.\n"
)
REPOST = (
    "Talks on the Durand Line resumed in Kabul on Monday, after a week of clashes "
    "there.\n\n"
    "Officials in Kabul said the crossing would reopen for trade within days.\n\n"
    "A new paragraph about Kabul that the first report did not carry at all.\n"
)


def _write(corpus: Path, slug: str, body: str, **meta: object) -> None:
    head = {"id": slug, "title": slug, "published": dt.date(2025, 3, 14), **meta}
    (corpus / f"{slug}.md").write_text(render_document(head, body), "utf-8")


def test_a_repost_counts_once_per_passage_of_its_story(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    corpus.mkdir()
    _write(corpus, "first-report", FIRST)
    _write(corpus, "repost", REPOST, near_duplicate_of="first-report")
    sync_index(corpus, index, FakeLinker())
    page = query_page(Filters(feature="kabul"), index=index)
    assert page.total == 5  # every passage is still there to read
    assert page.groups == 3  # two edited copies fold into the first report's
    folded = {h.passage_id: h.similar_ids for h in page.hits if h.similar}
    assert sorted(len(v) for v in folded.values()) == [1, 1]


def test_a_missing_or_bad_story_changes_nothing(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    corpus.mkdir()
    _write(corpus, "repost", REPOST, near_duplicate_of="no-such-article")
    _write(corpus, "other", FIRST, near_duplicate_of="../etc/passwd")
    report = sync_index(corpus, index, FakeLinker())
    assert report.errors == ()
    page = query_page(Filters(feature="kabul"), index=index)
    assert page.total == page.groups + 1  # only the exact copy of ¶2 folds
