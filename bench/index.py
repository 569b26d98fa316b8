"""Index figures on the synthetic corpus: syncs (cold, no-op, one file), queries."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from articles.index import sync_index
from articles.process import load_linker
from articles.query import Filters, query_page
from bench.registry import Figure, register
from bench.synthetic import write_corpus

ARTICLES = 1000
QUERIES = {
    "feature": Filters(feature="wakhan-corridor"),
    "actor with members": Filters(actors=("pakistan",)),
    "full text": Filters(q="strategic mistake"),
    "events window": Filters(
        date_from=dt.date(2015, 1, 1), date_to=dt.date(2015, 12, 31), datemode="events"
    ),
    "everything": Filters(),
}


@register("index")
def bench_index() -> list[Figure]:
    """Time index syncs and query latency over 1,000 synthetic articles."""
    linker = load_linker()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index.sqlite"
        size = write_corpus(corpus, ARTICLES)
        note = f"{ARTICLES} articles, {size / 1e6:.2f} MB"
        cold = _timed(lambda: sync_index(corpus, index, linker))
        noop = _timed(lambda: sync_index(corpus, index, linker))
        first = sorted(corpus.glob("*.md"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n")
        one = _timed(lambda: sync_index(corpus, index, linker))
        figures = [
            Figure("sync from nothing", cold, "s", f"{note}; clean+split+link+insert"),
            Figure("sync, nothing changed", noop, "s", "hash every file, compare"),
            Figure("sync, one file changed", one, "s", "re-link one article"),
            Figure("index size", index.stat().st_size / 1e6, "MB", note),
        ]
        for name, filters in QUERIES.items():
            times = [
                _timed(lambda f=filters: query_page(f, index=index)) for _ in range(5)
            ]
            hits = query_page(filters, index=index).total
            figures.append(
                Figure(
                    f"query latency: {name}",
                    statistics.median(times) * 1000,
                    "ms",
                    f"median of 5, first page of 50; {hits} matches",
                )
            )
    return figures


def _timed(fn: object) -> float:
    began = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - began
