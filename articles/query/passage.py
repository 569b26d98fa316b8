"""One passage by its public id (``<article-id>#p<n>``), for "Show on map" and jumps."""

from __future__ import annotations

import re
from pathlib import Path

from articles.index.codec import MAX_PASSAGES, passage_key
from articles.query.hits import Hit, load_hits
from articles.query.reader import reading

_PASSAGE_ID = re.compile(r"(?P<slug>[^#]+)#p(?P<n>[0-9]{1,6})")


def find_passage(passage_id: str, index: Path | None = None) -> Hit | None:
    """Return the passage ``passage_id`` with its links, or None when unknown.

    Parameters
    ----------
    passage_id : str
        ``<article-id>#p<n>`` (anything else gives None).
    index : Path, optional
        Defaults to ``index_path()``; only read.
    """
    match = _PASSAGE_ID.fullmatch(passage_id or "")
    if match is None or not 1 <= int(match["n"]) <= MAX_PASSAGES:
        return None
    with reading(index) as con:
        row = con.execute(
            "SELECT id FROM articles WHERE slug = ?", (match["slug"],)
        ).fetchone()
        if row is None:
            return None
        hits = load_hits(con, [passage_key(int(row[0]), int(match["n"]))])
    return hits[0] if hits else None
