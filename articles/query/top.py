"""The best passage of each of many features, for map popups: no totals, one read."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from articles.query.filters import Filters, resolve
from articles.query.hits import Hit, load_hits
from articles.query.page import walk_page
from articles.query.reader import reading


def query_top(
    filters: Filters, features: Iterable[str], index: Path | None = None
) -> dict[str, Hit]:
    """Return each feature's best-ranked passage under ``filters`` (its feature aside).

    One connection for every feature, and no totals: `query_page` counts every
    match for its caption, which a popup does not need.

    Parameters
    ----------
    filters : Filters
        The view's query; its ``feature`` is replaced by each of ``features``.
    features : iterable of str
        Feature ids (typically those the map shades).
    index : Path, optional
        Defaults to ``index_path()``; only read.

    Returns
    -------
    dict of str to Hit
        Feature id -> its first passage in "rank" order (features with none left
        out).
    """
    out: dict[str, Hit] = {}
    with reading(index) as con:
        shared = con.execute("SELECT 1 FROM dups LIMIT 1").fetchone() is not None
        for fid in features:
            match = resolve(con, dataclasses.replace(filters, feature=fid))
            if match.empty:
                continue
            keys, similar = walk_page(con, match, "rank", (1, 0), shared)
            hits = load_hits(con, keys, similar)
            if hits:
                out[fid] = hits[0]
    return out
