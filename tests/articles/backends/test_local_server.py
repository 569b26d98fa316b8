"""The throwaway PostgreSQL server: its page cache is sized for the machine."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from articles.backends import local_server
from articles.backends.local_server import LocalServer, shared_buffers_mb


@pytest.mark.parametrize(
    ("memory_mb", "expected"),
    [(256, 128), (2048, 512), (8192, 2048), (65536, 4096)],
)
def test_a_quarter_of_the_memory_within_bounds(
    monkeypatch: pytest.MonkeyPatch, memory_mb: int, expected: int
) -> None:
    sizes = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": memory_mb * 256}
    monkeypatch.setattr(local_server.os, "sysconf", sizes.__getitem__)
    assert shared_buffers_mb() == expected


def test_unknown_memory_keeps_postgresql_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unknown(name: str) -> int:
        raise ValueError(name)

    monkeypatch.setattr(local_server.os, "sysconf", unknown)
    assert shared_buffers_mb() == 128


def test_the_server_runs_with_it(
    pg_server: tuple[LocalServer, psycopg.Connection[Any]],
) -> None:
    _, admin = pg_server
    (value,) = admin.execute(
        "SELECT setting::bigint * 8 / 1024 FROM pg_settings "
        "WHERE name = 'shared_buffers'"
    ).fetchone()
    assert value == shared_buffers_mb()
