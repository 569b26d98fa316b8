"""Small look-ups by article: ids taken, an article with the same content."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from articles.backends import Connection, backend_for


@contextlib.contextmanager
def _looking(index: Path) -> Iterator[Connection | None]:
    """Open the index as it is (None when there is no index at all)."""
    backend = backend_for(index)
    if not backend.exists():
        yield None
        return
    con = backend.connect(readonly=True)
    try:
        yield con
    finally:
        con.close()


def list_article_ids(index: Path) -> set[str]:
    """Return the ids of every indexed article (empty when there is no index)."""
    with _looking(index) as con:
        if con is None:
            return set()
        return {row[0] for row in con.execute("SELECT slug FROM articles")}


def find_article_by_hash(index: Path, content_hash: str) -> str | None:
    """Return the id of the indexed article with this content hash, if any."""
    try:
        digest = bytes.fromhex(content_hash)  # the index keeps the 32 bytes
    except ValueError:
        return None  # no SHA-256 hex digest: no article has it
    with _looking(index) as con:
        if con is None:
            return None
        row = con.execute(
            "SELECT slug FROM articles WHERE content_hash = ? ORDER BY slug",
            (digest,),
        ).fetchone()
    return str(row[0]) if row else None


def find_articles_by_url(index: Path, urls: set[str]) -> dict[str, str]:
    """Return the indexed article id for each of ``urls`` already held."""
    if not urls:
        return {}
    with _looking(index) as con:
        if con is None:
            return {}
        found: dict[str, str] = {}
        for url in sorted(urls):
            row = con.execute(
                "SELECT slug FROM articles WHERE url = ? ORDER BY slug", (url,)
            ).fetchone()
            if row:
                found[url] = str(row[0])
        return found


def list_article_hashes(index: Path) -> list[tuple[str, str]]:
    """Return ``(id, content_hash)`` of every indexed article, by id."""
    with _looking(index) as con:
        if con is None:
            return []
        rows = con.execute("SELECT slug, content_hash FROM articles ORDER BY slug")
        return [(str(s), bytes(h).hex()) for s, h in rows]
