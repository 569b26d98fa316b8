"""Write one article into the index, or take one out (the single writer's work)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from articles.backends import Connection
from articles.index.codec import (
    MEMBER,
    SEQ_BITS,
    article_key,
    from_day,
    index_words,
    passage_key,
    passage_range,
    rank,
    to_day,
)
from articles.index.dups import count_dups, group_pairs
from articles.index.held import Held
from articles.index.layout import removing
from articles.index.texts import Packed, unpack_article
from articles.index.work import Prepared


class DuplicateArticle(Exception):
    """Another file holds an article with the same id (slug): nothing was written."""


class Targets:
    """Interned feature and actor ids (``targets`` rows), cached per writer."""

    def __init__(self, con: Connection) -> None:
        self._con = con
        self._ids = {
            (k, n): i for i, k, n in con.execute("SELECT id, kind, name FROM targets")
        }

    def id(self, kind: str, name: str) -> int:
        """Return the integer id of a target, interning it on first use."""
        key = (kind, name)
        if key not in self._ids:
            # an upsert: a concurrent writer (PostgreSQL) may have interned it
            row = self._con.execute(
                "INSERT INTO targets(kind, name) VALUES (?, ?) ON CONFLICT(kind, name) "
                "DO UPDATE SET kind = excluded.kind RETURNING id",
                (kind, name),
            ).fetchone()
            self._ids[key] = int(row[0])
        return int(self._ids[key])


class Tally:
    """Per-target totals and per-month matches of written articles, held until flush.

    One article moves about a hundred targets' counters; a sync writes them once
    per committed batch (summed over its articles), not once per article: most
    targets recur in every article, and each statement costs the writer more than
    the sum.
    """

    def __init__(self) -> None:
        self.totals: dict[int, list[int]] = {}  # target: [passages, matches, articles]
        self.months: dict[tuple[int, int], int] = {}  # (target, month): matches
        self.events: dict[tuple[int, int], int] = {}  # (target, month mentioned)
        self.span = -1  # the longest date (last - first, days) written; -1: none

    def add(self, links: list[tuple[int, int]], month: int, step: int) -> None:
        """Count one article's links (target, how) in or out (``step`` +1 or -1)."""
        seen: set[int] = set()
        for target, how in links:
            total = self.totals.setdefault(target, [0, 0, 0])
            total[0] += step * (how < MEMBER)
            total[1] += step
            if target not in seen:
                seen.add(target)
                total[2] += step
            self.months[target, month] = self.months.get((target, month), 0) + step

    def add_dates(
        self,
        dates: Iterable[tuple[int, int, int]],
        targets: dict[int, list[int]],
        step: int,
    ) -> None:
        """Count the months passages mention for their targets, in or out.

        ``dates`` are ``(first, last, passage)`` rows; ``targets`` each passage's
        targets (members' rolled-up links included). A passage counts once per
        target and month one of its dates starts in.
        """
        months: dict[int, set[int]] = {}
        for first, last, passage in dates:
            months.setdefault(passage, set()).add(_day_month(first))
            if step > 0:
                self.span = max(self.span, last - first)
        for passage, found in months.items():
            for target in targets.get(passage, ()):
                for month in found:
                    key = (target, month)
                    self.events[key] = self.events.get(key, 0) + step

    def merge(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for target, (passages, matches, articles) in other.totals.items():
            total = self.totals.setdefault(target, [0, 0, 0])
            total[0] += passages
            total[1] += matches
            total[2] += articles
        for key, n in other.months.items():
            self.months[key] = self.months.get(key, 0) + n
        for key, n in other.events.items():
            self.events[key] = self.events.get(key, 0) + n
        self.span = max(self.span, other.span)

    def flush(self, con: Connection) -> None:
        """Write the held counts (in the open transaction) and forget them."""
        con.backend.add_counts(
            con,
            "targets",
            (("id",), ("passages", "matches", "articles")),
            [(t, *total) for t, total in sorted(self.totals.items()) if any(total)],
            insert=False,
        )
        for table, counts in (
            ("target_months", self.months),
            ("target_event_months", self.events),
        ):
            con.backend.add_counts(
                con,
                table,
                (("target", "month"), ("passages",)),
                [(t, month, n) for (t, month), n in sorted(counts.items()) if n],
                insert=True,
            )
        if self.span >= 0:
            _widen_span(con, self.span)
        self.totals.clear()
        self.months.clear()
        self.events.clear()
        self.span = -1


def _widen_span(con: Connection, span: int) -> None:
    """Keep ``meta.date_span`` at least ``span`` (``query.filters.date_window``).

    The longest date any passage mentions bounds an event window's scan of
    ``dates`` from below. It only grows (a removal leaves it: still a bound). An
    index written before it was kept has none; it is taken from the table then.
    """
    row = con.execute("SELECT value FROM meta WHERE key = 'date_span'").fetchone()
    if row is None:  # also restores it for an index written before it was kept
        longest = con.execute("SELECT max(last - first) FROM dates").fetchone()[0]
        span = max(span, int(longest or 0))
    elif int(row[0]) >= span:
        return
    con.execute(
        "INSERT INTO meta VALUES ('date_span', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(span),),
    )


def insert_article(
    con: Connection,
    done: Prepared,
    targets: Targets,
    tally: Tally | None = None,
    *,
    ranked: bool = True,
    held: Held | None = None,
) -> int:
    """Insert a prepared article; return its integer id.

    Its ``articles`` row is written at once (its key is the next free one of its
    day). Its other rows go to ``held`` when given (the caller flushes it before
    reading or deleting what it holds, and before committing), its per-target
    counts to ``tally``; either one missing is written before this returns.
    ``ranked`` False leaves its ``link_rank`` rows out (``rank_table``: a large
    sync fills them at the end).

    Raises
    ------
    DuplicateArticle
        Another file holds an article with the same id (slug); nothing was
        written, so no savepoint is needed to undo it.
    """
    key = _insert_row(con, done)
    rows = Held() if held is None else held
    counts = Tally() if tally is None else tally
    rows.add("INSERT INTO article_texts VALUES (?, ?)", [(key, done.text)])
    dates = _hold_passages(rows, key, done)
    linked = _hold_links(rows, key, done, targets, counts, ranked)
    counts.add_dates(dates, linked, +1)
    rows.add_dups([(passage_key(key, p.slot), p.dup) for p in done.passages], linked)
    if held is None:
        rows.flush(con)
    if tally is None:
        counts.flush(con)
    return key


def _insert_row(con: Connection, done: Prepared) -> int:
    """Insert the ``articles`` row under the next free key of its day; return it.

    The key is taken in the insert itself, and a taken slug (or file) writes
    nothing instead of failing: one statement, not a read and a write in a
    savepoint (on PostgreSQL each statement is a round trip of the writer).
    """
    a = done.article
    day = to_day(a.published)
    lo = article_key(day, 0)
    row = con.execute(
        "INSERT INTO articles SELECT coalesce(max(id) + 1, ?), "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        "FROM articles WHERE id BETWEEN ? AND ? ON CONFLICT DO NOTHING RETURNING id",
        (
            lo, a.id, done.file, done.size, done.mtime_ns,
            bytes.fromhex(done.file_hash), bytes.fromhex(a.content_hash),
            a.title, a.author, a.published.isoformat(),
            a.posted.isoformat() if a.posted else None, a.source, a.url, a.language,
            len(done.passages), done.notes,
            lo, article_key(day, (1 << SEQ_BITS) - 1),
        ),
    ).fetchone()  # fmt: skip
    if row is None:
        raise DuplicateArticle(f"{done.file}: duplicate article id {a.id!r}")
    return int(row[0])


def _hold_passages(held: Held, key: int, done: Prepared) -> list[tuple[int, int, int]]:
    """Hold the passages, their full text and dates; return the date rows."""
    rows = [(passage_key(key, p.slot), p.section, p.dup, p.pos) for p in done.passages]
    held.add("INSERT INTO passages VALUES (?,?,?,?)", rows)
    held.add_fts(
        done.article.language,
        [(passage_key(key, p.slot), *p.fts) for p in done.passages],
    )
    dates: list[tuple[int, int, int]] = sorted({
        (int(d[5]), int(d[6]), passage_key(key, p.slot))
        for p in done.passages
        for d in p.dates
    })  # fmt: skip
    held.add("INSERT INTO dates VALUES (?,?,?)", dates)
    return dates


def _hold_links(
    held: Held,
    key: int,
    done: Prepared,
    targets: Targets,
    tally: Tally,
    ranked: bool,
) -> dict[int, list[int]]:
    """Hold the article's links; return each passage's targets."""
    rows = sorted(
        (passage_key(key, slot), targets.id(kind, name), how, mentions, spans)
        for slot, kind, name, how, mentions, spans in done.links
    )  # in key order, as the B-trees keep them
    held.add("INSERT INTO links VALUES (?,?,?,?,?)", rows)
    if ranked:
        held.add(
            "INSERT INTO link_rank VALUES (?,?,?)",
            sorted((t, rank(how, m), p) for p, t, how, m, _ in rows),
        )
    tally.add([(t, how) for _, t, how, _, _ in rows], _month(key), +1)
    held.add(
        "INSERT INTO link_review VALUES (?,?,?) "
        "ON CONFLICT(passage, target) DO UPDATE SET state = excluded.state",
        [
            (passage_key(key, slot), targets.id(kind, name), state)
            for slot, kind, name, state in done.reviews
        ],
    )
    return group_pairs([(p, t) for p, t, _, _, _ in rows])


def _month(key: int) -> int:
    """Return the publication month (``year * 12 + month - 1``) of an article key."""
    return _day_month(key >> SEQ_BITS)


@functools.lru_cache(maxsize=1 << 16)
def _day_month(number: int) -> int:
    """Return the month (``year * 12 + month - 1``) of a day number."""
    day = from_day(number)
    return day.year * 12 + day.month - 1


def delete_article(con: Connection, key: int, tally: Tally | None = None) -> None:
    """Remove an article, its passages, links, dates and full-text rows.

    Its per-target counts go to ``tally`` when given, else are written at once.
    It reads what it removes: a sync flushes its ``Held`` rows first.
    """
    lo, hi = passage_range(key)
    removing(con, key)  # what a process holds of the links: take this one out
    row = con.execute("SELECT text FROM article_texts WHERE id = ?", (key,)).fetchone()
    packed = unpack_article(con, row[0]) if row else Packed([], [], [])
    passages = con.execute(
        "SELECT id, section, dup, pos FROM passages WHERE id BETWEEN ? AND ?",
        (lo, hi),
    ).fetchall()
    links = con.execute(
        "SELECT passage, target, how, mentions FROM links "
        "WHERE passage BETWEEN ? AND ?",
        (lo, hi),
    ).fetchall()
    con.backend.fts_delete(
        con,
        [
            (
                pid,
                index_words(packed.texts[pos]),
                index_words(packed.heading(section)),
            )
            for pid, section, _, pos in passages
        ],
    )
    con.executemany(
        "DELETE FROM link_rank WHERE target = ? AND rank = ? AND passage = ?",
        [(t, rank(how, m), p) for p, t, how, m in links],
    )
    dates = sorted({
        (d[5], d[6], pid) for pid, _, _, pos in passages for d in packed.dates_of(pos)
    })  # fmt: skip
    targets = group_pairs([(p, t) for p, t, _, _ in links])
    counts = Tally() if tally is None else tally
    counts.add([(t, how) for _, t, how, _ in links], _month(key), -1)
    counts.add_dates(dates, targets, -1)
    if tally is None:
        counts.flush(con)
    con.executemany(
        "DELETE FROM dates WHERE first = ? AND last = ? AND passage = ?", dates
    )
    con.execute("DELETE FROM links WHERE passage BETWEEN ? AND ?", (lo, hi))
    con.execute("DELETE FROM link_review WHERE passage BETWEEN ? AND ?", (lo, hi))
    con.execute("DELETE FROM passages WHERE id BETWEEN ? AND ?", (lo, hi))
    count_dups(con, [(pid, dup) for pid, _, dup, _ in passages], targets, -1)
    con.execute("DELETE FROM articles WHERE id = ?", (key,))
    con.execute("DELETE FROM article_texts WHERE id = ?", (key,))
