"""Rows of written articles held by the writer and written a table at a time.

On PostgreSQL each statement is a round trip of the single writer (a plain
insert is a COPY): written as each article came, about twenty per article, a
sync from nothing took twice SQLite's time. A sync holds the rows of the
articles of a batch and writes each table's in one statement before it
commits; its shared passages (``dups``) are counted then, for the whole batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from articles.backends import Connection
from articles.backends.base import FtsRow
from articles.index.dups import count_dups


class Held:
    """Inserts held until ``flush``: rows per statement, full text, passages' hashes.

    Nothing written in between may read or delete what it holds: the caller
    flushes it first (before deleting an article, before committing). A
    statement's rows are written in the order they came; statements hold rows
    of different tables, so their order does not matter.
    """

    def __init__(self) -> None:
        self.rows: dict[str, list[Sequence[Any]]] = {}  # statement: its rows
        self.fts: list[tuple[str, list[FtsRow]]] = []  # runs of one language
        self.passages: list[tuple[int, int]] = []  # (passage, dup), as inserted
        self.targets: dict[int, list[int]] = {}  # passage: its link targets

    def add(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Hold rows for one insert statement (``?`` placeholders)."""
        if rows:
            self.rows.setdefault(sql, []).extend(rows)

    def add_fts(self, language: str, rows: list[FtsRow]) -> None:
        """Hold passages for the full-text index (their article's ``language``)."""
        if not rows:
            return
        if self.fts and self.fts[-1][0] == language:
            self.fts[-1][1].extend(rows)
        else:
            self.fts.append((language, list(rows)))

    def add_dups(
        self, passages: list[tuple[int, int]], targets: dict[int, list[int]]
    ) -> None:
        """Hold inserted ``(passage, dup)``s and their link targets (counted last)."""
        self.passages.extend(passages)
        self.targets.update(targets)

    def merge(self, other: Held) -> None:
        """Hold another one's rows after this one's."""
        for sql, rows in other.rows.items():
            self.add(sql, rows)
        for language, fts in other.fts:
            self.add_fts(language, fts)
        self.add_dups(other.passages, other.targets)

    def flush(self, con: Connection) -> None:
        """Write everything held (in the open transaction) and forget it."""
        for sql, rows in self.rows.items():
            con.executemany(sql, rows)
        for language, fts in self.fts:
            con.backend.fts_insert(con, language, fts)
        if self.passages:
            count_dups(con, self.passages, self.targets, +1)
        self.rows.clear()
        self.fts.clear()
        self.passages.clear()
        self.targets.clear()
