"""A throwaway PostgreSQL server for team mode tests; a fresh database each.

Imported by the conftest of the tests that need it (pg_server of tests/conftest.py
may replace it once both branches meet)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from articles.backends.local_server import LocalServer, ServerUnavailable, start
from articles.backends.postgres import connect_url, migrate_url


@pytest.fixture(scope="session")
def team_server() -> Iterator[LocalServer]:
    try:
        server = start()
    except ServerUnavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def team_url(team_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new, migrated database; ``ARTICLES_DATABASE_URL`` points at it."""
    name = f"t_{secrets.token_hex(4)}"
    admin = connect_url(team_server.url(), autocommit=True)
    try:
        admin.execute(f"CREATE DATABASE {name}")
    finally:
        admin.close()
    url = team_server.url(name)
    migrate_url(url)
    monkeypatch.setenv("ARTICLES_DATABASE_URL", url)
    return url
