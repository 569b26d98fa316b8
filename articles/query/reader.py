"""Open the index for a query: read-only, never synced here (QueryError if unusable)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from articles.backends import Connection
from articles.index.codec import N_BITS, passage_suffix
from articles.index.store import IndexUnavailable, index_path, open_reader
from articles.query.filters import QueryError


@contextlib.contextmanager
def reading(index: Path | None) -> Iterator[Connection]:
    """Open a read-only connection to ``index`` (default ``index_path()``).

    With ``ARTICLES_DATABASE_URL`` set, the PostgreSQL database instead.

    Raises
    ------
    QueryError
        No index, or one built by another schema (the message says to sync).
    """
    try:
        con = open_reader(index or index_path())
    except IndexUnavailable as exc:
        raise QueryError(str(exc)) from None
    try:
        yield con
    finally:
        con.close()


def passage_names(con: Connection, keys: Iterable[int]) -> dict[int, str]:
    """Return the public ids (``<article>#p<n>``) of integer passage ids."""
    keys = list(keys)
    if not keys:
        return {}
    articles = sorted({k >> N_BITS for k in keys})
    marks = ",".join("?" * len(articles))
    slugs = dict(
        con.execute(f"SELECT id, slug FROM articles WHERE id IN ({marks})", articles)
    )
    return {k: f"{slugs[k >> N_BITS]}#{passage_suffix(k)}" for k in keys}
