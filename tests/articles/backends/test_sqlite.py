"""The SQLite file's connections: what a writer may use that a reader does not."""

from __future__ import annotations

import os
from pathlib import Path

from articles.backends.sqlite import SqliteBackend

#: SQLite's default cap on a statement's helper threads (SQLITE_MAX_WORKER_THREADS).
MAX_WORKER_THREADS = 8


def test_the_writer_sorts_with_a_helper_thread_per_core(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path / "index.sqlite")
    writer = backend.connect()
    reader = backend.connect(readonly=True)
    try:
        (threads,) = writer.execute("PRAGMA threads").fetchone()
        assert threads == min(os.cpu_count() or 1, MAX_WORKER_THREADS)
        assert reader.execute("PRAGMA threads").fetchone() == (0,)  # queries: none
    finally:
        reader.close()
        writer.close()
