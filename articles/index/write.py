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
from articles.index.texts import Packed, unpack_article
from articles.index.work import Prepared


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
        con.executemany(
            "UPDATE targets SET passages = passages + ?, matches = matches + ?, "
            "articles = articles + ? WHERE id = ?",
            [
                (p, m, a, t)
                for t, (p, m, a) in sorted(self.totals.items())
                if p or m or a
            ],
        )
        for table, counts in (
            ("target_months", self.months),
            ("target_event_months", self.events),
        ):
            con.executemany(
                f"INSERT INTO {table} VALUES (?, ?, ?) ON CONFLICT(target, month) "
                f"DO UPDATE SET passages = {table}.passages + excluded.passages",
                [(t, month, n) for (t, month), n in sorted(counts.items()) if n],
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
) -> int:
    """Insert a prepared article; return its integer id.

    Its per-target counts go to ``tally`` when given (the caller flushes it before
    committing), else they are written at once. ``ranked`` False leaves its
    ``link_rank`` rows out (``rank_table``: a large sync fills them at the end).

    Raises
    ------
    con.backend.IntegrityError
        Another file holds an article with the same id (slug).
    """
    a = done.article
    day = to_day(a.published)
    lo = article_key(day, 0)
    top = con.execute(
        "SELECT max(id) FROM articles WHERE id BETWEEN ? AND ?",
        (lo, article_key(day, (1 << SEQ_BITS) - 1)),
    ).fetchone()[0]
    key = lo if top is None else top + 1
    con.execute(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            key, a.id, done.file, done.size, done.mtime_ns,
            bytes.fromhex(done.file_hash), bytes.fromhex(a.content_hash),
            a.title, a.author, a.published.isoformat(),
            a.posted.isoformat() if a.posted else None, a.source, a.url, a.language,
            len(done.passages), done.notes,
        ),
    )  # fmt: skip
    con.execute("INSERT INTO article_texts VALUES (?, ?)", (key, done.text))
    counts = Tally() if tally is None else tally
    dates = _insert_passages(con, key, done, a.language)
    linked = _insert_links(con, key, done, targets, counts, ranked)
    counts.add_dates(dates, linked, +1)
    _count_dups(
        con, [(passage_key(key, p.slot), p.dup) for p in done.passages], linked, +1
    )
    if tally is None:
        counts.flush(con)
    return key


def _insert_passages(
    con: Connection, key: int, done: Prepared, language: str
) -> list[tuple[int, int, int]]:
    """Insert the passages, their full text and dates; return the date rows."""
    rows = [(passage_key(key, p.slot), p.section, p.dup, p.pos) for p in done.passages]
    con.executemany("INSERT INTO passages VALUES (?,?,?,?)", rows)
    con.backend.fts_insert(
        con, language, [(passage_key(key, p.slot), *p.fts) for p in done.passages]
    )
    dates: list[tuple[int, int, int]] = sorted({
        (int(d[5]), int(d[6]), passage_key(key, p.slot))
        for p in done.passages
        for d in p.dates
    })  # fmt: skip
    con.executemany("INSERT INTO dates VALUES (?,?,?)", dates)
    return dates


def _group(pairs: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Group ``(key, value)`` pairs: each key with its values, in order."""
    out: dict[int, list[int]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def _step_groups(
    con: Connection, dup: int, pids: list[int], targets: list[int], step: int
) -> None:
    """Add (or take away) passages of one shared group to ``shared``/``target_dups``."""
    if step > 0:
        con.executemany("INSERT INTO shared VALUES (?, ?)", [(p, dup) for p in pids])
    else:
        con.executemany("DELETE FROM shared WHERE passage = ?", [(p,) for p in pids])
    counts: dict[int, int] = {}
    for target in targets:
        counts[target] = counts.get(target, 0) + step
    con.executemany(
        "INSERT INTO target_dups VALUES (?, ?, ?) ON CONFLICT(target, dup) "
        "DO UPDATE SET n = target_dups.n + excluded.n",
        [(t, dup, n) for t, n in counts.items()],
    )
    if step < 0:
        con.executemany(
            "DELETE FROM target_dups WHERE target = ? AND dup = ? AND n <= 0",
            [(t, dup) for t in counts],
        )


def _link_targets(con: Connection, pids: list[int]) -> list[int]:
    marks = ",".join("?" * len(pids))
    return [
        int(r[0])
        for r in con.execute(
            f"SELECT target FROM links WHERE passage IN ({marks})", pids
        )
    ]


def _count_dups(
    con: Connection,
    passages: list[tuple[int, int]],
    targets: dict[int, list[int]],
    step: int,
) -> None:
    """Keep ``dups``, ``shared`` and ``target_dups`` in line after one article.

    ``passages`` are the article's (passage, dup) pairs, just inserted (``step``
    +1) or just deleted (-1); ``targets`` each one's link targets.
    """
    groups = _group([(dup, pid) for pid, dup in passages])
    counts = _passages_per_dup(con, list(groups))
    con.executemany(
        "INSERT INTO dups VALUES (?, ?) ON CONFLICT(dup) DO UPDATE SET n = excluded.n",
        [(dup, n) for dup, n in counts.items() if n >= 2],
    )
    con.executemany(
        "DELETE FROM dups WHERE dup = ?",
        [(dup,) for dup in groups if counts.get(dup, 0) < 2],
    )
    for dup, pids in groups.items():
        n = counts.get(dup, 0)
        before = n - step * len(pids)
        if max(n, before) < 2:
            continue  # never shared
        mine = [t for p in pids for t in targets.get(p, ())]
        _step_groups(con, dup, pids, mine, step)
        if min(n, before) == 1:  # the one other passage joins or leaves the group
            rows = con.execute(
                "SELECT id FROM passages WHERE dup = ? AND id NOT IN "
                f"({','.join('?' * len(pids))})",
                (dup, *pids),
            ).fetchall()
            other = [int(r[0]) for r in rows]
            _step_groups(con, dup, other, _link_targets(con, other), step)


def _passages_per_dup(con: Connection, dups: list[int]) -> dict[int, int]:
    """Count the passages that carry each hash (one query; absent: none)."""
    if not dups:
        return {}
    marks = ",".join("?" * len(dups))
    rows = con.execute(
        f"SELECT dup, count(*) FROM passages WHERE dup IN ({marks}) GROUP BY dup", dups
    )
    return {int(dup): int(n) for dup, n in rows}


def _insert_links(
    con: Connection,
    key: int,
    done: Prepared,
    targets: Targets,
    tally: Tally,
    ranked: bool,
) -> dict[int, list[int]]:
    """Insert the article's links; return each passage's targets."""
    rows = sorted(
        (passage_key(key, slot), targets.id(kind, name), how, mentions, spans)
        for slot, kind, name, how, mentions, spans in done.links
    )  # in key order, as the B-trees keep them
    con.executemany("INSERT INTO links VALUES (?,?,?,?,?)", rows)
    if ranked:
        con.executemany(
            "INSERT INTO link_rank VALUES (?,?,?)",
            sorted((t, rank(how, m), p) for p, t, how, m, _ in rows),
        )
    tally.add([(t, how) for _, t, how, _, _ in rows], _month(key), +1)
    con.executemany(
        "INSERT INTO link_review VALUES (?,?,?) "
        "ON CONFLICT(passage, target) DO UPDATE SET state = excluded.state",
        [
            (passage_key(key, slot), targets.id(kind, name), state)
            for slot, kind, name, state in done.reviews
        ],
    )
    return _group([(p, t) for p, t, _, _, _ in rows])


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
    """
    lo, hi = passage_range(key)
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
    counts = Tally() if tally is None else tally
    counts.add([(t, how) for _, t, how, _ in links], _month(key), -1)
    counts.add_dates(dates, _group([(p, t) for p, t, _, _ in links]), -1)
    if tally is None:
        counts.flush(con)
    con.executemany(
        "DELETE FROM dates WHERE first = ? AND last = ? AND passage = ?", dates
    )
    con.execute("DELETE FROM links WHERE passage BETWEEN ? AND ?", (lo, hi))
    con.execute("DELETE FROM link_review WHERE passage BETWEEN ? AND ?", (lo, hi))
    con.execute("DELETE FROM passages WHERE id BETWEEN ? AND ?", (lo, hi))
    _count_dups(
        con,
        [(pid, dup) for pid, _, dup, _ in passages],
        _group([(p, t) for p, t, _, _ in links]),
        -1,
    )
    con.execute("DELETE FROM articles WHERE id = ?", (key,))
    con.execute("DELETE FROM article_texts WHERE id = ?", (key,))
