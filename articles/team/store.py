"""The corpus tables (``corpus_articles``, ``review_decisions``): reads and writes.

Every function takes an open psycopg connection and leaves the transaction to its
caller unless it says otherwise. An article is keyed by its id and by its content
hash (both unique): ``add_article`` never stores one text twice, whoever races.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from articles.auth.roles import DATABASE_ENV
from articles.review.model import Decision, decision_from_json

#: The advisory lock held while a decision is checked and appended.
DECISIONS_LOCK = 0x6465636964  # "decid"


class TeamDatabaseError(RuntimeError):
    """Team mode's command without a database URL, or a bad folder (one line)."""


@dataclass(frozen=True)
class StoredArticle:
    """One article row: its id, document (the corpus file's text) and hash."""

    seq: int
    id: str
    content_hash: str
    document: str
    #: When it was stored (microseconds since the epoch): the mirror file's mtime.
    added_us: int = 0


def connect(url: str | None = None) -> Any:
    """Open an autocommit connection to ``url`` (default ``$ARTICLES_DATABASE_URL``).

    Raises
    ------
    TeamDatabaseError
        No URL.
    IndexUnavailable
        The server refuses, or the database is not migrated to this code's
        schema (newer: ``SchemaTooNew``); one line, never the password.
    """
    from articles.backends.migrate import check_schema  # psycopg: team mode only
    from articles.backends.postgres import connect_url, redact

    url = url or os.environ.get(DATABASE_ENV, "")
    if not url:
        raise TeamDatabaseError(f"team mode needs {DATABASE_ENV}=postgresql://...")
    con = connect_url(url, autocommit=True)
    try:
        check_schema(con, redact(url))
    except BaseException:
        con.close()
        raise
    return con


def add_article(
    con: Any, article_id: str, content_hash: str, document: str,
    meta: dict[str, Any], by: str = "",
) -> tuple[str, str]:  # fmt: skip
    """Store one article unless its id or its text is there already; commit.

    Returns
    -------
    tuple
        ``(status, id)``: ``("added", article_id)``; ``("present", article_id)``
        when this very article is there; ``("duplicate", other)`` when its text
        is stored as ``other``; ``("conflict", article_id)`` when that id holds
        another text.
    """
    title, published = str(meta.get("title", "")), meta.get("published")
    with con.transaction():
        row = con.execute(
            "INSERT INTO corpus_articles(id, content_hash, document, title, "
            "published, meta, added_by) VALUES (%s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT DO NOTHING RETURNING id",
            (article_id, content_hash, document, title, published,
             json.dumps(meta, default=_iso, ensure_ascii=False), by),
        ).fetchone()  # fmt: skip
    if row is not None:
        return "added", article_id
    found = find_by_hash(con, content_hash)
    if found == article_id:
        return "present", article_id
    return ("duplicate", found) if found else ("conflict", article_id)


def remove_article(con: Any, article_id: str) -> None:
    """Delete one article (an ingest whose indexing failed takes its row back)."""
    with con.transaction():
        con.execute("DELETE FROM corpus_articles WHERE id = %s", (article_id,))


def article_ids(con: Any) -> set[str]:
    """Return every article id in the database."""
    return {r[0] for r in con.execute("SELECT id FROM corpus_articles")}


def find_by_hash(con: Any, content_hash: str) -> str | None:
    """Return the id of the article with this content hash, if any."""
    row = con.execute(
        "SELECT id FROM corpus_articles WHERE content_hash = %s", (content_hash,)
    ).fetchone()
    return str(row[0]) if row else None


def iter_articles(con: Any, after: int = 0) -> Iterator[StoredArticle]:
    """Yield the articles stored after ``seq`` ``after``, oldest first."""
    cur = con.execute(
        "SELECT seq, id, content_hash, document, "
        "(extract(epoch FROM added_at) * 1000000)::bigint FROM corpus_articles "
        "WHERE seq > %s ORDER BY seq", (after,)
    )  # fmt: skip
    for seq, article_id, content_hash, document, added_us in cur:
        yield StoredArticle(int(seq), article_id, content_hash, document, added_us)


def version(con: Any) -> tuple[str, int, int]:
    """Return which corpus this is, and its newest article and decision numbers.

    The first is the database's and the corpus table's object ids, so a new
    database, or a backup restored with its tables recreated, tells itself
    apart from the one a mirror was made of; the numbers are a change stamp.
    """
    row = con.execute(
        "SELECT d.oid || '.' || 'corpus_articles'::regclass::oid, "
        "(SELECT coalesce(max(seq), 0) FROM corpus_articles), "
        "(SELECT coalesce(max(seq), 0) FROM review_decisions) "
        "FROM pg_database d WHERE d.datname = current_database()"
    ).fetchone()
    return str(row[0]), int(row[1]), int(row[2])


def read_decisions(con: Any) -> tuple[Decision, ...]:
    """Return every decision in the order it was made."""
    rows = con.execute("SELECT line FROM review_decisions ORDER BY seq")
    return tuple(decision_from_json(r[0]) for r in rows)


def add_decision(
    con: Any,
    decision: Decision,
    check: Callable[[tuple[Decision, ...]], None] | None = None,
) -> bool:
    """Append one decision (once per id); commit. Return whether it was new.

    ``check`` sees every decision already stored (read under an advisory lock,
    so two writers take turns) and may raise to refuse the new one.
    """
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(%s)", (DECISIONS_LOCK,))
        if check is not None:
            check(read_decisions(con))
        row = con.execute(
            "INSERT INTO review_decisions(id, line, by) VALUES (%s, %s, %s) "
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            (decision.id, decision.to_json(), decision.by),
        ).fetchone()
    return row is not None


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
