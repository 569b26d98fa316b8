"""The team backend: PostgreSQL through psycopg 3 (``ARTICLES_DATABASE_URL``).

The same tables as the SQLite index (``migrations/``); full text is a
``tsvector`` per passage with a GIN index, ranked by ``ts_rank``. Writers take
turns on an advisory lock held for one transaction (a batch of a sync, or one
ingest), so two processes writing one article give one article; readers never
wait for it (MVCC) and read one snapshot per query (repeatable read).
"""

from __future__ import annotations

import functools
import itertools
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from articles.backends import pool
from articles.backends.base import (
    LAYOUT_KEY,
    Backend,
    FtsRow,
    IndexUnavailable,
    Terms,
    added_sql,
    in_ranges,
)
from articles.backends.migrate import MIGRATIONS, Migration, check_schema, migrate
from articles.recent import Recent

#: The ``meta`` values a reader reads once, with its first statement: that it
#: was synced, its version (``stamp``), and what queries ask of it.
SNAPSHOT_KEYS = ("fingerprint", "written", "link_rank", "date_span")
#: The advisory lock every writing transaction holds (any 64-bit number of ours).
WRITE_LOCK = 0x61727469636C6573  # "articles"
#: Full-text configurations: English text, and everything else (no stemming).
ENGLISH, SIMPLE = "articles_english", "simple"
_OTHER_SCRIPT = re.compile(r"[\u0400-\u052f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
                           r"\ufb50-\ufdff\ufe70-\ufeff]")  # fmt: skip
_WORDS = re.compile(r"[^\W_]+")
_CURSORS = itertools.count()
#: ``INSERT INTO table[(columns)] VALUES (row)`` with no ``ON CONFLICT`` clause.
_PLAIN_INSERT = re.compile(
    r"INSERT INTO (\w+(?:\s*\([\w, ]*\))?)\s+VALUES\s*(\((?:(?!ON CONFLICT).)*\))",
    re.S,
)
_ONLY_MARKS = re.compile(r"\(\s*\?(?:\s*,\s*\?)*\s*\)")
#: Bound parameters in one statement (PostgreSQL's limit is 65,535).
MAX_PARAMS = 30000
#: About how many passages' vectors ``frequent_words`` counts words in.
SAMPLE_PASSAGES = 20000
#: Id ranges (articles) one statement of ``word_reads_between`` reads.
RANGES_AT_ONCE = 100
#: Pages of ``passages_fts`` (8 KB each) one statement of ``word_reads`` reads.
WORD_PAGES = 4096
#: Each word's lexemes (English, simple) by database, once asked (``word_keys``):
#: a held text search asks for them on each query of a view (its page, counts
#: and timeline), a round trip each. The configurations are the migrations' and
#: the code's: they change only with new code, so with a restart.
_LEXEMES: Recent[tuple[str, str], tuple[tuple[str, ...], ...]] = Recent(4096)
#: The planner's cost of a page read at random, for this code's sessions, when
#: the server keeps PostgreSQL's default (4, a spinning disk's) and nobody set
#: another. The index is read from memory or an SSD: with 4, an events-mode
#: window's 7,000 matches were joined to ``shared`` by hashing all 290,000 of its
#: rows, not by looking each up (50 against 11 ms at 100,000 articles), and a
#: map's counts took the same road (p95 816 against 302 ms). 1.1 is the usual
#: value for an SSD.
RANDOM_PAGE_COST = "1.1"
#: ``parallel_tuple_cost`` for ``PostgresBackend.scan``'s statement (default 0.1).
PARALLEL_TUPLE_COST = "0.001"
_PAGE_COST_SQL = (
    "SELECT set_config('random_page_cost', %s, false) "
    "FROM pg_settings WHERE name = 'random_page_cost' AND source = 'default'"
)


@functools.lru_cache(maxsize=1024)
def _pg_sql(sql: str) -> str:
    """Turn the shared SQL's ``?`` placeholders into psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection with sqlite3's small API (``?`` placeholders)."""

    def __init__(
        self, raw: psycopg.Connection[Any], backend: Backend, pooled: str = ""
    ) -> None:
        self.raw = raw
        self.backend = backend
        self.pooled = pooled  # the URL whose idle readers this one rejoins
        #: A reader's ``meta`` values of `SNAPSHOT_KEYS`, read once in its
        #: snapshot (``_snapshot``); None: a writer, which reads them afresh.
        self.snapshot: dict[str, str] | None = None

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        """Run one statement; return its cursor (rows fetched with it)."""
        return self.raw.execute(_pg_sql(sql), tuple(parameters))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        """Run one statement for each row (nothing when there are none).

        A plain ``INSERT ... VALUES (?, ...)`` is a COPY, and one with
        expressions one statement of many rows: an article's links are hundreds,
        each its own statement would cost more than the article's linking.
        """
        rows = list(rows)
        if not rows:
            return
        insert = _PLAIN_INSERT.fullmatch(sql)
        with self.raw.cursor() as cur:
            if insert is None:
                cur.executemany(_pg_sql(sql), rows)
                return
            table, one = insert[1], insert[2]
            if _ONLY_MARKS.fullmatch(one):
                with cur.copy(f"COPY {table} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            step = max(1, MAX_PARAMS // max(one.count("?"), 1))
            for i in range(0, len(rows), step):
                chunk = rows[i : i + step]
                cur.execute(
                    _pg_sql(
                        f"INSERT INTO {table} VALUES " + ",".join([one] * len(chunk))
                    ),
                    [v for row in chunk for v in row],
                )

    def close(self) -> None:
        """Close the connection, or give a reader back to the pool (snapshot ended)."""
        if self.pooled and not self.raw.closed:
            pool.give_back(self.pooled, self.raw)
        else:
            self.raw.close()


def tsquery_text(terms: Terms) -> str:
    """Render parsed terms as ``to_tsquery`` input: phrases ``<->``, all ``&``.

    Every word is a quoted lexeme (quotes and backslashes doubled), so nothing the
    user typed is read as an operator; the text is passed as a parameter.
    """
    return " & ".join(
        "(" + " <-> ".join(_lexeme(w) for w in words) + (":*" if prefix else "") + ")"
        for words, prefix in terms
    )


def _lexeme(word: str) -> str:
    """Quote ``word`` as one ``tsquery`` lexeme (quotes and backslashes doubled)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def redact(url: str) -> str:
    """Return the URL's host, port and database, never its password."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql (unparsable URL)"
    host = info.get("host") or "localhost"
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{host}{port}/{info.get('dbname') or ''}"


def connect_url(url: str, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """Open a psycopg connection to ``url`` (``IndexUnavailable`` on failure).

    The session's planner costs ``RANDOM_PAGE_COST`` unless the server sets its own.
    """
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        try:  # outside a transaction, which a reader's rollback would undo
            raw.execute(_PAGE_COST_SQL, (RANDOM_PAGE_COST,))
        except psycopg.Error:
            raw.close()
            raise
        raw.autocommit = autocommit
        return raw
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc)
        raise IndexUnavailable(f"cannot connect to {redact(url)}: {first}") from None


def migrate_url(url: str, folder: Path = MIGRATIONS) -> list[Migration]:
    """Connect to the database at ``url`` and apply its pending migrations.

    Returns
    -------
    list of Migration
        What was applied, in order (empty: already up to date).

    Raises
    ------
    IndexUnavailable
        The database cannot be reached (one line, no password).
    SchemaTooNew
        The database is newer than this code; nothing is applied.
    """
    raw = connect_url(url, autocommit=True)
    try:
        return migrate(raw, redact(url), folder)
    finally:
        raw.close()


class PostgresBackend(Backend):
    """The index in the PostgreSQL database at ``url`` (migrated explicitly)."""

    name = "postgres"
    IntegrityError = psycopg.IntegrityError
    LIKE_ANY_CASE = "ILIKE"

    TEXT_TOTALS_IN_ONE = True

    def __init__(self, url: str) -> None:
        self.url = url

    def scan(self, con: Any, sql: str, args: Sequence[Any]) -> Any:
        """Return the one row of an aggregate over many rows, scanned in parallel.

        PostgreSQL's default cost of passing a row between processes keeps a
        count of a text search's matches in one process (the rows are few once
        counted, but the planner weighs each): with ``PARALLEL_TUPLE_COST``, for
        that statement only, "border" (429,114 matches of 1,287,953 passages)
        was counted with its copies in 410 ms against 584 to 667 in one
        process, and 790 in two statements. Left to the server's settings
        otherwise: a desk's ten sessions share its cores. The setting is local
        to the reader's transaction: if the statement fails, the rollback that
        must follow ends it too.
        """
        if con.raw.autocommit:  # no transaction for a local setting to end with
            return con.execute(sql, args).fetchone()
        con.execute("SELECT set_config('parallel_tuple_cost', ?, true)",
                    (PARALLEL_TUPLE_COST,))  # fmt: skip
        row = con.execute(sql, args).fetchone()
        con.execute("RESET parallel_tuple_cost")
        return row

    def location(self) -> str:
        """Return where the index is, for messages."""
        return redact(self.url)

    def exists(self) -> bool:
        """Return True when there is an index to read."""
        try:
            con = self.open_reader()
        except IndexUnavailable:
            return False
        con.close()
        return True

    def meta(self, con: Any, key: str) -> str | None:
        """Return a ``meta`` value: a reader's from its snapshot when it read it."""
        snapshot: dict[str, str] | None = getattr(con, "snapshot", None)
        if snapshot is not None and key in SNAPSHOT_KEYS:
            return snapshot.get(key)
        return super().meta(con, key)

    def stamp(self, con: Any = None) -> int:
        """Return the write counter every write transaction bumps (0: none yet).

        ``con``: the value in that reader's snapshot, the one its query reads
        (read as it opened: ``SNAPSHOT_KEYS``), where another reader costs four
        round trips, 0.6 ms a query.
        """
        if con is not None:
            return _written(con)
        try:
            con = self.open_reader()
        except IndexUnavailable:  # not migrated or not synced: nothing to cache
            return 0
        try:
            return _written(con)
        finally:
            con.close()

    def size_bytes(self) -> int:
        """Return the size of the whole database (tables, indexes, TOAST)."""
        con = self.connect()
        try:
            row = con.execute("SELECT pg_database_size(current_database())")
            return int(row.fetchone()[0])
        finally:
            con.close()

    def connect(self, *, readonly: bool = False) -> PgConnection:
        """Open a connection: readers in one read-only snapshot, writers autocommit."""
        raw = connect_url(self.url, autocommit=not readonly)
        if readonly:
            raw.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            raw.read_only = True
        return PgConnection(raw, self)

    def _checked(self, readonly: bool) -> PgConnection:
        con = self.connect(readonly=readonly)
        try:
            check_schema(con.raw, self.location())
        except BaseException:
            con.close()
            raise
        return con

    def open_writer(self) -> tuple[PgConnection, str | None]:
        """Open a writer (never creates tables: ``python -m articles migrate`` does)."""
        return self._checked(readonly=False), None

    def open_reader(self) -> PgConnection:
        """Open the index for a query: migrated, and synced at least once.

        An idle reader of this process is taken when there is one (``pool``);
        a new one is checked against this code's schema first.
        """
        con = None
        synced = False
        if (raw := pool.take(self.url)) is not None:
            con = PgConnection(raw, self, self.url)
            try:
                synced = _snapshot(con)
            except psycopg.OperationalError:  # gone meanwhile: connect afresh
                raw.close()
                con = None
        if con is None:
            con = self._checked(readonly=True)
            con.pooled = self.url
            synced = _snapshot(con)
        if synced:
            return con
        con.close()
        raise IndexUnavailable(
            f"no index in {self.location()} yet: run `python -m articles sync`"
        )

    def begin(self, con: Any) -> None:
        """Start a write transaction (writers take turns)."""
        con.execute("BEGIN")
        con.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        # what other processes' caches watch (``stamp``): this transaction writes;
        # and a new index's layout token (``LAYOUT_KEY``), in the same statement
        con.execute(
            f"INSERT INTO meta VALUES ('written', '1'), ('{LAYOUT_KEY}', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = CASE WHEN meta.key = 'written' "
            "THEN (meta.value::bigint + 1)::text ELSE meta.value END",
            (uuid.uuid4().hex,),
        )

    def stream(self, con: Any, sql: str, args: Sequence[Any]) -> Any:
        """Open a server-side cursor: ``fetchmany`` reads the next rows only."""
        cur = con.raw.cursor(name=f"stream_{next(_CURSORS)}")
        cur.execute(_pg_sql(sql), tuple(args))
        return cur

    def add_counts(
        self,
        con: Any,
        table: str,
        columns: tuple[tuple[str, ...], tuple[str, ...]],
        rows: list[tuple[int, ...]],
        *,
        insert: bool,
    ) -> None:
        """Add counts to rows of ``table`` in one statement: a column an array.

        A sync adds a batch's counts to thousands of rows (``write.Tally``).
        Measured on this machine, 10,000 rows: 0.20 s as a statement each
        (pipelined), 0.09-0.14 s as one statement over ``unnest``.
        """
        if not rows:
            return
        key, counts = columns
        names = (*key, *counts)
        arrays = ", ".join("?::bigint[]" for _ in names)
        source = f"unnest({arrays}) AS v({', '.join(names)})"
        if insert:
            sql = (
                f"INSERT INTO {table}({', '.join(names)}) SELECT * FROM {source} "
                + added_sql(table, columns)
            )
        else:
            sql = (
                f"UPDATE {table} AS t SET "
                + ", ".join(f"{c} = t.{c} + v.{c}" for c in counts)
                + f" FROM {source} WHERE "
                + " AND ".join(f"t.{k} = v.{k}" for k in key)
            )
        con.execute(sql, [[row[i] for row in rows] for i in range(len(names))])

    def fts_insert(self, con: Any, language: str, rows: list[FtsRow]) -> None:
        """Add passages to the full-text index, in one statement.

        The rows go as four arrays (``unnest``), not as a statement of a row of
        parameters each: psycopg splits and converts such a statement anew for
        every count of rows (a fifth of the writer's time at 2,000 articles,
        measured on this machine).
        """
        if not rows:
            return
        english = language.casefold().startswith("en")
        con.execute(
            "INSERT INTO passages_fts SELECT id, "
            "to_tsvector(config::regconfig, text) || "
            "to_tsvector(config::regconfig, heading) "
            "FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) "
            "AS r(id, config, text, heading)",
            [
                [pid for pid, _, _ in rows],
                [_config(english, text, heading) for _, text, heading in rows],
                [_words(text) for _, text, _ in rows],
                [_words(heading) for _, _, heading in rows],
            ],
        )

    def fts_delete(self, con: Any, rows: list[FtsRow]) -> None:
        """Take passages out of the full-text index."""
        con.executemany(
            "DELETE FROM passages_fts WHERE id = ?", [(r[0],) for r in rows]
        )

    def fts_clear(self, con: Any) -> None:
        """Empty the full-text index."""
        con.execute("DELETE FROM passages_fts")

    def fts_match(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting the passages matching ``terms``."""
        query = tsquery_text(terms)
        return (
            "SELECT id AS passage FROM passages_fts "
            f"WHERE fts @@ to_tsquery('{ENGLISH}', ?) "
            f"OR fts @@ to_tsquery('{SIMPLE}', ?)",
            (query, query),
        )

    def fts_scored(self, terms: Terms) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting matching passages with their score."""
        query = tsquery_text(terms)
        return (
            "SELECT f.id AS passage, 0 AS strength, "
            f"-greatest(ts_rank(f.fts, to_tsquery('{ENGLISH}', ?)), "
            f"ts_rank(f.fts, to_tsquery('{SIMPLE}', ?))) AS score "
            f"FROM passages_fts f WHERE f.fts @@ to_tsquery('{ENGLISH}', ?) "
            f"OR f.fts @@ to_tsquery('{SIMPLE}', ?)",
            (query, query, query, query),
        )

    def frequent_words(self, con: Any, least: int, most: int) -> list[str]:
        """Return the words of ``least`` passages or more, estimated from a sample.

        ``ts_stat`` over every passage would read every vector (all of the
        table); over a sample of about ``SAMPLE_PASSAGES`` (whole pages,
        ``TABLESAMPLE SYSTEM``) it takes a fraction of a second. A sampled count
        is an estimate, so words down to half the threshold are listed: what
        ``word_bits`` holds of each is read exactly (``word_match``).
        """
        (total,) = con.execute("SELECT count(*) FROM passages_fts").fetchone()
        percent = min(100.0, 100.0 * SAMPLE_PASSAGES / max(total, 1))
        need = least if percent == 100.0 else least * percent / 200.0
        sample = (
            "SELECT fts FROM passages_fts "
            f"TABLESAMPLE SYSTEM ({percent:.6f}) REPEATABLE (8)"
        )
        rows = con.execute(
            "SELECT word FROM ts_stat(?) WHERE ndoc >= ? "
            "ORDER BY ndoc DESC, word LIMIT ?",
            (sample, max(need, 1.0), most),
        )
        return [str(word) for (word,) in rows]

    def word_keys(
        self, con: Any, words: Sequence[str]
    ) -> list[tuple[str | None, ...]] | None:
        """Return each word's lexeme in the English configuration and the simple one.

        A search is the English query OR the simple one (``fts_match``), each an
        AND of its lexemes; a passage's vector is of one configuration, so a word
        is found in it by either lexeme (one round trip for the words not
        asked before: ``_LEXEMES``).
        """
        known = {w: _LEXEMES.get((self.url, w)) for w in words}
        asked = [w for w, lexemes in known.items() if lexemes is None]
        if asked:
            rows = con.execute(
                f"SELECT tsvector_to_array(to_tsvector('{ENGLISH}', w)), "
                f"tsvector_to_array(to_tsvector('{SIMPLE}', w)) "
                "FROM unnest(?::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i",
                (asked,),
            ).fetchall()
            for word, row in zip(asked, rows, strict=True):
                known[word] = _LEXEMES.put((self.url, word), tuple(map(tuple, row)))
        rows = [known[w] or () for w in words]
        if any(len(lexemes) > 1 for row in rows for lexemes in row):
            return None
        return [tuple(row[c][0] if row[c] else None for row in rows) for c in range(2)]

    def word_match(self, key: str) -> tuple[str, tuple[Any, ...]]:
        """Return SQL selecting the passages whose vector holds the lexeme ``key``.

        A ``tsquery`` cast from text is taken as written (no configuration
        normalizes it): the lexeme itself.
        """
        return (
            "SELECT id AS passage FROM passages_fts WHERE fts @@ ?::tsquery",
            (_lexeme(key),),
        )

    def word_reads(
        self, con: Any, keys: Sequence[str]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Read every key's passages in one pass over the table, a part at a time.

        The GIN index gives a lexeme's rows, but their ids are in the table: a
        frequent lexeme's rows are on most of its pages, so reading 416 of them
        one by one read the table 416 times (125 s at 100,000 articles; this
        pass, 36 s). Here each statement
        reads ``WORD_PAGES`` pages of it (a TID range scan) and lists, for each
        key, the passages there holding it (``tsvector_to_array`` gives a
        vector's lexemes, as ``word_match`` finds them). The keys are joined,
        not compared with ``= ANY(?)``: psycopg prepares a statement run more
        than five times, PostgreSQL may then plan it generically, and a generic
        plan compares each lexeme with every key (6.2 s a statement at 100,000
        articles, against 0.95 joined). Rows written after the
        table's size is read are not seen: the index moved on, and a reader of
        this version's bitmaps stops (``WordBits.fill``).
        """
        (pages,) = con.execute(
            "SELECT pg_relation_size('passages_fts') "
            "/ current_setting('block_size')::bigint"
        ).fetchone()
        ids = self.int_list_sql("f.id")
        for first in range(0, int(pages) + 1, WORD_PAGES):
            yield (
                f"SELECT u.word, {ids} FROM passages_fts f, "
                "unnest(tsvector_to_array(f.fts)) AS u(word) "
                "JOIN unnest(?::text[]) AS k(word) ON k.word = u.word "
                "WHERE f.ctid >= ?::tid AND f.ctid < ?::tid GROUP BY u.word",
                (list(keys), f"({first},0)", f"({first + WORD_PAGES},0)"),
            )

    def word_reads_between(
        self, con: Any, keys: Sequence[str], ranges: Sequence[tuple[int, int]]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Read the passages of ``ranges`` once, and list each key's among them.

        Their vectors' lexemes (``tsvector_to_array``), as ``word_reads``, for
        the rows of the inclusive id ``ranges`` (the primary key finds them);
        ``RANGES_AT_ONCE`` ranges a statement.
        """
        del con
        ids = self.int_list_sql("f.id")
        for at in range(0, len(ranges), RANGES_AT_ONCE):
            where, bounds = in_ranges("f.id", ranges[at : at + RANGES_AT_ONCE])
            yield (
                f"SELECT u.word, {ids} FROM passages_fts f, "
                "unnest(tsvector_to_array(f.fts)) AS u(word) "
                "JOIN unnest(?::text[]) AS k(word) ON k.word = u.word "
                f"WHERE {where} GROUP BY u.word",
                (list(keys), *bounds),
            )

    def int_list_sql(self, value: str) -> str:
        """Return an aggregate joining integer ``value`` of a group with commas."""
        return f"string_agg(({value})::text, ',')"

    def month_sql(self, day: str) -> str:
        """Return SQL for the ``YYYY-MM`` of a day number."""
        return f"to_char(date '1900-01-01' + ({day})::integer, 'YYYY-MM')"

    def greatest(self, a: str, b: str) -> str:
        """Return SQL for the larger of two values."""
        return f"greatest({a}, {b})"

    def compact(self, con: Any) -> None:
        """Reclaim dead rows and refresh the planner's statistics."""
        con.execute("VACUUM ANALYZE")


def _written(con: PgConnection) -> int:
    value = con.backend.meta(con, "written")
    return int(value) if value is not None else 0


def _snapshot(con: PgConnection) -> bool:
    """Read a reader's `SNAPSHOT_KEYS` at once; return whether it was ever synced.

    A held count asked for three of them, a round trip each (1.0 of its 3.3 ms
    at 10,000 articles); one reader's snapshot never sees them change.
    """
    marks = ",".join("?" * len(SNAPSHOT_KEYS))
    rows = con.execute(
        f"SELECT key, value FROM meta WHERE key IN ({marks})", SNAPSHOT_KEYS
    )
    con.snapshot = {str(key): str(value) for key, value in rows}
    return "fingerprint" in con.snapshot


def _words(text: str) -> str:
    """Return the words of ``text`` as the query side splits them."""
    return " ".join(_WORDS.findall(text))


def _config(english: bool, *texts: str) -> str:
    """English stemming for English text; ``simple`` for other scripts."""
    if english and not any(_OTHER_SCRIPT.search(t) for t in texts):
        return ENGLISH
    return SIMPLE
