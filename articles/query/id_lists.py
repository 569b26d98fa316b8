"""Integers read from SQL as one comma-separated string, parsed by numpy in C.

Reading 14.3 million rows one by one took 9.4 s at 100,000 articles; the same
as one string per group (the backend's ``int_list_sql``) 2.9 s.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from articles.backends import Connection


def parse_ints(text: str | None) -> np.ndarray:
    """Parse comma-separated integers in C (``str.split``: twice as long)."""
    if not text:
        return np.empty(0, np.int64)
    return np.fromstring(text, np.int64, sep=",")


def read_passages(con: Connection, sql: str, args: tuple[Any, ...]) -> np.ndarray:
    """Return the ``passage`` column of ``sql``'s rows as one array (SQL's order)."""
    (text,) = con.execute(
        f"SELECT {con.backend.int_list_sql('passage')} FROM ({sql}) t", args
    ).fetchone()
    return parse_ints(text)
