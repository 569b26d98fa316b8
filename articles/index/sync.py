"""Bring the index in line with the corpus: stat, prepare in a pool, write in batches.

A file whose size and modification time match the index is not read. Changed and
new files are cleaned, split and linked over every core; one writer inserts them
and commits every ``BATCH`` articles (or every second), so a sync that is killed
keeps everything committed and the next one carries on. A changed linker
fingerprint (gazetteer, registry, pipeline code) empties the index first.

A sync that finds nothing to do writes nothing (``plan``): it lists and stats the
corpus, reads the held stats in one row (``file_stats``) and compares two lists.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from articles.actors import load_actors
from articles.backends import Connection
from articles.index.file_stats import Stat, others_committed, save_stats
from articles.index.held import Held
from articles.index.plan import Plan, plan_sync
from articles.index.pool import Result, prepare_all
from articles.index.rank_table import DEFER_MIN, defer, fill, is_deferred
from articles.index.review_sync import load_review, record_review
from articles.index.scan import record_listing
from articles.index.store import open_writer
from articles.index.texts import index_packer
from articles.index.work import Failed, Prepared, Seen, actor_ancestors, by_publication
from articles.index.write import (
    DuplicateArticle,
    Tally,
    Targets,
    delete_article,
    insert_article,
)
from articles.process import Linker, load_linker
from articles.review.state import Review

BATCH = 500
COMPACT_MIN = 1000  # articles written by one sync before it compacts the index
log = logging.getLogger(__name__)


class SyncError(RuntimeError):
    """A corpus file could not be indexed when the caller required it."""


@dataclass(frozen=True)
class SyncReport:
    """What a sync did: article ids added, updated, removed; files it could not read."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    errors: tuple[str, ...] = ()
    seconds: float = 0.0
    rebuilt: str | None = None  # why the index was rebuilt from nothing, if it was


@dataclass
class _Run:
    """The state of one sync: what is stored, what was done, when it last committed."""

    con: Connection
    plan: Plan
    targets: Targets
    added: list[str]
    updated: list[str]
    errors: list[str]
    written: dict[str, Stat] = field(default_factory=dict)  # file: stat now stored
    tally: Tally = field(default_factory=Tally)  # counts written at each commit
    held: Held = field(default_factory=Held)  # rows written at each commit
    ranked: bool = True  # write link_rank rows (False: filled at the end)
    seen: int = 0
    pending: int = 0
    committed: float = 0.0


def sync_index(
    corpus: Path,
    index: Path,
    linker: Linker | None = None,
    *,
    require: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> SyncReport:
    """Bring the index in line with the corpus, re-linking only what changed.

    Parameters
    ----------
    corpus : Path
        Directory of article Markdown files.
    index : Path
        SQLite file; created (or rebuilt, when built by another schema) as needed.
        Not used when ``ARTICLES_DATABASE_URL`` names a (migrated) PostgreSQL
        database: that is the index then.
    linker : Linker, optional
        Defaults to ``process.load_linker()``; must pickle for the pool.
    require : Path, optional
        A corpus file that must index cleanly, else ``SyncError`` (the batch in
        progress is rolled back).
    progress : callable, optional
        Called as ``progress(done, total)`` as changed files are written.
    workers : int, optional
        Processes preparing files (default: every core).

    Returns
    -------
    SyncReport
    """
    began = time.perf_counter()
    linker = linker or load_linker()
    con, rebuilt = open_writer(index)
    if rebuilt:
        log.warning(rebuilt)
    review, problems = load_review(corpus)  # the analyst's decisions (issue 14)
    try:
        plan, tasks, removed = plan_sync(con, corpus, linker.fingerprint, review)
        run = _Run(con, plan, Targets(con), [], [], [])
        deferred = is_deferred(con)
        if not deferred and len(tasks) >= DEFER_MIN and not plan.held.names:
            _bulk_load(con)  # a large sync from nothing: link_rank filled last
            deferred = True
        run.ranked = not deferred
        if len(tasks) >= DEFER_MIN:
            tasks = by_publication(tasks)
        if tasks:
            ancestors = actor_ancestors(actor_parents())
            review_or_none = review or Review()
            packer = index_packer(con, corpus, plan.scan.names)
            results = prepare_all(
                tasks, linker, ancestors, workers, review_or_none, packer
            )
            _write_all(run, results, require, (progress, len(tasks)))
        if deferred:
            fill(con)
        if review is not None:
            record_review(con, review)
        _save(run)
        run.errors.extend(problems)
        _compact(con, len(run.added) + len(run.updated), len(plan.held.names))
    finally:
        con.close()
    return SyncReport(
        tuple(run.added), tuple(run.updated),
        tuple(r for r in removed if r not in run.updated),
        len(plan.scan.names) - len(tasks) + run.seen,
        tuple(run.errors), time.perf_counter() - began, rebuilt,
    )  # fmt: skip


def _compact(con: Connection, written: int, before: int) -> None:
    """After a large sync, pack the index (the backend's ``compact``).

    Articles are clustered by publication day, so a large sync inserts all over
    the tables and leaves pages part-empty; SQLite's VACUUM packs them (about a
    fifth of the file). It is atomic: a kill during it loses nothing.
    """
    if written < COMPACT_MIN or written < before // 4:
        return
    con.backend.compact(con)


def _bulk_load(con: Connection) -> None:
    """Before the first article: leave link_rank out, merge no full-text segments."""
    con.backend.begin(con)
    try:
        defer(con)
        con.backend.fts_bulk(con, True)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def actor_parents() -> dict[str, tuple[str, ...]]:
    """Each registry actor's ``member_of`` (what member links roll up to)."""
    return {a.id: a.member_of for a in load_actors()}


def _save(run: _Run) -> None:
    """Save what the next sync reads first, unless it is saved already.

    The files' stats only when no other connection committed since the sync
    planned: then the index holds what it held, less the files deleted, with
    the files written. The corpus folder's listing when it is new.
    """
    con, plan = run.con, run.plan
    stats = not plan.current and plan.version is not None
    if not stats and plan.listing is None:
        return
    con.backend.begin(con)
    try:
        if stats and others_committed(con) == plan.version:
            held = plan.held.merged(plan.gone, run.written, plan.scan)
            save_stats(con, held, plan.held if plan.saved else None)
        if plan.listing is not None:
            record_listing(con, plan.listing)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _write_all(
    run: _Run,
    results: Iterator[Result],
    require: Path | None,
    progress: tuple[Callable[[int, int], None] | None, int],
) -> None:
    report, total = progress
    run.con.backend.begin(run.con)
    run.committed = time.monotonic()
    try:
        for done, result in enumerate(results, start=1):
            _write_one(run, result, require)
            if report is not None:
                report(done, total)
            run.pending += 1
            if run.pending >= BATCH or time.monotonic() - run.committed > 1.0:
                _flush(run)
                run.con.execute("COMMIT")
                run.con.backend.begin(run.con)
                run.pending, run.committed = 0, time.monotonic()
        _flush(run)
    except BaseException:
        run.con.execute("ROLLBACK")
        raise
    run.con.execute("COMMIT")


def _flush(run: _Run) -> None:
    """Write the batch's held rows, then its counts (``_widen_span`` reads dates)."""
    run.held.flush(run.con)
    run.tally.flush(run.con)


def _write_one(run: _Run, result: Result, require: Path | None) -> None:
    con = run.con
    if isinstance(result, Seen):
        con.execute(
            "UPDATE articles SET size = ?, mtime_ns = ? WHERE file = ?",
            (result.size, result.mtime_ns, result.file),
        )
        run.written[result.file] = (result.size, result.mtime_ns)
        run.seen += 1
        return
    if isinstance(result, Failed):
        if require is not None and require.name == result.file:
            raise SyncError(result.reason)
        run.errors.append(result.reason)
        return
    _replace(run, result, require)


def _replace(run: _Run, done: Prepared, require: Path | None) -> None:
    con = run.con
    # the file's article as it is now, not as planned: another writer (a second
    # sync, an ingest) may have written it since
    old = con.execute("SELECT id FROM articles WHERE file = ?", (done.file,)).fetchone()
    counts, rows = Tally(), Held()  # join the run's only once the article is in
    try:
        if old is None:  # a taken id writes nothing: no savepoint to undo it
            insert_article(con, done, run.targets, counts, ranked=run.ranked, held=rows)
        else:
            _swap(run, int(old[0]), done, (counts, rows))
    except DuplicateArticle as exc:
        if require is not None and require.name == done.file:
            raise SyncError(str(exc)) from None
        run.errors.append(str(exc))
        return
    run.tally.merge(counts)
    run.held.merge(rows)
    run.written[done.file] = (done.size, done.mtime_ns)
    (run.updated if old is not None else run.added).append(done.article.id)


def _swap(run: _Run, old: int, done: Prepared, into: tuple[Tally, Held]) -> None:
    """Delete a file's older article and insert its new one, or neither.

    The deletion reads the tables: the batch's held rows go in first, before
    the savepoint (which may be rolled back).
    """
    con, (counts, rows) = run.con, into
    run.held.flush(con)
    con.execute("SAVEPOINT article")
    try:
        delete_article(con, old, counts)
        insert_article(con, done, run.targets, counts, ranked=run.ranked, held=rows)
    except (con.backend.IntegrityError, DuplicateArticle):
        con.execute("ROLLBACK TO article")
        con.execute("RELEASE article")
        run.targets = Targets(con)  # targets interned since the savepoint are gone
        raise DuplicateArticle(
            f"{done.file}: duplicate article id {done.article.id!r}"
        ) from None
    con.execute("RELEASE article")
