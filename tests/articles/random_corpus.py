"""Small random corpora for property tests: FakeLinker names, dates, duplicates."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import strategies as st

from articles.corpus import render_document
from articles.index import sync_index
from tests.articles.conftest import FAKE_TARGETS, FakeLinker

NAMES = sorted(FAKE_TARGETS)
FILLER = ("talks", "border", "trade", "the", "envoy", "road", "said", "river")
MONTHS = ("January", "March", "June", "October")

word = st.sampled_from(FILLER)
name = st.sampled_from(NAMES)
date = st.builds(
    lambda d, m, y: f"{d} {m} {y}",
    st.integers(1, 28),
    st.sampled_from(MONTHS),
    st.integers(2019, 2024),
)
paragraph = st.lists(st.one_of(word, word, name, date), min_size=3, max_size=12).map(
    lambda parts: " ".join(parts).capitalize() + "."
)
#: An article: publication day and paragraphs (some shared with other articles).
article = st.tuples(
    st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31)),
    st.lists(st.one_of(paragraph, st.sampled_from(("Shared wire copy about Kabul.",
             "Shared wire copy about Kabul!", "Another copy, Durand Line talks."))),
             min_size=1, max_size=5),
)  # fmt: skip
corpora = st.lists(article, min_size=1, max_size=6)


def write_corpus(directory: Path, articles: list[tuple[dt.date, list[str]]]) -> None:
    """Write each article as ``a<i>.md`` with front matter."""
    directory.mkdir(parents=True, exist_ok=True)
    for i, (published, paragraphs) in enumerate(articles):
        meta = {"id": f"a{i}", "title": f"Article {i}", "published": published}
        body = "\n\n".join(paragraphs) + "\n"
        (directory / f"a{i}.md").write_text(render_document(meta, body), "utf-8")


@contextlib.contextmanager
def indexed_corpus(articles: list[tuple[dt.date, list[str]]]) -> Iterator[Path]:
    """Write ``articles`` to a temporary corpus, sync it, and yield the index path."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index.sqlite"
        write_corpus(corpus, articles)
        sync_index(corpus, index, FakeLinker())
        yield index
