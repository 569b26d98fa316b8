"""``link_rank`` built in one sorted pass after a large sync from nothing.

``link_rank`` (target, rank, passage) is ``links`` read by target. Written article
by article, each article's rows land on a hundred random pages of it: at 10,000
articles that was a quarter of the writer's time. A sync that starts on an empty
index with many files to write leaves it out and fills it at the end from
``links``, sorted. The ``meta`` row ``link_rank = deferred`` says it is being
left out: it is set before the first article is written and removed in the
transaction that fills the table, so a sync killed in between leaves the row,
and the next sync (even one with nothing to write) fills the table. Queries
that see the row read the ranks from ``links`` instead (slower, never wrong).
"""

from __future__ import annotations

from articles.backends import Connection
from articles.index.codec import MEMBER, RANK_MENTIONS, RANK_STEP
from articles.index.layout import reshaped

#: A sync from nothing writing at least this many files fills ``link_rank`` last.
DEFER_MIN = 1000


def rank_sql(table: str = "") -> str:
    """Return ``codec.rank`` in SQL over a ``links`` row (``table``: alias and dot)."""
    how, mentions = f"{table}how", f"{table}mentions"
    return (
        f"({MEMBER} - {how}) * {RANK_STEP} + "
        f"CASE WHEN {mentions} < {RANK_MENTIONS} THEN {mentions} "
        f"ELSE {RANK_MENTIONS} END"
    )


#: ``codec.rank`` in SQL: how the link was made, then its mentions (capped).
RANK_SQL = rank_sql()
#: What a query reads ``link_rank`` as while it is deferred.
FROM_LINKS = f"(SELECT target, {RANK_SQL} AS rank, passage FROM links)"


def is_deferred(con: Connection) -> bool:
    """Return whether ``link_rank`` is being left out (filled at the end of a sync)."""
    return con.backend.meta(con, "link_rank") is not None


def rank_source(con: Connection) -> str:
    """Return what to read ranked links from: ``link_rank``, or ``links`` meanwhile."""
    return FROM_LINKS if is_deferred(con) else "link_rank"


def defer(con: Connection) -> None:
    """Mark ``link_rank`` as left out (inside the caller's write transaction)."""
    con.execute(
        "INSERT INTO meta VALUES ('link_rank', 'deferred') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )


def fill(con: Connection) -> None:
    """Rebuild ``link_rank`` from ``links`` in one sorted pass and clear the mark.

    The full-text index merges segments as rows arrive again (``fts_bulk``).
    """
    con.backend.begin(con)
    try:
        con.execute("DELETE FROM link_rank")
        reshaped(con)
        con.backend.insert_sorted(
            con,
            f"INSERT INTO link_rank SELECT target, {RANK_SQL}, passage FROM links "
            "ORDER BY 1, 2, 3",
        )
        con.execute("DELETE FROM meta WHERE key = 'link_rank'")
        con.backend.fts_bulk(con, False)  # merging as rows arrive again
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
