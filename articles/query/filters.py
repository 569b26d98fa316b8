"""The filter value (``Filters``) and how it becomes SQL over the index."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from articles.backends import Backend, Connection
from articles.backends.base import Terms
from articles.backends.sqlite import fts5_query
from articles.index.codec import DAY_SHIFT, N_BITS, STOPWORDS, passage_range, to_day
from articles.index.rank_table import rank_source, rank_sql

DATEMODES = ("published", "events")
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


class QueryError(ValueError):
    """Filters that cannot be applied, or no usable index; one-line message."""


@dataclass(frozen=True)
class Filters:
    """What to select; every field narrows the result, None/empty means no filter."""

    feature: str | None = None
    actors: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    datemode: str = "published"  # "published" or "events"
    q: str | None = None
    articles: tuple[str, ...] | None = None  # None = all articles
    to_review: bool = False  # only passages with a link flagged "to review" (issue 14)


def build_fts_query(text: str | None) -> str | None:
    """Turn user input into a safe FTS5 query: every word quoted, all required.

    ``"quoted phrases"`` stay phrases, a trailing ``*`` is a prefix search, a
    hyphenated or apostrophised token is a phrase; operators and punctuation are
    never interpreted. Stop words are left out as the index leaves them out
    (``codec.STOPWORDS``), and so is a term made only of them ("Kabul or
    Herat" needs Kabul and Herat); a search made only of them matches nothing.

    Parameters
    ----------
    text : str or None
        What the user typed.

    Returns
    -------
    str or None
        The MATCH expression, or None when the input has no words.
    """
    terms = parse_terms(text)
    return fts5_query(terms) if terms else None


def parse_terms(text: str | None) -> Terms:
    """Split user input into search terms (see ``build_fts_query``): words only.

    Each term is its words (a phrase when several; stop words left out) and
    whether it is a prefix search; every term is required. Each backend renders
    them in its own syntax, as a bound parameter.
    """
    if not text:
        return ()
    terms: list[tuple[tuple[str, ...], bool]] = []
    common: list[tuple[tuple[str, ...], bool]] = []  # terms only of stop words
    for match in _QUERY_TOKEN.finditer(text):
        token = match[1] if match[1] is not None else match[2]
        words = re.findall(r"[^\W_]+", token)
        if not words:
            continue
        prefix = match[2] is not None and token.endswith("*") and len(words) == 1
        kept = [w for w in words if w.casefold() not in STOPWORDS]
        term = (tuple(kept or words), prefix)
        (terms if kept or prefix else common).append(term)
    return tuple(terms or common)


@dataclass(frozen=True)
class Match:
    """Filters resolved against one index: SQL for the matching passages.

    ``sql`` selects ``passage, strength, score`` (strength: the link's rank, higher
    first; score: bm25, lower first); ``empty`` is True when nothing can match.
    """

    sql: str
    args: tuple[Any, ...]
    empty: bool = False
    targets: tuple[int, ...] = field(default=())
    plain: bool = False  # no filter at all: every passage
    alone: int | None = None  # the one target filtered on, when nothing else is
    scored: bool = False  # a text search drives: ``score`` is its bm25
    days: tuple[int, int] | None = None  # the publication window, when it is alone
    ranked: bool = False  # a feature or actors drive: ``strength`` varies
    feature: int | None = None  # the feature filtered on (its target id)
    #: Several actors and no feature: the match of each actor alone (same
    #: conditions), for a page to merge best first (``page._merged``).
    parts: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    #: When a text search drives a feature's or actors' match: how many passages
    #: it finds (in the window), so there are at most that many matches; when an
    #: events window drives, how many dates lie in it.
    at_most: int | None = None


def resolve(
    con: Connection,
    filters: Filters,
    text_count: Callable[[], int] | None = None,
    target_ids: Mapping[tuple[str, str], int] | None = None,
) -> Match:
    """Resolve ``filters`` against the index behind ``con``.

    ``text_count``: how many passages the text search finds in the window,
    counted without SQL (the links and words a process holds: ``link_matrix``);
    else SQL counts them, when it has to choose what drives the query.
    ``target_ids``: every target's id by ``(kind, name)`` in this version of the index,
    when held; else SQL looks the filters' targets up.

    Raises
    ------
    QueryError
        Unknown date mode.
    """
    if filters.datemode not in DATEMODES:
        raise QueryError(
            f"unknown date mode {filters.datemode!r}: use published|events"
        )
    feature = (
        _target(con, ("feature", filters.feature), target_ids)
        if filters.feature
        else None
    )
    actors = [
        t
        for a in filters.actors
        if (t := _target(con, ("actor", a), target_ids)) is not None
    ]
    if (filters.feature and feature is None) or (filters.actors and not actors):
        return Match("", (), empty=True)
    if filters.articles is not None:
        keys = _article_keys(con, filters.articles)
        if not keys:
            return Match("", (), empty=True)
    else:
        keys = None
    fts = parse_terms(filters.q)
    ranks = rank_source(con) if feature is not None or actors else "link_rank"
    ids = published_ids(filters)
    found = (
        _text_found(con, fts, ids, feature, actors, text_count)
        if fts and keys is None
        else None
    )
    text_drives = found is not None
    if text_drives:
        driver, args = _text_driver(con, fts, ids, feature, actors)
    else:
        driver, args = _driver(con.backend, feature, actors, fts, keys, ranks)
    by_date = _dated_driver(con, filters) if driver.endswith("FROM passages") else None
    if by_date:
        driver, args = by_date
        if found is None:  # its dates bound the matches: read them once (``fetched``)
            found = _dates_in(con, filters)
    where, more = _conditions(
        con, "d.passage", feature, actors, filters, keys, dated=by_date is not None
    )
    if filters.to_review:  # a doubtful link nobody decided on (of the feature, if any)
        only = " AND target = ?" if feature is not None else ""
        where.append(
            f"d.passage IN (SELECT passage FROM link_review WHERE state = 0{only})"
        )
        more = (*more, *([feature] if feature is not None else []))
    if fts and (feature is not None or actors) and not text_drives:
        matching, words = text_matches(con.backend, fts, ids)
        where.append(f"d.passage IN ({matching})")
        more = (*more, *words)
    sql = _selected(driver, where)
    parts: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    if feature is None and len(actors) > 1 and not text_drives:
        one, _ = _driver(con.backend, None, actors[:1], (), None, ranks)
        parts = tuple((_selected(one, where), (a, *more)) for a in actors)
    args = (*args, *more)
    dated = bool(filters.date_from or filters.date_to)
    checked = dated or filters.to_review  # a condition no stored total covers
    plain = not (feature or actors or fts or keys or checked)
    targets = [*([feature] if feature is not None else []), *actors]
    alone = targets[0] if len(targets) == 1 and not (fts or keys or checked) else None
    days = None
    if (
        dated
        and filters.datemode == "published"
        and not (targets or fts or keys or filters.to_review)
    ):
        days = (
            to_day(filters.date_from) if filters.date_from else 0,
            to_day(filters.date_to) if filters.date_to else (1 << 16) - 1,
        )
    return Match(
        sql, args, targets=tuple(actors), plain=plain, alone=alone,
        scored=bool(fts) and not targets, days=days, ranked=bool(targets),
        feature=feature, parts=parts, at_most=found,
    )  # fmt: skip


def _selected(driver: str, where: list[str]) -> str:
    """Return the match's SQL: the driver's rows that meet every condition."""
    sql = "SELECT d.passage AS passage, d.strength AS strength, d.score AS score "
    sql += f"FROM ({driver}) d"
    return sql + (" WHERE " + " AND ".join(where) if where else "")


def _target(
    con: Connection, name: tuple[str, str], ids: Mapping[tuple[str, str], int] | None
) -> int | None:
    if ids is not None:
        return ids.get(name)
    row = con.execute(
        "SELECT id FROM targets WHERE kind = ? AND name = ?", name
    ).fetchone()
    return int(row[0]) if row else None


def _article_keys(con: Connection, slugs: tuple[str, ...]) -> list[int]:
    if not slugs:
        return []
    marks = ",".join("?" * len(slugs))
    rows = con.execute(f"SELECT id FROM articles WHERE slug IN ({marks})", slugs)
    return sorted(int(r[0]) for r in rows)


def _driver(
    backend: Backend,
    feature: int | None,
    actors: list[int],
    fts: Terms,
    keys: list[int] | None,
    ranks: str = "link_rank",
) -> tuple[str, tuple[Any, ...]]:
    """Return the source of candidates, with link strength and full-text score.

    The feature (else the actors) drives, read from ``ranks`` (``link_rank``, in
    rank order, or ``links`` while a sync fills it: ``rank_table``);
    else a text search drives, with its score (SQLite's bm25, PostgreSQL's
    ts_rank negated: lower is better).
    """
    if fts and feature is None and not actors:
        return backend.fts_scored(fts)
    if feature is not None or len(actors) == 1:
        target = feature if feature is not None else actors[0]
        return (
            f"SELECT passage, rank AS strength, 0 AS score FROM {ranks} r "
            "WHERE target = ?",
            (target,),
        )
    if actors:
        marks = ",".join("?" * len(actors))
        return (
            f"SELECT passage, max(rank) AS strength, 0 AS score FROM {ranks} r "
            f"WHERE target IN ({marks}) GROUP BY passage",
            tuple(actors),
        )
    if keys:
        ranges = " OR ".join("id BETWEEN ? AND ?" for _ in keys)
        bounds = tuple(b for k in keys for b in passage_range(k))
        return (
            f"SELECT id AS passage, 0 AS strength, 0 AS score FROM passages "
            f"WHERE {ranges}",
            bounds,
        )
    return "SELECT id AS passage, 0 AS strength, 0 AS score FROM passages", ()


#: A text search drives a query that also names a feature or actors when it
#: matches fewer than this share of the passages their links give (measured at
#: 100,000 articles: "border" in a year, 39,463 matches, against Pakistan's
#: 1,004,806 links: 41 ms against 140; at 29,000 against 58,000 the links
#: were faster, 16 ms against 26).
TEXT_SHARE = 3
#: Below this many links a feature's or actors' passages drive, unexamined.
TEXT_CHECK_MIN = 10_000


def _text_found(
    con: Connection,
    fts: Terms,
    ids: tuple[int, int] | None,
    feature: int | None,
    actors: list[int],
    text_count: Callable[[], int] | None,
) -> int | None:
    """Return how many passages the text finds (in the window), if those are fewer.

    None: the feature's or actors' links are fewer to read (or not checked).
    The feature's (else the actors') passages are known per target
    (``targets.matches``); the text's are counted, up to a third of those, so
    the check costs at most that share of what it can save (1 to 3 ms at
    100,000 articles for a year's matches in SQLite; PostgreSQL visits each
    match's row, up to 90 ms: ``text_count`` answers from memory instead).
    """
    if feature is None and not actors:
        return None
    targets = [feature] if feature is not None else actors
    marks = ",".join("?" * len(targets))
    links = con.execute(
        f"SELECT coalesce(sum(matches), 0) FROM targets WHERE id IN ({marks})",
        targets,
    ).fetchone()[0]
    if links < TEXT_CHECK_MIN:
        return None
    cap = int(links) // TEXT_SHARE
    if text_count is not None:
        found = text_count()
        return found if found < cap else None
    matching, words = text_matches(con.backend, fts, ids)
    found = con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM ({matching}) c LIMIT ?) n", (*words, cap)
    ).fetchone()[0]
    return int(found) if found < cap else None


def _text_driver(
    con: Connection,
    fts: Terms,
    ids: tuple[int, int] | None,
    feature: int | None,
    actors: list[int],
) -> tuple[str, tuple[Any, ...]]:
    """Return the text's matches joined to the feature's (else actors') links.

    The same rows and strengths as ``_driver`` gives, read from the other side.
    """
    matching, words = text_matches(con.backend, fts, ids)
    strength = rank_sql("l.")
    if feature is not None:
        return (
            f"SELECT t.passage AS passage, {strength} AS strength, 0 AS score "
            f"FROM ({matching}) t JOIN links l "
            "ON l.passage = t.passage AND l.target = ?",
            (*words, feature),
        )
    marks = ",".join("?" * len(actors))
    return (
        f"SELECT t.passage AS passage, max({strength}) AS strength, 0 AS score "
        f"FROM ({matching}) t JOIN links l "
        f"ON l.passage = t.passage AND l.target IN ({marks}) GROUP BY t.passage",
        (*words, *actors),
    )


def text_matches(
    backend: Backend, fts: Terms, ids: tuple[int, int] | None
) -> tuple[str, tuple[Any, ...]]:
    """Return SQL for the text's matches, within the window's ids when there is one.

    The window inside the text search: the full-text index then lists only the
    window's matches (100,000 articles, a year: 43,000 of 429,000 for "border"),
    not all of them to be probed.
    """
    matching, words = backend.fts_match(fts)
    if ids is None:
        return matching, words
    return (
        f"SELECT passage FROM ({matching}) f WHERE passage BETWEEN ? AND ?",
        (*words, *ids),
    )


def _dated_driver(
    con: Connection, filters: Filters
) -> tuple[str, tuple[Any, ...]] | None:
    """Passages mentioning a date in the window (events mode): read from ``dates``."""
    if filters.datemode != "events" or not (filters.date_from or filters.date_to):
        return None
    window, args = date_window(con, filters)
    return (
        f"SELECT DISTINCT passage, 0 AS strength, 0 AS score FROM dates WHERE {window}",
        args,
    )


def _dates_in(con: Connection, filters: Filters) -> int:
    """Return how many dates lie in the events window: at least its matches."""
    window, args = date_window(con, filters)
    (n,) = con.execute(f"SELECT count(*) FROM dates WHERE {window}", args).fetchone()
    return int(n)


def date_window(
    con: Connection, filters: Filters, table: str = ""
) -> tuple[str, tuple[int, ...]]:
    """Return SQL on ``dates`` rows (``table``: its alias and a dot) in the window.

    A date overlaps the window when it starts by its end and ends after its
    start. It then also starts no earlier than the window's start less the
    longest date in the index (``meta.date_span``, kept by the writer), which
    bounds the scan of the table's primary key from below as well: an event
    window over the last year reads that year's dates, not every older one
    (100,000 articles: the slowest of 20 event-window pages, 55 -> 43 ms).
    """
    hi = to_day(filters.date_to) if filters.date_to else (1 << 16) - 1
    lo = to_day(filters.date_from) if filters.date_from else 0
    sql = f"{table}first <= ? AND {table}last >= ?"
    span = con.backend.meta(con, "date_span") if lo else None
    if span is None:
        return sql, (hi, lo)
    return f"{sql} AND {table}first >= ?", (hi, lo, lo - int(span))


def published_ids(filters: Filters) -> tuple[int, int] | None:
    """Return the passage ids of a publication-date window (None: no such window)."""
    lo, hi = filters.date_from, filters.date_to
    if not (lo or hi) or filters.datemode != "published":
        return None
    first = to_day(lo) if lo else 0
    last = to_day(hi) if hi else (1 << 16) - 1
    return first << DAY_SHIFT, ((last + 1) << DAY_SHIFT) - 1


def _conditions(
    con: Connection,
    x: str,
    feature: int | None,
    actors: list[int],
    filters: Filters,
    keys: list[int] | None,
    *,
    dated: bool = False,
) -> tuple[list[str], tuple[Any, ...]]:
    """Conditions on passage id ``x`` for every filter the driver does not apply.

    ``dated``: the driver reads ``dates`` already (`_dated_driver`), so the events
    window is not checked a second time. The actors are checked here when a
    feature drives (read from its links or joined to a text search's matches).
    """
    sql: list[str] = []
    args: list[Any] = []
    if feature is not None and actors:
        marks = ",".join("?" * len(actors))
        sql.append(
            f"EXISTS (SELECT 1 FROM links WHERE passage = {x} AND target IN ({marks}))"
        )
        args.extend(actors)
    lo, hi = filters.date_from, filters.date_to
    if (ids := published_ids(filters)) is not None:
        sql.append(f"{x} BETWEEN ? AND ?")
        args.extend(ids)
    elif (lo or hi) and not dated:
        window, bounds = date_window(con, filters)
        sql.append(f"{x} IN (SELECT passage FROM dates WHERE {window})")
        args.extend(bounds)
    if keys is not None:
        sql.append(f"({x} >> {N_BITS}) IN ({','.join('?' * len(keys))})")
        args.extend(keys)
    return sql, tuple(args)


def among(
    match: Match, candidates: str, args: tuple[object, ...]
) -> tuple[str, tuple[object, ...]]:
    """Return SQL for the matching passages among a few ``candidates`` (a subquery).

    A lone feature or actor is checked by primary key in ``links`` (member rows
    included); anything else scans the matches and probes the candidates.
    """
    if match.alone is not None:
        return (
            f"SELECT passage FROM links WHERE target = ? AND passage IN ({candidates})",
            (match.alone, *args),
        )
    return (
        f"SELECT passage FROM ({match.sql}) m WHERE passage IN ({candidates})",
        (*match.args, *args),
    )
