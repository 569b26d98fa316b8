"""The best passage of each of many features, for map popups: no totals, one read."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from articles.query.filters import Filters, resolve
from articles.query.hits import Hit, Similar, load_hits_by_key
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
    firsts: dict[str, int] = {}
    similar: dict[int, Similar] = {}
    with reading(index) as con:
        shared = con.execute("SELECT 1 FROM dups LIMIT 1").fetchone() is not None
        for fid in features:
            match = resolve(con, dataclasses.replace(filters, feature=fid))
            if match.empty:
                continue
            keys, members = walk_page(con, match, "rank", (1, 0), shared)
            if keys:
                firsts[fid] = keys[0]
                similar.update(members)
        hits = load_hits_by_key(con, list(set(firsts.values())), similar)
    return {fid: hits[key] for fid, key in firsts.items() if key in hits}
