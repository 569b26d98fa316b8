"""Team mode on a fresh, migrated PostgreSQL database (``pg_url`` of conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def team_url(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database; ``ARTICLES_DATABASE_URL`` points at it (team mode on)."""
    monkeypatch.setenv("ARTICLES_DATABASE_URL", pg_url)
    return pg_url
