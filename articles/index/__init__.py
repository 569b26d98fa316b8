"""The index (SQLite FTS5 or PostgreSQL), derived from the corpus: synced by stat, hash.

Deleting the index loses nothing: ``sync_index`` rebuilds it from the corpus. Only
the sync (and an ingest, for its one article) writes; queries open it read-only.
Readers use WAL mode, so the dashboard can read while a sync writes. This package
must not import the query side (``articles.query``).
"""

from articles.index.store import (
    DEFAULT_INDEX,
    INDEX_ENV,
    IndexUnavailable,
    connect,
    index_path,
    open_reader,
    open_writer,
)
from articles.index.sync import SyncError, SyncReport, sync_index

__all__ = [
    "DEFAULT_INDEX",
    "INDEX_ENV",
    "IndexUnavailable",
    "SyncError",
    "SyncReport",
    "connect",
    "index_path",
    "open_reader",
    "open_writer",
    "sync_index",
]
