"""One page of matching passages, best first, near-duplicates collapsed, exact totals.

Order ``rank`` (README, "How passages are ordered"): the strength of the link to the
filtered feature (else actor) first: named, alias, demonym, implied, then a member's
link rolled up to its organisation; then more mentions before fewer; then the
full-text score (bm25) when a text search is the only filter, for its 1,000
newest matches (older ones follow, newest first: scoring every match of a common
word would cost a second at 100,000 articles); then newer before older, and
reading order within an article. ``newest`` is publication date only; ``article``
is articles oldest first, each in reading order. Passages with the same words
(``codec.dup_hash``) form one group, shown once, as its best-placed passage, "and
N similar"; paging walks groups, so each passage is seen once over all pages.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import numpy as np

from articles.backends import Connection
from articles.backends.base import Cursor
from articles.index.codec import DAY_SHIFT, N_BITS, SEQ_BITS
from articles.index.dups import group_pairs
from articles.query import link_matrix
from articles.query.fetched import Fetched, fetch, newest
from articles.query.filters import Filters, Match, QueryError, among
from articles.query.hits import Hit, Similar, load_hits
from articles.query.link_matrix import Selection
from articles.query.reader import passage_names, reading

ORDERS = ("rank", "newest", "article")
#: Where the totals of matches chosen without SQL are counted, while SQL walks
#: to the page: numpy and SQLite (or PostgreSQL's socket) both let go of the
#: interpreter, so the two share the machine's cores. 100,000 articles,
#: "Taliban" held: counting 10-13 ms, the walk (bm25 of its newest 1,000
#: matches) 22-27, the page 39-55 ms one after the other, 31-32 at once.
_COUNTER = ThreadPoolExecutor(2, thread_name_prefix="page-totals")
MAX_LIMIT = 1000
#: Up to this many matches held in memory are ranked there (a sort of them);
#: more, and SQL walks them in rank order until a page is found (the more
#: there are, the sooner).
RANKED_HELD = 50_000
#: A text search on its own ranks its this-many newest matches by bm25.
SCORED = 1000
#: A collapsed group names at most this many of its other matching passages,
#: newest first (``Hit.similar`` counts them all): a wire story copied 30,000
#: times would otherwise put 30,000 ids on a page of 50.
SIMILAR_NAMED = 20
_ORDER_SQL = {
    "rank": "strength DESC, passage DESC",
    "newest": "passage DESC",
    "article": f"passage >> {N_BITS}, passage DESC",
}


@dataclass(frozen=True)
class Page:
    """One page of hits and the exact size of the whole result.

    ``total`` matching passages in ``articles`` articles, ``groups`` entries once
    near-duplicates are collapsed; ``hits`` are groups ``offset`` to
    ``offset + limit``.
    """

    hits: tuple[Hit, ...]
    total: int
    articles: int
    groups: int
    limit: int
    offset: int
    order: str = "rank"


def query_page(
    filters: Filters,
    *,
    order: str = "rank",
    limit: int = 50,
    offset: int = 0,
    index: Path | None = None,
) -> Page:
    """Return one page of the passages matching ``filters``, with exact totals.

    Parameters
    ----------
    filters : Filters
        Feature, actors (an organisation includes its members), date window on the
        publication date or on the dates passages mention, full text, articles.
    order : {"rank", "newest", "article"}
        See the module docstring.
    limit, offset : int
        Page size (1 to 1000) and how many groups to skip.
    index : Path, optional
        Defaults to ``index_path()``; it is only read, never synced.

    Returns
    -------
    Page

    Raises
    ------
    QueryError
        Bad order, limit, offset or date mode; no usable index.
    """
    if order not in ORDERS:
        raise QueryError(f"unknown order {order!r}: use {'|'.join(ORDERS)}")
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise QueryError(f"bad page: limit 1..{MAX_LIMIT}, offset >= 0")
    with reading(index) as con:
        match, matrix = link_matrix.resolved(con, filters)
        if match.empty:
            return Page((), 0, 0, 0, limit, offset, order)
        shared = con.execute("SELECT 1 FROM dups LIMIT 1").fetchone() is not None
        chosen: Chosen | None = (
            matrix.choose(con, match, filters) if matrix is not None else None
        )
        passes = _two_passes(match)
        if chosen is None and passes is None:  # no stored totals: SQL would read all
            chosen = fetch(con, match, shared)
        copies = sizes = None
        if chosen is None and shared and match.scored:
            if con.backend.TEXT_TOTALS_IN_ONE:
                sizes, copies = _text_totals(con, match)
            else:
                copies = _copies(con, match)
        if chosen is not None and (passes is None or match.scored):
            totals = _COUNTER.submit(chosen.sizes)  # counted while SQL walks
        else:
            totals = Future()
            totals.set_result(
                sizes if sizes is not None else _sizes(con, match, shared, copies)
            )
        members = chosen.members if chosen is not None else _copied(copies)
        listed = _held_order(chosen, match, order) if chosen is not None else None
        edge = _held_edge(chosen, match, order) if chosen is not None else None
        keys, similar = walk_page(
            con, match, order, (limit, offset), shared, members, listed=listed,
            hashes=_hashes(chosen, matrix), edge=edge,
        )  # fmt: skip
        hits = load_hits(con, keys, similar)
    total, articles, groups = totals.result()
    return Page(tuple(hits), total, articles, groups, limit, offset, order)


#: Matches chosen without SQL's walk: from the links held, or read whole.
Chosen = Selection | Fetched


def _hashes(
    chosen: Chosen | None, matrix: link_matrix.LinkMatrix | None
) -> Callable[[list[int]], dict[int, int]] | None:
    """Return where a walk finds its passages' shared hashes without SQL, if known."""
    if chosen is not None:
        return chosen.hashes
    return matrix.hashes if matrix is not None else None


def _held_order(chosen: Chosen, match: Match, order: str) -> np.ndarray | None:
    """Return the matches in ``order`` from those chosen, or None: SQL walks.

    A text search alone ranks by its score (bm25), which only SQL has; many
    ranked matches held are walked in SQL, which stops at the page (matches
    read whole were read because SQL would sort them all).
    """
    if order != "rank":
        return chosen.ordered(order)
    if match.scored:
        return None
    if not match.ranked:  # every strength 0: newest first
        return chosen.ordered("newest")
    if isinstance(chosen, Selection) and np.count_nonzero(chosen.keep) > RANKED_HELD:
        return None
    return chosen.ranked()


def _held_edge(chosen: Chosen, match: Match, order: str) -> int | None:
    """Return the oldest of a text search's `SCORED` newest matches, from those held.

    SQL finds it by walking the matches newest first (``_cursors``): PostgreSQL
    checks each passage's vector on the way, 60 ms for "qatar" at 100,000
    articles (9,553 matches, 135,000 passages walked). None: not a text search
    ranked alone; 0: fewer matches than `SCORED`, all ranked by score.
    """
    if order != "rank" or not match.scored:
        return None
    keys = chosen.keys
    return int(keys[-SCORED]) if len(keys) >= SCORED else 0


#: A text search's matches that carry a shared hash: each hash's passages.
Copies = dict[int, list[int]]
#: Hashes' matching passages: how many, and the newest ``most`` of them.
Groups = dict[int, tuple[int, list[int]]]
#: The ``Groups`` of some hashes (a page's), newest ``most``: ``(dups, most)``.
Members = Callable[[list[int], int], Groups]


def _copied(copies: Copies | None) -> Members | None:
    """Return the members of hashes from a text search's ``copies``."""
    if copies is None:
        return None
    return lambda dups, most: {
        dup: newest(copies[dup], most) for dup in dups if dup in copies
    }


def _grouped(rows: Iterable[tuple[int, int]], most: int) -> Groups:
    """Group ``(passage, hash)`` rows by hash: how many, and the newest ``most``."""
    groups = group_pairs((dup, key) for key, dup in rows)
    return {dup: newest(keys, most) for dup, keys in groups.items()}


def _copies(con: Connection, match: Match) -> Copies:
    """Return, for a text search, each shared hash's matching passages.

    One pass over the matches, each looked up in the small ``shared`` table;
    it gives both the count of folded copies and the page's groups' members
    (100,000 articles, "Taliban": 160 ms for 60,847 rows, where the count alone
    took 138 ms and the members another 130).
    """
    rows = con.execute(
        f"SELECT m.passage, s.dup FROM ({match.sql}) m "
        "JOIN shared s ON s.passage = m.passage",
        match.args,
    )
    return group_pairs((dup, key) for key, dup in rows)


def _text_totals(con: Connection, match: Match) -> tuple[tuple[int, int, int], Copies]:
    """Return a text search's sizes (as ``_sizes``) and ``_copies``, in one pass."""
    row = con.backend.scan(
        con,
        f"SELECT count(*), count(DISTINCT m.passage >> {N_BITS}), "
        "array_agg(m.passage) FILTER (WHERE s.dup IS NOT NULL), "
        "array_agg(s.dup) FILTER (WHERE s.dup IS NOT NULL) "
        f"FROM ({match.sql}) m LEFT JOIN shared s ON s.passage = m.passage",
        match.args,
    )
    copies = group_pairs(zip(row[3] or (), row[2] or (), strict=True))
    return (int(row[0]), int(row[1]), int(row[0]) - _folded(copies)), copies


def _folded(copies: Copies) -> int:
    """Return how many of a text search's matches fold into another's group."""
    return sum(map(len, copies.values())) - len(copies)


def _sizes(
    con: Connection, match: Match, shared: bool, copies: Copies | None
) -> tuple[int, int, int]:
    """Count matching passages, their articles, and groups once copies are folded.

    Kept per target and group, or read from a window's id range, or (a text
    search alone) a cheap pass over the full-text index's matches in its own
    order, its copies counted from ``copies``. Any other match is counted in
    one pass, each match looked up in the small ``shared`` table: a feature's
    or actor's matches cost a scan of ``link_rank`` and probes of ``links``
    each time (100,000 articles, the slowest "all four" query: two passes 250
    + 224 ms, one 160), while a text search is faster in two ("China": 44 +
    87 ms against 173).
    """
    passes = _two_passes(match)
    if passes is None:
        row = con.execute(
            f"SELECT count(*), count(DISTINCT m.passage >> {N_BITS}), "
            "count(s.dup) - count(DISTINCT s.dup) "
            f"FROM ({match.sql}) m LEFT JOIN shared s ON s.passage = m.passage",
            match.args,
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[0]) - int(row[2] or 0)
    (sql, args), folded_sql = passes
    total, articles = (int(n) for n in con.execute(sql, args).fetchone())
    if not shared:
        folded = 0
    elif folded_sql is None:  # a text search: its copies are read already
        assert copies is not None
        folded = _folded(copies)
    else:
        folded = int(con.execute(*folded_sql).fetchone()[0] or 0)
    return total, articles, total - folded


_Sql = tuple[str, tuple[object, ...]]


def _two_passes(match: Match) -> tuple[_Sql, _Sql | None] | None:
    """Return SQL for (passages, articles) and for folded copies, or None.

    None: the match is counted in one pass (``_sizes``); no SQL for the folded
    copies: a text search's, counted from its ``_copies``.
    """
    if match.plain:
        return (
            ("SELECT coalesce(sum(passages), 0), count(*) FROM articles "
             "WHERE passages > 0", ()),
            ("SELECT sum(n) - count(*) FROM dups", ()),
        )  # fmt: skip
    if match.alone is not None:
        return (
            ("SELECT matches, articles FROM targets WHERE id = ?", (match.alone,)),
            ("SELECT sum(n) - count(*) FROM target_dups WHERE target = ?",
             (match.alone,)),
        )  # fmt: skip
    if match.days is not None:
        first, last = match.days
        return (
            ("SELECT coalesce(sum(passages), 0), count(*) FROM articles "
             "WHERE id BETWEEN ? AND ? AND passages > 0",
             (first << SEQ_BITS, ((last + 1) << SEQ_BITS) - 1)),
            ("SELECT count(*) - count(DISTINCT dup) FROM shared "
             "WHERE passage BETWEEN ? AND ?",
             (first << DAY_SHIFT, ((last + 1) << DAY_SHIFT) - 1)),
        )  # fmt: skip
    if match.scored:
        return (
            (f"SELECT count(*), count(DISTINCT passage >> {N_BITS}) "
             f"FROM ({match.sql}) m", match.args),
            None,
        )  # fmt: skip
    return None


def _cursors(
    con: Connection, match: Match, order: str, edge: int | None = None
) -> Iterator[Cursor | _Merged]:
    """Yield the cursors whose rows, one after the other, are the ordered matches.

    A text search ranked on its own reads two: its `SCORED` newest matches by
    bm25 (a sort of at most that many rows), then the older ones newest first,
    in the full-text index's own order (no sort at all). ``edge``: the oldest
    of those newest matches when known (``_held_edge``), else SQL finds it.
    """
    stream = con.backend.stream
    if order == "rank" and match.parts:
        yield _Merged(
            [stream(con, f"{sql} {_BEST_FIRST}", a) for sql, a in match.parts]
        )
        return
    if order != "rank" or not match.scored:
        # with no feature or actor to rank by, every strength is 0: newest first
        # then needs no sort (a date window reads its passages' ids backwards)
        by = _ORDER_SQL["newest" if order == "rank" and not match.ranked else order]
        yield stream(
            con, f"SELECT passage FROM ({match.sql}) m ORDER BY {by}", match.args
        )
        return
    if edge is None:
        row = con.execute(
            f"SELECT passage FROM ({match.sql}) m ORDER BY passage DESC "
            "LIMIT 1 OFFSET ?",
            (*match.args, SCORED - 1),
        ).fetchone()
        edge = int(row[0]) if row else 0
    yield stream(
        con,
        f"SELECT passage FROM ({match.sql}) m WHERE passage >= ? "
        "ORDER BY score, passage DESC",
        (*match.args, edge),
    )
    yield stream(
        con,
        f"SELECT passage FROM ({match.sql}) m WHERE passage < ? ORDER BY passage DESC",
        (*match.args, edge),
    )


_BEST_FIRST = "ORDER BY strength DESC, passage DESC"


class _Merged:
    """Several actors' matches, each read best first, merged: each passage once.

    One actor's matches come from ``link_rank`` in its own order, so none needs
    sorting; a passage two actors name comes first with its stronger link, as
    ``max(rank) ... GROUP BY passage`` would give it, and its later rows are
    skipped. That GROUP BY sorts every link of the actors before the first row
    (100,000 articles, Pakistan or China: 1.0 s of a page's 1.1 s).
    """

    def __init__(self, cursors: list[Cursor]) -> None:
        rows = heapq.merge(*cursors, key=lambda row: (-row[1], -row[0]))
        self._rows = _first_of_each(rows)

    def fetchmany(self, size: int) -> list[tuple[int]]:
        """Return up to ``size`` more passages, as a cursor does."""
        return [(key,) for key in islice(self._rows, size)]


def _first_of_each(rows: Iterable[tuple[int, int, float]]) -> Iterator[int]:
    seen: set[int] = set()
    for key, *_ in rows:
        if key not in seen:
            seen.add(key)
            yield int(key)


def _ordered(
    con: Connection,
    match: Match,
    order: str,
    first: int,
    listed: np.ndarray | None = None,
    edge: int | None = None,
) -> Iterator[list[int]]:
    """Yield the matching passages in order, in batches: ``first``, then 4x larger.

    The read is streamed (SQLite steps it lazily, PostgreSQL through a
    server-side cursor), so a page near the start (a popup's one
    passage) reads a few rows, not thousands.
    """
    size = max(first, 8)
    if listed is not None:  # from the links held in memory, in order already
        for at in itertools.count():
            if not (batch := listed[at * 4096 : (at + 1) * 4096].tolist()):
                return
            yield batch
    for cur in _cursors(con, match, order, edge):
        while batch := cur.fetchmany(size):
            yield [int(r[0]) for r in batch]
            size = min(size * 4, 4096)


def walk_page(
    con: Connection,
    match: Match,
    order: str,
    page: tuple[int, int],
    shared: bool,
    members: Members | None = None,
    *,
    listed: np.ndarray | None = None,
    hashes: Callable[[list[int]], dict[int, int]] | None = None,
    edge: int | None = None,
) -> tuple[list[int], dict[int, Similar]]:
    """Return the page's representative passages and each one's collapsed members.

    ``members``: the matching members of hashes, when known without SQL (a text
    search's ``_copies``, or the links held in memory); ``listed``: the
    matches in order, when held; ``hashes``: the hash each of some passages
    shares with others, when held (else SQL looks each batch up in ``shared``);
    ``edge``: see ``_cursors``.
    """
    limit, offset = page
    if not shared:
        ordered = chain.from_iterable(
            _ordered(con, match, order, limit + offset, listed, edge)
        )
        return list(islice(ordered, offset, offset + limit)), {}
    seen: set[int] = set()
    reps: list[tuple[int, int | None]] = []
    groups = 0
    for batch in _ordered(con, match, order, 2 * (limit + offset), listed, edge):
        dups = hashes(batch) if hashes is not None else _shared(con, batch)
        for key in batch:
            dup = dups.get(key)
            if dup is not None:
                if dup in seen:
                    continue
                seen.add(dup)
            groups += 1
            if groups > offset:
                reps.append((key, dup))
            if len(reps) == limit:
                return [k for k, _ in reps], _members(con, match, reps, members)
    return [k for k, _ in reps], _members(con, match, reps, members)


def _shared(con: Connection, batch: list[int]) -> dict[int, int]:
    """Return the hash each passage of ``batch`` shares with others (if it does)."""
    marks = ",".join("?" * len(batch))
    return dict(
        con.execute(
            f"SELECT passage, dup FROM shared WHERE passage IN ({marks})", batch
        )
    )


def _members(
    con: Connection,
    match: Match,
    reps: list[tuple[int, int | None]],
    known: Members | None,
) -> dict[int, Similar]:
    """Return the matching passages of each representative's group (it aside)."""
    dups = {dup: key for key, dup in reps if dup is not None}
    if not dups:
        return {}
    most = SIMILAR_NAMED + 1  # the representative may be one of them
    groups = (
        known(list(dups), most)
        if known is not None
        else _grouped(con.execute(*_members_sql(match, list(dups))), most)
    )
    members: dict[int, tuple[int, list[int]]] = {}
    for dup, (n, latest) in groups.items():
        rep = dups[dup]  # a match of its group: the others are n - 1
        if n > 1:
            members[rep] = (n - 1, [k for k in latest if k != rep][:SIMILAR_NAMED])
    names = passage_names(con, [k for _, keys in members.values() for k in keys])
    return {
        rep: Similar(n, tuple(names[k] for k in keys))
        for rep, (n, keys) in members.items()
    }


def _members_sql(match: Match, dups: list[int]) -> _Sql:
    """Return SQL for the matching passages (and hashes) of the groups ``dups``."""
    marks = ",".join("?" * len(dups))
    if match.scored:
        # A text search reads its matches once, each looked up in the small
        # ``shared`` table. Checking each group member in the full-text index
        # costs about 25 us per member: 31,000 members of 19 groups took 763 ms
        # at 100,000 articles, against 107 ms this way (``query_page`` reads
        # them with its ``_copies``; a lone passage, ``top``, this way).
        return (
            f"SELECT m.passage, s.dup FROM ({match.sql}) m "
            f"JOIN shared s ON s.passage = m.passage WHERE s.dup IN ({marks})",
            (*match.args, *dups),
        )
    inner, args = among(
        match, f"SELECT id FROM passages WHERE dup IN ({marks})", tuple(dups)
    )
    return f"SELECT p.id, p.dup FROM passages p WHERE p.id IN ({inner})", args
