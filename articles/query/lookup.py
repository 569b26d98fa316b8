"""Small look-ups by article: ids taken, an article with the same content."""

from __future__ import annotations

from pathlib import Path

from articles.index.store import connect


def list_article_ids(index: Path) -> set[str]:
    """Return the ids of every indexed article (empty when there is no index)."""
    if not index.exists():
        return set()
    con = connect(index, readonly=True)
    try:
        return {row[0] for row in con.execute("SELECT slug FROM articles")}
    finally:
        con.close()


def find_article_by_hash(index: Path, content_hash: str) -> str | None:
    """Return the id of the indexed article with this content hash, if any."""
    if not index.exists():
        return None
    con = connect(index, readonly=True)
    try:
        row = con.execute(
            "SELECT slug FROM articles WHERE content_hash = ? ORDER BY slug",
            (content_hash,),
        ).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else None


def find_articles_by_url(index: Path, urls: set[str]) -> dict[str, str]:
    """Return the indexed article id for each of ``urls`` already held."""
    if not index.exists() or not urls:
        return {}
    con = connect(index, readonly=True)
    try:
        found: dict[str, str] = {}
        for url in sorted(urls):
            row = con.execute(
                "SELECT slug FROM articles WHERE url = ? ORDER BY slug", (url,)
            ).fetchone()
            if row:
                found[url] = str(row[0])
        return found
    finally:
        con.close()


def list_article_hashes(index: Path) -> list[tuple[str, str]]:
    """Return ``(id, content_hash)`` of every indexed article, by id."""
    if not index.exists():
        return []
    con = connect(index, readonly=True)
    try:
        rows = con.execute("SELECT slug, content_hash FROM articles ORDER BY slug")
        return [(str(s), str(h)) for s, h in rows]
    finally:
        con.close()
