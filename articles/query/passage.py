"""One passage by its public id (``<article-id>#p<n>``), for "Show on map" and jumps."""

from __future__ import annotations

import re
from pathlib import Path

from articles.index.codec import passage_key, passage_slot
from articles.query.hits import Hit, load_hits
from articles.query.reader import reading

_PASSAGE_ID = re.compile(r"(?P<slug>[^#]+)#(?P<suffix>t|[ph][0-9]{1,6})")


def find_passage(passage_id: str, index: Path | None = None) -> Hit | None:
    """Return the passage ``passage_id`` with its links, or None when unknown.

    Parameters
    ----------
    passage_id : str
        ``<article-id>#p<n>``, ``#h<k>`` or ``#t`` (anything else gives None).
    index : Path, optional
        Defaults to ``index_path()``; only read.
    """
    match = _PASSAGE_ID.fullmatch(passage_id or "")
    try:
        slot = passage_slot(passage_id) if match else None
    except ValueError:
        slot = None
    if match is None or slot is None:
        return None
    with reading(index) as con:
        row = con.execute(
            "SELECT id FROM articles WHERE slug = ?", (match["slug"],)
        ).fetchone()
        if row is None:
            return None
        hits = load_hits(con, [passage_key(int(row[0]), slot)])
    return hits[0] if hits else None
