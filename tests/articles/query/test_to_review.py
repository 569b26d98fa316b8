"""The "to review" filter: passages with a doubtful link nobody has decided on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from articles.index import sync_index
from articles.model import Mention, Passage
from articles.query import Filters, query_page
from articles.review.model import new_decision
from articles.review.store import append_decision
from tests.articles.conftest import FakeLinker


class DoubtfulLinker(FakeLinker):
    """The fake linker, with every Durand Line link only implied (to review)."""

    def _link(self, passage: Passage) -> list[Mention]:
        return [
            m._replace(how="implied") if m.target == "durand-line" else m
            for m in super()._link(passage)
        ]

    def link(
        self, passages: Sequence[Passage], published: object = None
    ) -> list[list[Mention]]:
        del published
        return [self._link(p) for p in passages]


def _ids(filters: Filters, index: Path) -> list[str]:
    page = query_page(filters, order="newest", limit=1000, index=index)
    assert page.total == len(page.hits)
    return [h.passage_id for h in page.hits]


def test_to_review_lists_passages_with_a_doubtful_link(
    corpus: Path, index: Path
) -> None:
    sync_index(corpus, index, DoubtfulLinker())
    durand = _ids(Filters(feature="durand-line"), index)
    assert durand
    assert _ids(Filters(to_review=True), index) == durand
    assert _ids(Filters(feature="durand-line", to_review=True), index) == durand
    assert _ids(Filters(feature="kabul", to_review=True), index) == []


def test_confirmed_link_leaves_the_queue(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, DoubtfulLinker())
    first, *rest = _ids(Filters(to_review=True), index)
    append_decision(
        corpus, new_decision("confirm", first, "durand-line", "feature", "alice")
    )
    report = sync_index(corpus, index, DoubtfulLinker())
    assert report.updated == (first.partition("#")[0],)
    assert _ids(Filters(to_review=True), index) == rest
    assert first in _ids(Filters(feature="durand-line"), index)
