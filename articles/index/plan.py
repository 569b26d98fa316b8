"""What a sync must do: the corpus compared with the index, vanished files dropped.

The comparison is a read. A sync that finds nothing to do neither waits for nor
takes the write lock, and writes nothing (on PostgreSQL a write transaction alone
moves the stamp that the dashboards' caches watch). When there is work, the sync
takes the lock, looks again if another writer committed meanwhile, empties the
index if it was built with another linker, and deletes the articles of the
files that are gone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from articles.backends import Connection
from articles.index.file_stats import (
    FileStats,
    forget_stats,
    held_rows,
    held_stats,
    others_committed,
)
from articles.index.layout import reshaped
from articles.index.review_sync import stale_files
from articles.index.scan import Listing, keeps_listings, known_listing, scan_corpus
from articles.index.work import Task
from articles.index.write import delete_article
from articles.review.state import Review

_TABLES = ("articles", "article_texts", "passages", "dups", "shared", "target_dups",
           "targets", "target_months", "target_event_months", "links", "link_rank",
           "dates", "link_review", "text_dicts")  # fmt: skip


@dataclass(frozen=True)
class Plan:
    """What the corpus and the index hold, and which files a sync must read."""

    scan: FileStats  # the corpus
    held: FileStats  # the index, when the sync looked
    saved: bool  # ``held`` was read from the saved row (``file_stats``)
    in_order: bool  # the scan and ``held`` name the same files in the same order
    version: int | None  # ``others_committed`` when the sync looked
    fresh: bool  # the index was built with this linker
    changed: list[str]  # held files whose size or mtime changed
    gone: list[str]  # held files no longer in the corpus
    stale: set[str]  # files whose links predate the analyst's decisions
    todo: list[str]  # files to read, by name
    listing: Listing | None = None  # the corpus folder's listing, to record

    @property
    def idle(self) -> bool:
        """Return True when there is nothing to read and nothing to delete."""
        return self.fresh and not self.todo and not self.gone

    @property
    def current(self) -> bool:
        """Return True when the saved row needs no rewriting (nothing changed)."""
        return self.saved and self.in_order and self.idle


def plan_sync(
    con: Connection, corpus: Path, fingerprint: str, review: Review | None
) -> tuple[Plan, list[Task], list[str]]:
    """Compare the corpus with the index and drop what vanished.

    Returns
    -------
    tuple
        The plan, a task per file to read (in name order), and the article ids
        deleted because their files are gone.
    """
    # before any lock: other writers wait less
    scan, listing = scan_corpus(corpus, known_listing(con))
    listing = listing if keeps_listings(con) else None
    con.execute("BEGIN")  # a read (the backend's begin takes the write lock)
    try:
        plan = replace(_look(con, corpus, scan, fingerprint, review), listing=listing)
    finally:
        con.execute("COMMIT")
    if plan.idle:
        return plan, [], []
    con.backend.begin(con)
    try:
        if _outdated(con, plan, fingerprint):
            plan = replace(
                _look(con, corpus, scan, fingerprint, review), listing=listing
            )
        if not plan.fresh:
            _empty(con, fingerprint)
        rows = held_rows(con, plan.changed + plan.gone)
        for name in plan.gone:
            if name in rows:
                delete_article(con, rows[name][0])
        forget_stats(con)  # saved again once the index holds what the scan saw
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    # a stale file is re-linked even if its bytes are the same: no stored hash
    stored = {n: rows[n][2] for n in plan.changed if n in rows and n not in plan.stale}
    tasks = [Task(str(corpus / name), stored.get(name)) for name in plan.todo]
    removed = [rows[name][1] for name in plan.gone if name in rows]
    return plan, tasks, removed


def _look(
    con: Connection,
    corpus: Path,
    scan: FileStats,
    fingerprint: str,
    review: Review | None,
) -> Plan:
    """Read what the index holds and compare it with the scan (in a transaction)."""
    row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
    fresh = row is not None and row[0] == fingerprint
    held, saved = held_stats(con) if fresh else (FileStats.of({}), False)
    version = others_committed(con)
    diff = held.changes(scan)
    # a file the index holds but the scan missed may have been stored since
    gone = [name for name in diff.gone if not os.path.lexists(corpus / name)]
    stale = stale_files(con, review) if fresh and review is not None else set()
    on_disk = stale.intersection(scan.names) if stale else set()
    todo = sorted({*diff.new, *diff.changed, *on_disk})
    return Plan(
        scan, held, saved, diff.in_order, version, fresh, diff.changed, gone, stale,
        todo,
    )  # fmt: skip


def _outdated(con: Connection, plan: Plan, fingerprint: str) -> bool:
    """Return whether another writer committed since the plan was made.

    Exactly on SQLite. Elsewhere, whether another writer emptied the index for
    another linker: what else an outdated plan can do is re-read a file that
    another writer wrote, or leave a difference to the next sync.
    """
    if plan.version is not None:
        return others_committed(con) != plan.version
    row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
    return (row is not None and row[0] == fingerprint) != plan.fresh


def _empty(con: Connection, fingerprint: str) -> None:
    """Empty the index built with another linker, and record this one's."""
    for table in _TABLES:
        con.execute(f"DELETE FROM {table}")
    con.backend.fts_clear(con)
    reshaped(con)
    con.execute(
        "INSERT INTO meta VALUES ('fingerprint', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (fingerprint,),
    )
