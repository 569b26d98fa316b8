"""Where bench-scale puts the index of each backend: SQLite file or PostgreSQL.

PostgreSQL is ``ARTICLES_DATABASE_URL`` when set (migrated, then its index
emptied: the bench syncs from nothing), else a throwaway local server (Debian's
``postgresql``, as the tests use) stopped afterwards.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg

from articles.backends import DATABASE_ENV, backend_for, database_url, local_server
from articles.backends.postgres import migrate_url

BACKENDS = ("sqlite", "postgres")


@contextlib.contextmanager
def using(backend: str) -> Iterator[None]:
    """Point ``ARTICLES_DATABASE_URL`` at this backend's index while inside."""
    saved = os.environ.pop(DATABASE_ENV, None)
    try:
        if backend == "sqlite":
            yield
            return
        with _postgres(saved) as url:
            os.environ[DATABASE_ENV] = url
            yield
    finally:
        os.environ.pop(DATABASE_ENV, None)
        if saved is not None:
            os.environ[DATABASE_ENV] = saved


@contextlib.contextmanager
def _postgres(given: str | None) -> Iterator[str]:
    if given:
        migrate_url(given)
        with psycopg.connect(given, autocommit=True) as con:
            con.execute("DELETE FROM meta")  # the next sync starts from nothing
        yield given
        return
    server = local_server.start()
    try:
        with psycopg.connect(server.url(), autocommit=True) as con:
            con.execute("CREATE DATABASE bench")
        migrate_url(server.url("bench"))
        yield server.url("bench")
    finally:
        server.stop()


def index_bytes(index: Path) -> int:
    """Return what the index in use takes on disk."""
    return backend_for(index).size_bytes()


def wipe(index: Path) -> None:
    """Lose the index in use, so that the next sync starts from nothing."""
    if database_url():
        return  # emptied when the database was set up
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
