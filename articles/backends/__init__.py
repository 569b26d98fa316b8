"""Where the index lives: an SQLite file (default) or a PostgreSQL database.

``ARTICLES_DATABASE_URL=postgresql://...`` puts the index (and, for the team
mode, what else is migrated there) in PostgreSQL; without it the index is the
SQLite file the caller names. ``backend_for`` is the one place that chooses;
the modules behind it (``sqlite``, ``postgres``) implement ``base.Backend``.
"""

from __future__ import annotations

import os
from pathlib import Path

from articles.backends.base import Backend, Connection, IndexUnavailable, SchemaTooNew
from articles.backends.sqlite import SqliteBackend

DATABASE_ENV = "ARTICLES_DATABASE_URL"


def database_url() -> str | None:
    """Return the PostgreSQL URL from ``ARTICLES_DATABASE_URL`` (None: SQLite)."""
    return os.environ.get(DATABASE_ENV) or None


def backend_for(index: Path) -> Backend:
    """Return the backend in use: PostgreSQL when the URL is set, else ``index``."""
    url = database_url()
    if url:
        from articles.backends.postgres import PostgresBackend

        return PostgresBackend(url)
    return SqliteBackend(index)


__all__ = [
    "DATABASE_ENV",
    "Backend",
    "Connection",
    "IndexUnavailable",
    "SchemaTooNew",
    "backend_for",
    "database_url",
]
