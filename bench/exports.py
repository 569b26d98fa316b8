"""Export figures for the Wakhan Corridor view: size and build time of each format."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from articles.corpus import corpus_dir
from articles.index import sync_index
from articles.query import Filters
from bench.registry import Figure, register
from components.briefing.collect import collect_briefing
from components.briefing.exports import FORMATS

FEATURE = "wakhan-corridor"
RUNS = 3
#: Budgets: the HTML must stay mailable; every format builds in well under a click.
MAX_HTML_MB, MAX_SECONDS = 2.0, 3.0


@register("exports")
def bench_exports() -> list[Figure]:
    """Build every export of the Wakhan Corridor view; report sizes and times."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index.sqlite"
        shutil.copytree(corpus_dir(), corpus)
        sync_index(corpus, index)
        began = time.perf_counter()
        briefing = collect_briefing(
            Filters(feature=FEATURE), index=index, as_of=dt.date.today()
        )
        collect = time.perf_counter() - began
    note = f"{len(briefing.hits)} passages, {os.cpu_count()} CPUs"
    figures = [Figure("collect view (query, layers, facts)", collect, "s", note)]
    for fmt in FORMATS.values():
        times, data = [], b""
        for _ in range(RUNS):
            start = time.perf_counter()
            data = fmt.build(briefing)
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        size_mb = len(data) / 1e6
        figures.append(
            Figure(
                f"{fmt.id}: build time",
                seconds,
                "s",
                f"median of {RUNS}",
                f"<= {MAX_SECONDS} s",
                seconds <= MAX_SECONDS,
            )
        )
        limit = MAX_HTML_MB if fmt.id == "html" else None
        figures.append(
            Figure(
                f"{fmt.id}: size",
                size_mb * 1000,
                "kB",
                f"{len(data):,} bytes",
                f"<= {limit * 1000:.0f} kB" if limit else "",
                size_mb <= limit if limit else None,
            )
        )
    return figures
