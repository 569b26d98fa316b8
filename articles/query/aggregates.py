"""Counts over the matching passages, in SQLite (map shading, timeline, facets).

None of these loads the matching passages: each is one grouped SQL query.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from articles.backends import Connection
from articles.index.codec import (
    DAY_SHIFT,
    MEMBER,
    RANK_STEP,
    SEQ_BITS,
    from_day,
    to_day,
)
from articles.index.rank_table import rank_source
from articles.query import link_matrix
from articles.query.filters import Filters, Match, among, date_window
from articles.query.link_matrix import LinkMatrix, Selection, target_names
from articles.query.reader import reading


@dataclass(frozen=True)
class ArticleRef:
    """An article found by its title or id: for pickers, without its text."""

    id: str
    title: str
    published: dt.date


@dataclass(frozen=True)
class CorpusSummary:
    """The size and date ranges of the index (per date mode; None when empty)."""

    articles: int
    passages: int
    published: tuple[dt.date, dt.date] | None
    events: tuple[dt.date, dt.date] | None


def count_features(filters: Filters, index: Path | None = None) -> dict[str, int]:
    """Count matching passages per feature id (map shading)."""
    return count_targets(filters, index)["feature"]


def count_actors(filters: Filters, index: Path | None = None) -> dict[str, int]:
    """Count matching passages per actor id they name (members not rolled up)."""
    return count_targets(filters, index)["actor"]


def count_targets(
    filters: Filters, index: Path | None = None
) -> dict[str, dict[str, int]]:
    """Count matching passages per feature and per actor they name, in one query.

    ``{"feature": {id: passages}, "actor": {id: passages}}``. One grouped pass
    over the matches' links gives both kinds: the map's shading and the actor
    facets of one view cost one pass, not two (an actor alone at 100,000
    articles: 5.5 s each). A process that holds the index's links in memory
    (``link_matrix.warm``: the dashboard) counts there instead, when the
    filters are ones it covers.
    """
    out: dict[str, dict[str, int]] = {"feature": {}, "actor": {}}
    with reading(index) as con:
        match, matrix = link_matrix.resolved(con, filters)
        if match.empty:
            return out
        targets = matrix.names if matrix is not None else target_names(con)
        if match.plain:
            rows = con.execute("SELECT id, passages FROM targets WHERE passages > 0")
        elif matrix is not None:  # held in memory by a long-running process
            rows = matrix.counts(con, match, filters).items()
        else:
            # grouped by target id alone, names looked up after: joining ``targets``
            # in the grouped query made SQLite sort every link row by (id, name),
            # 710 ms against 470 at 100,000 articles (1.16 million links)
            rows = con.execute(
                f"SELECT l.target, count(*) FROM ({match.sql}) m "
                "JOIN links l ON l.passage = m.passage "
                f"WHERE l.how < {MEMBER} GROUP BY l.target",
                match.args,
            )
        for target, n in rows:
            kind, name = targets.get(int(target), ("", ""))
            if kind in out:
                out[kind][name] = int(n)
    return out


def count_months(filters: Filters, index: Path | None = None) -> dict[str, int]:
    """Count matching passages per month ``YYYY-MM``, by the filters' date mode.

    ``published``: the month the article was published. ``events``: each month a
    passage mentions (inside the date window, if there is one), once per passage.
    """
    with reading(index) as con:
        match, matrix = link_matrix.resolved(con, filters)
        if match.empty:
            return {}
        events = filters.datemode == "events"
        if match.alone is not None:  # kept per target and month by the writer
            table = "target_event_months" if events else "target_months"
            return {
                f"{m // 12:04d}-{m % 12 + 1:02d}": int(n)
                for m, n in con.execute(
                    f"SELECT month, passages FROM {table} "
                    "WHERE target = ? AND passages > 0 ORDER BY month",
                    (match.alone,),
                )
            }
        if events:
            return _count_event_months(con, match, filters)
        if (chosen := _held(con, match, matrix, filters)) is not None:
            return chosen.months()
        if match.plain or match.days is not None:
            first, last = match.days or (0, (1 << 16) - 1)
            rows = con.execute(
                f"SELECT id >> {SEQ_BITS}, sum(passages) FROM articles "
                "WHERE id BETWEEN ? AND ? GROUP BY 1",
                (first << SEQ_BITS, ((last + 1) << SEQ_BITS) - 1),
            )
        else:
            rows = con.execute(
                f"SELECT passage >> {DAY_SHIFT}, count(*) "
                f"FROM ({match.sql}) m GROUP BY 1",
                match.args,
            )
        out: Counter[str] = Counter()
        for day, n in rows:
            out[_month(day)] += int(n)
        return dict(sorted(out.items()))


def count_months_by_actor(
    filters: Filters, actors: tuple[str, ...], index: Path | None = None
) -> dict[tuple[str, str], int]:
    """Count matching passages per (month, actor named) for the given actors.

    Parameters
    ----------
    filters : Filters
        What matches; months follow its date mode.
    actors : tuple of str
        The actors to break down by (e.g. the filter's actors with their members,
        or the most frequent ones from ``count_actors``); others are not counted.
    index : Path, optional
        Defaults to ``index_path()``.

    Returns
    -------
    dict
        ``(YYYY-MM, actor id) -> passages``.
    """
    with reading(index) as con:
        match, matrix = link_matrix.resolved(con, filters)
        names = _target_names(con, "actor", actors)
        if match.empty or not names:
            return {}
        ids = list(names)
        marks = ",".join("?" * len(ids))
        if filters.datemode == "events":
            return _event_months_by_actor(con, match, filters, ids)
        if (chosen := _held(con, match, matrix, filters)) is not None:
            rows = chosen.matrix.rows
            return dict(sorted(
                ((month, names[i]), n)
                for i in ids if i in rows
                for month, n in chosen.months(rows[i]).items()
            ))  # fmt: skip
        out: Counter[tuple[str, str]] = Counter()
        # grouped by target id, names looked up after (as ``count_targets``)
        if match.plain:
            rows = con.execute(
                f"SELECT r.passage >> {DAY_SHIFT}, r.target, count(*) "
                f"FROM {rank_source(con)} r WHERE r.target IN ({marks}) "
                f"AND r.rank >= {RANK_STEP} GROUP BY 1, r.target",
                ids,
            )
        else:
            rows = con.execute(
                f"SELECT m.passage >> {DAY_SHIFT}, l.target, count(*) "
                f"FROM ({match.sql}) m JOIN links l ON l.passage = m.passage "
                f"WHERE l.how < {MEMBER} AND l.target IN ({marks}) "
                "GROUP BY 1, l.target",
                (*match.args, *ids),
            )
        for day, target, n in rows:
            out[(_month(day), names[int(target)])] += int(n)
        return dict(sorted(out.items()))


def _held(
    con: Connection, match: Match, matrix: LinkMatrix | None, filters: Filters
) -> Selection | None:
    """Return the matches from the links held in memory, when they are and can.

    Not for a lone target, the whole corpus or a window alone: the writer keeps
    their months already (or a range of ``articles`` has them).
    """
    if match.alone is not None or match.plain or match.days is not None:
        return None
    return matrix.choose(con, match, filters) if matrix is not None else None


def _target_names(con: Connection, kind: str, names: tuple[str, ...]) -> dict[int, str]:
    """Return the interned id of each of ``names`` that the index holds."""
    if not names:
        return {}
    marks = ",".join("?" * len(names))
    rows = con.execute(
        f"SELECT id, name FROM targets WHERE kind = ? AND name IN ({marks})",
        (kind, *names),
    )
    return {int(i): str(name) for i, name in rows}


def _event_months_by_actor(
    con: Connection, match: Match, filters: Filters, ids: list[int]
) -> dict[tuple[str, str], int]:
    months = _event_months(con, match, filters)
    named = _actors_of(con, match, ids) if months else {}
    out: Counter[tuple[str, str]] = Counter()
    for month, key in months:
        for actor in named.get(key, ()):
            out[(month, actor)] += 1
    return dict(sorted(out.items()))


def _actors_of(con: Connection, match: Match, ids: list[int]) -> dict[int, list[str]]:
    """Return which of the actors ``ids`` each dated matching passage names."""
    marks = ",".join("?" * len(ids))
    out: dict[int, list[str]] = {}
    for key, name in con.execute(
        f"SELECT m.passage, t.name FROM ({match.sql}) m "
        "JOIN links l ON l.passage = m.passage JOIN targets t ON t.id = l.target "
        f"WHERE l.how < {MEMBER} AND l.target IN ({marks}) "
        "AND m.passage IN (SELECT passage FROM dates)",
        (*match.args, *ids),
    ):
        out.setdefault(int(key), []).append(str(name))
    return out


def _dated(
    con: Connection, match: Match, filters: Filters
) -> tuple[str, tuple[object, ...], int]:
    """Return SQL for the dates ``d`` of matching passages in the window, its start."""
    lo = to_day(filters.date_from) if filters.date_from else 0
    window, bounds = date_window(con, filters, "d.")
    inner, args = among(match, f"SELECT passage FROM dates d WHERE {window}", bounds)
    return (
        f"FROM dates d WHERE {window} AND d.passage IN ({inner})",
        (*bounds, *args),
        lo,
    )


def _count_event_months(
    con: Connection, match: Match, filters: Filters
) -> dict[str, int]:
    """Count matching passages per month they mention (its start in the window)."""
    sql, args, lo = _dated(con, match, filters)
    month = con.backend.month_sql(con.backend.greatest("d.first", "?"))
    rows = con.execute(
        f"SELECT {month} AS month, "
        f"count(DISTINCT d.passage) {sql} GROUP BY month ORDER BY month",
        (lo, *args),
    )
    return {str(month): int(n) for month, n in rows}


def _event_months(
    con: Connection, match: Match, filters: Filters
) -> set[tuple[str, int]]:
    """Return (month, passage) for each month a matching passage mentions."""
    sql, args, lo = _dated(con, match, filters)
    rows = con.execute(f"SELECT d.first, d.passage {sql}", args)
    return {(_month(max(first, lo)), int(key)) for first, key in rows}


@functools.lru_cache(maxsize=1 << 16)
def _month(day: int) -> str:
    return from_day(day).strftime("%Y-%m")


def find_articles(
    text: str, limit: int = 20, index: Path | None = None
) -> list[ArticleRef]:
    """Find articles whose title or id contains ``text`` (any case), newest first."""
    like = (
        "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    )
    with reading(index) as con:
        like_op = con.backend.LIKE_ANY_CASE
        rows = con.execute(
            "SELECT slug, title, published FROM articles "
            f"WHERE title {like_op} ? ESCAPE '\\' OR slug {like_op} ? ESCAPE '\\' "
            "ORDER BY id DESC LIMIT ?",
            (like, like, max(limit, 0)),
        )
        return [ArticleRef(s, t, dt.date.fromisoformat(p)) for s, t, p in rows]


def article_titles(ids: tuple[str, ...], index: Path | None = None) -> dict[str, str]:
    """Return the titles of the articles with these ids (unknown ids left out)."""
    if not ids:
        return {}
    with reading(index) as con:
        marks = ",".join("?" * len(ids))
        rows = con.execute(
            f"SELECT slug, title FROM articles WHERE slug IN ({marks})", ids
        )
        return {str(s): str(t) for s, t in rows}


def corpus_summary(index: Path | None = None) -> CorpusSummary:
    """Return how many articles and passages the index holds, and date ranges."""
    with reading(index) as con:
        articles, passages = con.execute(
            "SELECT count(*), coalesce(sum(passages), 0) FROM articles"
        ).fetchone()
        first, last = con.execute(
            "SELECT min(published), max(published) FROM articles"
        ).fetchone()
        lo, hi = con.execute("SELECT min(first), max(last) FROM dates").fetchone()
    published = (
        (dt.date.fromisoformat(first), dt.date.fromisoformat(last)) if first else None
    )
    events = (from_day(lo), from_day(hi)) if lo is not None else None
    return CorpusSummary(int(articles), int(passages), published, events)
