"""Query the index: passages by feature, actor, date window and full text."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.corpus import corpus_dir
from articles.index import connect, index_path, sync_index
from articles.model import DateMention
from articles.split import notes_for

DATEMODES = ("published", "events")
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


class QueryError(ValueError):
    """Filters that cannot be applied (unknown id, bad date mode); one-line message."""


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


@dataclass(frozen=True)
class Link:
    """A passage's link to one feature or actor, with every span that names it."""

    id: str
    how: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Hit:
    """One matching passage with its citation and links (spans in ``text``)."""

    passage_id: str
    article_id: str
    n: int
    heading: str | None
    text: str
    title: str
    author: str
    published: dt.date
    source: str
    features: tuple[Link, ...]
    actors: tuple[Link, ...]
    dates: tuple[DateMention, ...]
    notes: tuple[str, ...] = ()  # footnotes the passage refers to ("* banned in ...")
    kind: str = "body"  # "heading" and "title" rank below the body of their article


def build_fts_query(text: str | None) -> str | None:
    """Turn user input into a safe FTS5 query: every word quoted, all required.

    ``"quoted phrases"`` stay phrases, a trailing ``*`` is a prefix search, a
    hyphenated or apostrophised token is a phrase; operators and punctuation are
    never interpreted.

    Parameters
    ----------
    text : str or None
        What the user typed.

    Returns
    -------
    str or None
        The MATCH expression, or None when the input has no words.
    """
    if not text:
        return None
    terms: list[str] = []
    for match in _QUERY_TOKEN.finditer(text):
        token = match[1] if match[1] is not None else match[2]
        words = re.findall(r"[^\W_]+", token)
        if not words:
            continue
        prefix = match[2] is not None and token.endswith("*") and len(words) == 1
        terms.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def _expand_actors(ids: Sequence[str]) -> frozenset[str]:
    from articles.actors import expand_members

    return frozenset(expand_members(ids))


def _where(filters: Filters) -> tuple[str, list[Any]]:
    if filters.datemode not in DATEMODES:
        raise QueryError(
            f"unknown date mode {filters.datemode!r}: use published|events"
        )
    sql, args = ["1"], []
    if filters.feature:
        sql.append(
            "p.id IN (SELECT passage_id FROM links "
            "WHERE target_type = 'feature' AND target = ?)"
        )
        args.append(filters.feature)
    if filters.actors:
        ids = sorted(_expand_actors(filters.actors))
        marks = ",".join("?" * len(ids))
        sql.append(
            "p.id IN (SELECT passage_id FROM links "
            f"WHERE target_type = 'actor' AND target IN ({marks}))"
        )
        args.extend(ids)
    lo = (filters.date_from or dt.date.min).isoformat()
    hi = (filters.date_to or dt.date.max).isoformat()
    if filters.date_from or filters.date_to:
        if filters.datemode == "published":
            sql.append("a.published BETWEEN ? AND ?")
        else:
            sql.append(
                "p.id IN (SELECT passage_id FROM dates WHERE last >= ? AND first <= ?)"
            )
        args.extend([lo, hi])
    fts = build_fts_query(filters.q)
    if fts:
        sql.append(
            "p.rowid IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)"
        )
        args.append(fts)
    if filters.articles is not None:
        sql.append(f"p.article_id IN ({','.join('?' * len(filters.articles))})")
        args.extend(filters.articles)
    return " AND ".join(sql), args


def query_passages(filters: Filters, index: Path | None = None) -> list[Hit]:
    """Return the passages matching the filters, newest article first.

    Parameters
    ----------
    filters : Filters
        Feature, actors (organisations include their members), date window on the
        publication date or on the dates the passages mention, full text, articles.
    index : Path, optional
        The index; defaults to ``index_path()``, built from the corpus if missing.

    Returns
    -------
    list of Hit
        Ordered by publication date (newest first), article id, then passage number.

    Raises
    ------
    QueryError
        Unknown date mode.
    """
    path = index or index_path()
    if not path.exists():
        sync_index(corpus_dir(), path)
    if filters.articles is not None and not filters.articles:
        return []
    where, args = _where(filters)
    con = connect(path, readonly=True)
    try:
        rows = con.execute(
            "SELECT p.id, p.article_id, p.n, p.heading, p.text, a.title, a.author, "
            f"a.published, a.source, a.footnotes, p.kind {_FROM} WHERE {where} "
            "ORDER BY a.published DESC, a.id, p.kind != 'body', p.n",
            args,
        ).fetchall()
        con.execute("CREATE TEMP TABLE hit_ids(id TEXT PRIMARY KEY)")
        con.executemany("INSERT INTO hit_ids VALUES (?)", ((r[0],) for r in rows))
        links = _load_links(con)
        dates = _load_dates(con)
    finally:
        con.close()
    notes: dict[str, dict[str, str]] = {}
    return [_to_hit(row, links, dates, notes) for row in rows]


_FROM = "FROM passages p JOIN articles a ON a.id = p.article_id"


def _load_links(con: sqlite3.Connection) -> dict[tuple[str, str], list[Link]]:
    """Links of every hit (grouped per target at index time)."""
    out: dict[tuple[str, str], list[Link]] = {}
    rows = con.execute(
        "SELECT k.passage_id, k.target_type, k.target, k.how, k.spans "
        "FROM hit_ids h JOIN links k ON k.passage_id = h.id ORDER BY k.passage_id, k.n"
    )
    for pid, kind, target, how, spans in rows:
        pairs = tuple((s, e) for s, e in json.loads(spans))
        out.setdefault((pid, kind), []).append(Link(target, how, pairs))
    return out


def _load_dates(con: sqlite3.Connection) -> dict[str, list[DateMention]]:
    out: dict[str, list[DateMention]] = {}
    for row in con.execute(
        'SELECT d.passage_id, d.start, d."end", d.text, d.value, d.precision '
        "FROM hit_ids h JOIN dates d ON d.passage_id = h.id "
        "ORDER BY d.passage_id, d.start"
    ):
        out.setdefault(row[0], []).append(DateMention(*row))
    return out


def _to_hit(
    row: tuple[Any, ...],
    links: dict[tuple[str, str], list[Link]],
    dates: dict[str, list[DateMention]],
    notes: dict[str, dict[str, str]],
) -> Hit:
    pid, aid, n, heading, text, title, author, published, source, footnotes, kind = row
    if aid not in notes:
        notes[aid] = json.loads(footnotes)
    return Hit(
        passage_id=pid,
        article_id=aid,
        n=n,
        heading=heading,
        text=text,
        title=title,
        author=author,
        published=dt.date.fromisoformat(published),
        source=source,
        features=tuple(links.get((pid, "feature"), ())),
        actors=tuple(links.get((pid, "actor"), ())),
        dates=tuple(dates.get(pid, ())),
        notes=notes_for(text, notes[aid]) if notes[aid] else (),
        kind=kind,
    )


def evidence_counts(hits: Iterable[Hit]) -> dict[str, int]:
    """Count, for each feature id, the passages among ``hits`` that link to it."""
    counts: dict[str, int] = {}
    for hit in hits:
        for link in hit.features:
            counts[link.id] = counts.get(link.id, 0) + 1
    return counts


def list_article_ids(index: Path) -> set[str]:
    """Return the ids of every indexed article (empty when there is no index)."""
    if not index.exists():
        return set()
    con = connect(index, readonly=True)
    try:
        return {row[0] for row in con.execute("SELECT id FROM articles")}
    finally:
        con.close()


def find_article_by_hash(index: Path, content_hash: str) -> str | None:
    """Return the id of the indexed article with this content hash, if any."""
    if not index.exists():
        return None
    con = connect(index, readonly=True)
    try:
        row = con.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY id",
            (content_hash,),
        ).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else None
