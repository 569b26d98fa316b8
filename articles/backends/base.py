"""The one interface the index and the queries use to talk to a database.

A ``Backend`` opens connections (``open_writer``, ``open_reader``) and says how
its SQL differs (full-text match and score, date arithmetic, write transactions,
compaction); everything else is SQL both backends run as written (``?``
placeholders, ``ON CONFLICT`` upserts, ``RETURNING``, ``>>`` on integer ids).
A connection carries its backend (``con.backend``), so code that is handed a
connection asks it, never ``if postgres:``.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

#: A parsed text search: each term's words (a phrase when several) and whether
#: its last word is a prefix. All terms are required.
Terms = tuple[tuple[tuple[str, ...], bool], ...]
#: One passage's full-text row: its id, its text and its heading as indexed.
FtsRow = tuple[int, str, str]
#: The ``meta`` row of the index's layout token (``articles.index.layout``): each
#: backend's ``begin`` sets it when the index has none yet.
LAYOUT_KEY = "layout"
#: Sets the layout token when there is none (the new token as parameter).
LAYOUT_FIRST = (
    f"INSERT INTO meta VALUES ('{LAYOUT_KEY}', ?) ON CONFLICT(key) DO NOTHING"
)


def in_ranges(
    column: str, ranges: Sequence[tuple[int, int]]
) -> tuple[str, tuple[int, ...]]:
    """Return SQL true when ``column`` is in one of the inclusive ``ranges``.

    With its parameters: a few articles' passage ids (``codec.passage_range``).
    """
    sql = " OR ".join([f"{column} BETWEEN ? AND ?"] * len(ranges))
    return sql, tuple(b for r in ranges for b in r)


class IndexUnavailable(RuntimeError):
    """There is no usable index to read (missing, outdated or unreadable)."""


class SchemaTooNew(IndexUnavailable):
    """The database was migrated by newer code than this (never written to)."""


class Cursor(Protocol):
    """What a query reads back (sqlite3 and psycopg cursors both are)."""

    def fetchone(self) -> Any:
        """Return the next row (None at the end)."""

    def fetchall(self) -> list[Any]:
        """Return the remaining rows."""

    def fetchmany(self, size: int = ...) -> list[Any]:
        """Return up to ``size`` more rows."""

    def __iter__(self) -> Iterator[Any]:
        """Iterate over the rows."""


class Connection(Protocol):
    """An open index connection: sqlite3's API, with its backend attached."""

    backend: Backend

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any:
        """Run one statement with ``?`` parameters; return its cursor."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any:
        """Run one statement once per row."""

    def close(self) -> None:
        """Close the connection."""


def added_sql(table: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """Return the ``ON CONFLICT`` clause adding the counts to a row already there."""
    key, counts = columns
    added = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts)
    return f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {added}"


class Backend(ABC):
    """One database kind: where the index is, how to open it, its SQL dialect."""

    #: ``sqlite`` or ``postgres`` (bench labels, messages).
    name: str
    #: What a unique constraint violation raises (two articles with one id).
    IntegrityError: type[Exception]
    #: The operator for a LIKE pattern matched in any case.
    LIKE_ANY_CASE: str
    #: A text search's totals and its shared copies in one pass over its matches
    #: (``scan``), else two statements: SQLite counts from its full-text index
    #: without the rows, so two are faster there ("China": 44 + 87 ms against
    #: 173 at 100,000 articles); PostgreSQL reads each match's row either way.
    TEXT_TOTALS_IN_ONE = False

    def scan(self, con: Connection, sql: str, args: Sequence[Any]) -> Any:
        """Return the one row of an aggregate over many rows (see ``postgres``)."""
        return con.execute(sql, args).fetchone()

    @contextlib.contextmanager
    def snapshot(self, con: Connection) -> Iterator[None]:  # noqa: ARG002
        """Read one version of the index inside (a reader's statements all see it).

        A PostgreSQL reader is one snapshot already (repeatable read); an SQLite
        reader reads each statement's own unless it opens a transaction.
        """
        yield

    @abstractmethod
    def location(self) -> str:
        """Return where the index is, for messages (never a password)."""

    @abstractmethod
    def exists(self) -> bool:
        """Return True when there is an index to read (it may be outdated)."""

    @abstractmethod
    def stamp(self, con: Connection | None = None) -> int:
        """Return a number that changes whenever the index is written (caches).

        ``con``: a reader of this index. A backend that keeps the number inside
        the index reads it there, in that reader's snapshot, with no other
        connection.
        """

    def meta(self, con: Connection, key: str) -> str | None:
        """Return one value of the index's ``meta`` table, as ``con`` sees it."""
        row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def insert_sorted(self, con: Connection, sql: str) -> None:
        """Run one large ``INSERT ... SELECT ... ORDER BY`` (as it is, by default)."""
        con.execute(sql)

    @abstractmethod
    def size_bytes(self) -> int:
        """Return what the index takes on disk (0 when there is none)."""

    @abstractmethod
    def connect(self, *, readonly: bool = False) -> Connection:
        """Open a connection as it is: no schema check, nothing created."""

    @abstractmethod
    def open_writer(self) -> tuple[Connection, str | None]:
        """Open the index for writing; return it and why it was rebuilt (or None)."""

    @abstractmethod
    def open_reader(self) -> Connection:
        """Open the index for a query (``IndexUnavailable`` when it cannot be read)."""

    @abstractmethod
    def begin(self, con: Connection) -> None:
        """Start a write transaction; writers take turns, readers never wait."""

    @abstractmethod
    def stream(self, con: Connection, sql: str, args: Sequence[Any]) -> Cursor:
        """Run a query whose rows are read a batch at a time (``fetchmany``)."""

    @abstractmethod
    def fts_insert(self, con: Connection, language: str, rows: list[FtsRow]) -> None:
        """Add passages to the full-text index (their article's ``language``)."""

    @abstractmethod
    def fts_delete(self, con: Connection, rows: list[FtsRow]) -> None:
        """Take passages out of the full-text index (rows as they were inserted)."""

    @abstractmethod
    def fts_clear(self, con: Connection) -> None:
        """Empty the full-text index."""

    def fts_bulk(self, con: Connection, bulk: bool) -> None:
        """Tune the full-text index for a large load (``bulk``), or back (no-op here).

        Called in a write transaction, before and after a large sync from nothing,
        which compacts the index at its end.
        """
        del con, bulk

    def add_counts(
        self,
        con: Connection,
        table: str,
        columns: tuple[tuple[str, ...], tuple[str, ...]],
        rows: list[tuple[int, ...]],
        *,
        insert: bool,
    ) -> None:
        """Add counts to rows of ``table``, a statement per row here.

        ``columns`` are the key columns and the count columns; each row holds
        their values in that order, and no two rows have one key. ``insert``: a
        row missing is inserted with the counts (else every row exists). A
        backend may write them all in one statement (the keys being distinct,
        no row can see another's change).
        """
        key, counts = columns
        if insert:
            marks = ", ".join("?" * (len(key) + len(counts)))
            con.executemany(
                f"INSERT INTO {table} VALUES ({marks}) " + added_sql(table, columns),
                rows,
            )
            return
        con.executemany(
            f"UPDATE {table} SET {', '.join(f'{c} = {c} + ?' for c in counts)} "
            f"WHERE {' AND '.join(f'{k} = ?' for k in key)}",
            [(*row[len(key) :], *row[: len(key)]) for row in rows],
        )

    @abstractmethod
    def fts_match(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting ``passage``: the passages matching ``terms``."""

    @abstractmethod
    def fts_scored(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting ``passage, strength, score`` (best score lowest)."""

    def frequent_words(self, con: Connection, least: int, most: int) -> list[str]:
        """Return up to ``most`` words in ``least`` passages or more, most first.

        Each as the full-text index keeps it (a key of ``word_keys``), so that
        ``word_match`` of it finds the passages it counts (``word_bits`` holds
        them as bitmaps). A backend that cannot list them cheaply lists none:
        its searches are read from SQL.
        """
        del con, least, most
        return []

    def word_keys(
        self, con: Connection, words: Sequence[str]
    ) -> list[tuple[str | None, ...]] | None:
        """Return each search configuration's key of each of ``words`` (plain words).

        A key is a word as the full-text index keeps it (None: the configuration
        leaves the word out). A search of ``words`` finds the passages that, in
        at least one configuration, hold every key that is not None (a
        configuration with none finds nothing). None: a word has no single key.
        Here one configuration, the word in lower case (as FTS5's tokenizer folds
        ASCII letters).
        """
        del con
        return [tuple(w.lower() for w in words)]

    def word_match(self, key: str) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting ``passage``: the passages that hold the key ``key``."""
        return self.fts_match((((key,), False),))

    def word_reads(
        self, con: Connection, keys: Sequence[str]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Yield statements that together read the passages holding each of ``keys``.

        Each selects rows ``(key, passages)``, the passages an integer list
        (``int_list_sql``); a key may come in several rows, of several
        statements, whose lists together are ``word_match``'s. Here a statement
        a key: FTS5 reads a word's list from its own index pages.
        """
        del con
        for key in keys:
            sql, args = self.word_match(key)
            ids = self.int_list_sql("passage")
            yield f"SELECT ?, {ids} FROM ({sql}) m", (key, *args)

    def word_reads_between(
        self, con: Connection, keys: Sequence[str], ranges: Sequence[tuple[int, int]]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Yield statements reading which passages in ``ranges`` hold each of ``keys``.

        Rows ``(key, passages)`` as ``word_reads``, for the passage ids of the
        inclusive ``ranges`` only (a few articles' passages). Here a statement a
        key and range: FTS5 seeks a word's list to the range (100,000 articles:
        521 words of one article in 24 ms).
        """
        del con
        ids = self.int_list_sql("passage")
        for lo, hi in ranges:
            for key in keys:
                sql, args = self.word_match(key)
                yield (
                    f"SELECT ?, {ids} FROM ({sql}) m WHERE passage BETWEEN ? AND ?",
                    (key, *args, lo, hi),
                )

    @abstractmethod
    def int_list_sql(self, value: str) -> str:
        """Return an aggregate joining integer ``value`` of a group with commas."""

    @abstractmethod
    def month_sql(self, day: str) -> str:
        """Return SQL for the ``YYYY-MM`` of a day number (days since 1900)."""

    @abstractmethod
    def greatest(self, a: str, b: str) -> str:
        """Return SQL for the larger of two values."""

    @abstractmethod
    def compact(self, con: Connection) -> None:
        """Pack the index after a large sync (outside any transaction)."""
