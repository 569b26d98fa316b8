"""Where the index lives; opening it to write (rebuilt if outdated) or to read."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from articles.schema import PAGE_SIZE, SCHEMA, SCHEMA_ID

INDEX_ENV = "ARTICLES_INDEX_PATH"
DEFAULT_INDEX = Path(__file__).resolve().parent.parent / "index.sqlite"
WRITER_CACHE_KIB = 256 * 1024  # the writer's page cache (peak RSS budget: 1 GB)


class IndexUnavailable(RuntimeError):
    """There is no usable index to read (missing, outdated or unreadable)."""


def index_path() -> Path:
    """Return the index path (env ``ARTICLES_INDEX_PATH``, else the package's)."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


def connect(index: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the index with WAL and a busy timeout (explicit transactions)."""
    if readonly:
        uri = f"file:{index.resolve()}?mode=ro"
        con = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    else:
        con = sqlite3.connect(index, timeout=30, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 30000")
    if not readonly:
        con.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file only
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = NORMAL")
        # Inserts land all over the tables (ids follow publication dates): with
        # SQLite's default 2 MB page cache the writer re-reads pages for every
        # article once the index outgrows it.
        con.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    return con


def open_writer(index: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open the index for writing, creating or rebuilding it when needed.

    Returns
    -------
    tuple
        The connection, and why the index was rebuilt (one line), or None.
    """
    index.parent.mkdir(parents=True, exist_ok=True)
    reason = None
    if index.exists():
        reason = _outdated(index)
        if reason is None:
            return connect(index), None
        for suffix in ("", "-wal", "-shm"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
    con = connect(index)
    con.executescript(f"BEGIN;{SCHEMA}COMMIT;")
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_ID,))
    return con, reason


def _outdated(index: Path) -> str | None:
    """Return why an existing index file cannot be used as it is (None: it can)."""
    try:
        con = connect(index)
        try:
            version = schema_version(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"index {index} rebuilt: unreadable ({exc})"
    if version != SCHEMA_ID:
        return (
            f"index {index} rebuilt: built with schema {version or 'unknown'}, "
            f"this code uses schema {SCHEMA_ID}"
        )
    return None


def schema_version(con: sqlite3.Connection) -> str | None:
    """Return the schema version of an open index (None when there is none)."""
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
    ).fetchone()
    if not has_meta:
        return None
    row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return str(row[0]) if row else None


def open_reader(index: Path) -> sqlite3.Connection:
    """Open the index read-only for a query (never creates or syncs it).

    Raises
    ------
    IndexUnavailable
        Missing, unreadable, or built by another schema version (one line saying
        to run ``python -m articles sync``).
    """
    hint = "run `python -m articles sync`"
    if not index.exists():
        raise IndexUnavailable(f"no index at {index}: {hint}")
    try:
        con = connect(index, readonly=True)
        version = schema_version(con)
    except sqlite3.DatabaseError as exc:
        raise IndexUnavailable(f"index {index} unreadable ({exc}): {hint}") from None
    if version != SCHEMA_ID:
        con.close()
        raise IndexUnavailable(
            f"index {index} has schema {version or 'unknown'}, not {SCHEMA_ID}: {hint}"
        )
    return con
