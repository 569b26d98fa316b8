"""Where the index lives; opening it to write (rebuilt if outdated) or to read.

The index is an SQLite file (``ARTICLES_INDEX_PATH``, else the package's), or the
PostgreSQL database of ``ARTICLES_DATABASE_URL`` when that is set
(``articles.backends``): these functions take the file's path and ask the
backend in use.
"""

from __future__ import annotations

import os
from pathlib import Path

from articles.backends import Backend, Connection, IndexUnavailable, backend_for
from articles.backends.sqlite import SqliteBackend, SqliteConnection, schema_version

INDEX_ENV = "ARTICLES_INDEX_PATH"
DEFAULT_INDEX = Path(__file__).resolve().parent.parent / "index.sqlite"

__all__ = [
    "DEFAULT_INDEX",
    "INDEX_ENV",
    "Backend",
    "Connection",
    "IndexUnavailable",
    "backend_for",
    "connect",
    "index_path",
    "open_reader",
    "open_writer",
    "schema_version",
]


def index_path() -> Path:
    """Return the index path (env ``ARTICLES_INDEX_PATH``, else the package's)."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


def connect(index: Path, *, readonly: bool = False) -> SqliteConnection:
    """Open the SQLite file ``index`` with WAL and a busy timeout."""
    return SqliteBackend(index).connect(readonly=readonly)


def open_writer(index: Path) -> tuple[Connection, str | None]:
    """Open the index for writing, creating or rebuilding it when needed.

    Returns
    -------
    tuple
        The connection, and why the index was rebuilt (one line), or None.
    """
    return backend_for(index).open_writer()


def open_reader(index: Path) -> Connection:
    """Open the index read-only for a query (never creates or syncs it).

    Raises
    ------
    IndexUnavailable
        Missing, unreadable, or built by another schema (one line saying to run
        ``python -m articles sync``, or ``migrate`` for PostgreSQL).
    """
    return backend_for(index).open_reader()
