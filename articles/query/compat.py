"""Every matching passage at once: for tests (as an oracle) and batch jobs only.

``query_passages`` loads every matching passage, which issue 8 forbids on any
interactive path: the dashboard, the exports and the CLI use ``query_page`` and the
aggregates. Only the tests import this module (an import-free check keeps it so).
"""

from __future__ import annotations

from pathlib import Path

from articles.query.filters import Filters, resolve
from articles.query.hits import Hit, load_hits
from articles.query.reader import reading


def query_passages(filters: Filters, index: Path | None = None) -> list[Hit]:
    """Return every matching passage, newest first (tests and batch jobs only)."""
    with reading(index) as con:
        match = resolve(con, filters)
        if match.empty:
            return []
        keys = [
            int(r[0])
            for r in con.execute(
                f"SELECT passage FROM ({match.sql}) m ORDER BY passage DESC", match.args
            )
        ]
        hits: list[Hit] = []
        for i in range(0, len(keys), 500):
            hits.extend(load_hits(con, keys[i : i + 500]))
    return hits
