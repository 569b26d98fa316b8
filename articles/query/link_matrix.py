"""Every link of the index held in memory as arrays, for a dashboard's views.

The map's shading and the actor facets count, per target, the matching passages
that name it; the evidence panel totals the matches and walks them; the timeline
counts them per month. SQL reads every match for each (at 100,000 articles an
actor alone has a million passages and ten million links: 5 s to group them in
SQLite). Held as numpy arrays, the matches are a boolean per passage, chosen from
the targets' sorted passages, and each figure is a gather and a ``bincount`` or
a sort of the chosen (measured at 100,000 articles on this machine: ``make
bench-scale``, "links held").

A matrix is a snapshot of one version of the index (the backend's ``stamp``): it
answers only while the index is that version, and ``None`` tells the caller to
ask SQL. ``warm`` builds it in a background thread (seconds at 100,000 articles:
``make bench-scale`` prints how many), so a long-running dashboard pays for it
once per version; a one-shot CLI query never builds one.

What it covers (``covers``): a feature, actors (any of them, members' links
included), a publication-date window and a text search (its matches read from
the full-text index as one list), alone or together. An events-mode window, a
list of articles or "to review" go to SQL, and so does the order of a text
search alone (its bm25 score).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from articles.backends import Backend, Connection, backend_for
from articles.index.codec import DAY_SHIFT, EPOCH, MAX_DAY, N_BITS, RANK_STEP
from articles.index.layout import layout, removals
from articles.index.rank_table import is_deferred
from articles.query.fetched import in_order
from articles.query.filters import (
    Filters,
    Match,
    QueryError,
    parse_terms,
    published_ids,
    resolve,
    text_matches,
)
from articles.query.id_lists import parse_ints, read_passages
from articles.query.matrix_patch import patched_fields
from articles.query.reader import reading
from articles.query.word_bits import WordBits
from articles.recent import Recent

_LOG = logging.getLogger(__name__)
#: Text searches whose matches a matrix keeps (``LinkMatrix._texts``).
TEXTS_KEPT = 8


@dataclass(frozen=True)
class LinkMatrix:
    """The links of one index version, by target and by passage (numpy arrays).

    Passages are numbered by position: their index in ``passages`` (sorted ids),
    so a publication window is a range of positions, and its passages' links a
    range of ``named``.
    """

    stamp: int
    rows: dict[int, int]  # target id -> row
    targets: np.ndarray  # row -> target id
    passages: np.ndarray  # int64, sorted: every passage id
    bounds: np.ndarray  # int64, rows + 1: row r links where[bounds[r]:bounds[r + 1]]
    where: np.ndarray  # int32: the positions a row links (any link), sorted per row
    ranks: np.ndarray  # uint8: each of those links' rank (``codec.rank``)
    starts: np.ndarray  # int64, positions + 1: each passage's run of ``named``
    named: np.ndarray  # int16 (or int32): the rows each passage names (how < MEMBER)
    pairs: np.ndarray  # int32, rows x rows: passages row a links that name row b
    totals: np.ndarray  # int64, rows: passages naming each row
    shared_at: np.ndarray  # int32, sorted: positions of passages sharing a hash
    shared_dup: np.ndarray  # int64: the hash each of those shares (``shared``)
    #: The positions of recent text searches' matches, by terms and window.
    found: Recent[object, np.ndarray] = dataclasses.field(
        default_factory=lambda: Recent(TEXTS_KEPT), compare=False, repr=False
    )
    words: WordBits = dataclasses.field(
        default_factory=WordBits, compare=False, repr=False
    )
    #: Every target's kind and name by id: the counts' labels, read once (a
    #: query of them cost 0.5 ms of a held count's 3.4 on PostgreSQL).
    names: dict[int, tuple[str, str]] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )
    #: The same the other way: what ``resolve`` looks filters' names up in
    #: (a round trip each on PostgreSQL).
    ids: dict[tuple[str, str], int] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )
    #: The index's layout token when read (``index.layout``; None: none yet), how
    #: many removals its log held then, and the articles held (sorted keys):
    #: what a newer version's changes are taken in from (``matrix_patch``).
    layout: str | None = dataclasses.field(default=None, compare=False)
    removed: int = dataclasses.field(default=0, compare=False)
    #: How it was made: "built" from every link, or "patched" (the articles
    #: added and removed since taken into an earlier version's).
    origin: str = dataclasses.field(default="built", compare=False)
    articles: np.ndarray = dataclasses.field(
        default_factory=lambda: np.empty(0, np.int64), compare=False, repr=False
    )

    @property
    def nbytes(self) -> int:
        """Return the bytes the arrays hold."""
        arrays = (self.targets, self.passages, self.bounds, self.where, self.ranks,
                  self.starts, self.named, self.pairs, self.totals, self.shared_at,
                  self.shared_dup)  # fmt: skip
        return sum(a.nbytes for a in arrays)

    def window(self, ids: tuple[int, int] | None) -> tuple[int, int]:
        """Return the positions ``[lo, hi)`` of the passage ids ``ids`` (inclusive)."""
        if ids is None:
            return 0, len(self.passages)
        lo = int(np.searchsorted(self.passages, ids[0], "left"))
        hi = int(np.searchsorted(self.passages, ids[1], "right"))
        return lo, max(lo, hi)  # an upside-down window holds nothing

    def linked(self, row: int, span: tuple[int, int]) -> np.ndarray:
        """Return the sorted positions in ``span`` of the passages ``row`` links."""
        seg = self.where[self.bounds[row] : self.bounds[row + 1]]
        lo, hi = np.searchsorted(seg, span)
        return seg[lo:hi]

    def select(
        self, feature: int | None, actors: tuple[int, ...], span: tuple[int, int]
    ) -> np.ndarray:
        """Return which passages of ``span`` a filter matches, as ``resolve`` does.

        The feature's passages, and of them those any of the actors link; else
        any of the actors' passages; else every passage. A boolean per position
        of the span. Targets the index does not hold select nothing.
        """
        lo, hi = span
        if (feature is not None and feature not in self.rows) or (
            actors and not any(a in self.rows for a in actors)
        ):
            return np.zeros(hi - lo, bool)
        keep = np.zeros(hi - lo, bool)
        for actor in actors:
            if actor in self.rows:
                keep[self.linked(self.rows[actor], span) - lo] = True
        if feature is None:
            return keep if actors else np.ones(hi - lo, bool)
        mine = self.linked(self.rows[feature], span) - lo
        chosen = np.zeros(hi - lo, bool)
        chosen[mine[keep[mine]] if actors else mine] = True
        return chosen

    def count(self, keep: np.ndarray, span: tuple[int, int]) -> np.ndarray:
        """Count the chosen passages of ``span`` naming each row (direct links).

        The chosen passages' runs of links are gathered, or when more than half
        are chosen, those of the passages left out, taken from the span's
        totals. Gathering beat one masked pass over every link at any share
        (100,000 articles: a random half of the passages 44 ms against 138,
        nine in ten 71 against 102: ``bincount`` is fast on blocks that stay
        in cache).
        """
        lo, hi = span
        if np.count_nonzero(keep) * 2 <= hi - lo:
            return self.count_at(np.flatnonzero(keep) + lo)
        if span == (0, len(self.passages)):
            whole = self.totals
        else:
            a, b = self.starts[lo], self.starts[hi]
            whole = np.bincount(self.named[a:b], minlength=len(self.targets))
        left: np.ndarray = whole - self.count_at(np.flatnonzero(~keep) + lo)
        return left

    def count_at(self, positions: np.ndarray) -> np.ndarray:
        """Count the passages at ``positions`` naming each row, a block at a time.

        Blocks bound the temporary arrays (a million passages have ten million
        links: 80 MB an array at once).
        """
        out = np.zeros(len(self.targets), np.int64)
        for at in range(0, len(positions), BLOCK):
            block = positions[at : at + BLOCK]
            first = self.starts[block]
            runs = self.starts[block + 1] - first
            heads = np.cumsum(runs) - runs  # where each passage's run begins
            # the index in ``named`` of every link of the runs, run by run
            index = np.repeat(first - heads, runs) + np.arange(int(runs.sum()))
            out += np.bincount(self.named[index], minlength=len(self.targets))
        return out

    def choose(self, con: Connection, match: Match, filters: Filters) -> Selection:
        """Return the passages ``match`` (of ``filters``) selects, for a page.

        A text search is read from the full-text index as one list of its
        matches in the window, and kept where they are.
        """
        span = self.window(published_ids(filters))
        keep = self.select(match.feature, match.targets, span)
        if parse_terms(filters.q):  # words to search ("!!!" has none: no search)
            keep &= self._texts(con, filters, span)
        rows = [match.feature] if match.feature is not None else list(match.targets)
        return Selection(
            self, span, keep, tuple(self.rows[r] for r in rows if r in self.rows)
        )

    def hashes(self, keys: list[int]) -> dict[int, int]:
        """Return the hash each of the passages ``keys`` shares, for those that do.

        What ``shared`` holds, without a query: a page walks its matches in
        batches of up to 4,096, and PostgreSQL's driver parses a statement of
        that many parameters anew each time (15 ms at 100,000 articles).
        """
        if not len(self.shared_at) or not keys:
            return {}
        wanted = np.asarray(keys, np.int64)
        at = np.searchsorted(self.passages, wanted)
        at = np.minimum(at, len(self.passages) - 1)
        known = self.passages[at] == wanted
        i = np.minimum(np.searchsorted(self.shared_at, at), len(self.shared_at) - 1)
        hit = known & (self.shared_at[i] == at)
        return dict(
            zip(wanted[hit].tolist(), self.shared_dup[i[hit]].tolist(), strict=True)
        )

    def found_in(self, con: Connection, filters: Filters) -> int:
        """Count the passages the text search of ``filters`` finds in its window."""
        span = self.window(published_ids(filters))
        return int(np.count_nonzero(self._texts(con, filters, span)))

    def _texts(
        self, con: Connection, filters: Filters, span: tuple[int, int]
    ) -> np.ndarray:
        """Return which passages of ``span`` the text search of ``filters`` finds.

        Its common words are held as bitmaps (``word_bits``); the other terms'
        matches are read as one list, and the last few such lists are kept with
        the matrix (this version of the index): a view asks for its page, its
        map counts and its facets, and each would read the same matches again.
        """
        terms, ids = parse_terms(filters.q), published_ids(filters)
        keys, rest = self.words.split(con, terms)
        lo, hi = span

        def here(key: object, sql: tuple[str, tuple[object, ...]]) -> np.ndarray:
            found_here = np.zeros(hi - lo, bool)
            at = self._found(con, key, sql)
            found_here[at[(at >= lo) & (at < hi)] - lo] = True
            return found_here

        keep = np.ones(hi - lo, bool)
        if keys:
            keep = self.words.keep(
                keys, span, lambda k: here(("key", k), con.backend.word_match(k))
            )
        if rest:
            keep &= here((rest, ids), text_matches(con.backend, rest, ids))
        return keep

    def _found(
        self, con: Connection, key: object, sql: tuple[str, tuple[object, ...]]
    ) -> np.ndarray:
        """Return the positions of the passages ``sql`` selects (kept by ``key``)."""
        at = self.found.get(key)
        if at is None:
            found = read_passages(con, *sql)
            at = self.found.put(
                key, np.searchsorted(self.passages, found).astype(np.int32)
            )
        return at

    def counts(self, con: Connection, match: Match, filters: Filters) -> dict[int, int]:
        """Return matching passages per target id (``count_targets``'s grouping)."""
        alone = match.alone
        if alone is not None:  # nothing else: no window, no text
            row = self.rows.get(alone)
            per_row = self.pairs[row] if row is not None else self.pairs[:0].sum(0)
        else:
            chosen = self.choose(con, match, filters)
            per_row = self.count(chosen.keep, chosen.span)
        found = np.flatnonzero(per_row)
        return dict(
            zip(self.targets[found].tolist(), per_row[found].tolist(), strict=True)
        )


@dataclass(frozen=True)
class Selection:
    """The passages of a page's filters, chosen once, for its totals and its walk."""

    matrix: LinkMatrix
    span: tuple[int, int]
    keep: np.ndarray  # bool per position of the span
    #: The rows whose link ranks a passage: the feature, else the actors.
    strength: tuple[int, ...]

    @functools.cached_property
    def keys(self) -> np.ndarray:
        """The chosen passage ids, ascending (a page's totals and order use them)."""
        return self.matrix.passages[np.flatnonzero(self.keep) + self.span[0]]

    @functools.cached_property
    def shared(self) -> tuple[np.ndarray, np.ndarray]:
        """The chosen passages that share a hash (positions), and the hashes."""
        m, lo = self.matrix, self.span[0]
        inside = slice(*np.searchsorted(m.shared_at, self.span))
        at, dups = m.shared_at[inside], m.shared_dup[inside]
        mine = self.keep[at - lo]
        return at[mine], dups[mine]

    def sizes(self) -> tuple[int, int, int]:
        """Return the passages, their articles, and groups once copies are folded.

        ``page._sizes`` in SQL scans every match and probes ``links`` for the
        actors and ``shared`` for copies (100,000 articles, Afghanistan with
        Pakistan: 1.3 s); here it is a selection and two sorted passes.
        """
        keys = self.keys
        if not len(keys):
            return 0, 0, 0
        articles = int(np.count_nonzero(np.diff(keys >> N_BITS))) + 1  # keys sorted
        _, dups = self.shared
        folded = len(dups) - len(np.unique(dups))
        return len(keys), articles, len(keys) - folded

    def ordered(self, order: str) -> np.ndarray:
        """Return the chosen passage ids ``newest`` first, or by ``article``.

        ``article``: articles oldest first, each in reading order (its ids
        descending). SQL sorts every match for either (Afghanistan with
        Pakistan, 804,153 passages: 1.2 s a page).
        """
        return in_order(self.keys, order)

    def ranked(self) -> np.ndarray:
        """Return the chosen passage ids best first, as ``page`` ranks them.

        The strength of a passage is its link's rank to the feature, else the
        best of its links to the actors; then newer first. A sort of the chosen
        passages: for few among many (a rare actor with a common feature) SQL
        walks the feature's links until a page is found, all of them when the
        intersection is small.
        """
        m, (lo, hi) = self.matrix, self.span
        best = np.zeros(hi - lo, np.int16)
        for row in self.strength:
            a = m.bounds[row]
            i, j = np.searchsorted(m.where[a : m.bounds[row + 1]], self.span)
            at = m.where[a + i : a + j] - lo
            best[at] = np.maximum(best[at], m.ranks[a + i : a + j])
        chosen = np.flatnonzero(self.keep)
        order = np.lexsort((-chosen, -best[chosen]))
        return m.passages[chosen[order] + lo]

    def hashes(self, keys: list[int]) -> dict[int, int]:
        """Return the hash each of the passages ``keys`` shares (``LinkMatrix``'s)."""
        return self.matrix.hashes(keys)

    def months(self, row: int | None = None) -> dict[str, int]:
        """Count the chosen passages per publication month ``YYYY-MM``.

        ``row``: only those naming that target (direct links), for a timeline
        per actor. SQL groups every match by day (Afghanistan with Pakistan:
        1.0 s; per actor over five actors 3.1 s).
        """
        m, (lo, _) = self.matrix, self.span
        chosen = np.flatnonzero(self.keep) + lo
        if row is not None:
            a = m.bounds[row]
            i, j = np.searchsorted(m.where[a : m.bounds[row + 1]], self.span)
            mine = m.where[a + i : a + j][m.ranks[a + i : a + j] >= RANK_STEP]
            chosen = mine[self.keep[mine - lo]]
        days = m.passages[chosen] >> DAY_SHIFT
        months, counts = np.unique(_MONTHS[days], return_counts=True)
        labels = np.datetime_as_string(months.astype("datetime64[M]"), unit="M")
        return {str(k): int(n) for k, n in zip(labels, counts, strict=True)}

    def members(self, dups: list[int], most: int) -> dict[int, tuple[int, list[int]]]:
        """Return, per hash, its chosen passages: how many, and the newest ``most``.

        SQL reads every match to find them (Afghanistan with Pakistan: 190 ms);
        a Python sort of "Taliban"'s 120,000 copies on a page took 15 ms.
        """
        at, found = self.shared
        mine = np.isin(found, np.array(dups, np.int64))
        at, found = at[mine], found[mine]
        order = np.lexsort((-at, found))  # by hash, newest first
        at, found = at[order], found[order]
        firsts = np.flatnonzero(np.r_[True, found[1:] != found[:-1]][: len(found)])
        sizes = np.diff(np.append(firsts, len(found)))
        keys = self.matrix.passages
        return {
            int(found[i]): (int(n), keys[at[i : i + min(int(n), most)]].tolist())
            for i, n in zip(firsts.tolist(), sizes.tolist(), strict=True)
        }


#: The month (since 1970-01, numpy's) of each day number of the index.
_MONTHS = (
    (np.datetime64(EPOCH.isoformat(), "D") + np.arange(MAX_DAY + 1))
    .astype("datetime64[M]")
    .astype(np.int64)
)
#: Link ranks are under this (``codec.rank``: at most 4 * 21 + 20).
RANKS = 128
#: Passages counted at once by ``count_at``.
BLOCK = 1 << 16


def covers(filters: Filters) -> bool:
    """Return whether a matrix can select what ``filters`` match (else SQL does).

    A text search's matches (in the window) are read as one list, and kept
    where they are: a year of "border" at 100,000 articles, 43,000 of them, in
    6 ms; all of "Taliban", 667,523, in 87 ms, where SQL took 180 ms to fold
    their copies and 60 to count them. Its common words are not read at all
    once held as bitmaps (``word_bits``).
    """
    dated = filters.date_from is not None or filters.date_to is not None
    return not (
        filters.articles is not None
        or filters.to_review
        or (dated and filters.datemode != "published")
    )


def build(con: Connection, stamp: int) -> LinkMatrix | None:
    """Read every link of the index behind ``con`` (None while ranks are deferred).

    Each target's passages come as one string of integers (the backend's
    ``int_list_sql``) parsed by numpy in C: reading the 14.3 million rows one by
    one took 9.4 s at 100,000 articles, the strings 2.9 s.
    """
    if is_deferred(con):
        return None
    (text,) = con.execute(
        f"SELECT {con.backend.int_list_sql('id')} FROM passages"
    ).fetchone()
    passages = np.sort(parse_ints(text))
    del text
    joined = con.backend.int_list_sql(f"passage * {RANKS} + rank")
    ids: list[int] = []
    where: list[np.ndarray] = []
    ranks: list[np.ndarray] = []
    for target, text in con.execute(
        f"SELECT target, {joined} FROM link_rank GROUP BY target ORDER BY target"
    ):
        values = np.sort(parse_ints(text))
        ids.append(int(target))
        where.append(np.searchsorted(passages, values // RANKS).astype(np.int32))
        ranks.append((values % RANKS).astype(np.uint8))
    matrix = _arrange(stamp, ids, where, ranks, passages)
    return dataclasses.replace(
        matrix, **read_shared(con, passages), **read_labels(con),
        layout=layout(con), removed=len(removals(con)),
        articles=np.unique(passages >> N_BITS),
    )  # fmt: skip


def read_shared(con: Connection, passages: np.ndarray) -> dict[str, Any]:
    """Read ``shared`` as a matrix holds it: positions (sorted) and their hashes."""
    shared, dups = con.execute(
        f"SELECT {con.backend.int_list_sql('passage')}, "
        f"{con.backend.int_list_sql('dup')} FROM shared"
    ).fetchone()  # one scan: both lists in the same row order
    at = np.searchsorted(passages, parse_ints(shared)).astype(np.int32)
    order = np.argsort(at, kind="stable")
    return {"shared_at": at[order], "shared_dup": parse_ints(dups)[order]}


def read_labels(con: Connection) -> dict[str, Any]:
    """Read every target's kind and name, both ways (``names``, ``ids``)."""
    names = target_names(con)
    return {"names": names, "ids": {name: key for key, name in names.items()}}


def target_names(con: Connection) -> dict[int, tuple[str, str]]:
    """Return every target's kind and name, by id."""
    return {
        int(i): (str(kind), str(name))
        for i, kind, name in con.execute("SELECT id, kind, name FROM targets")
    }


def _arrange(
    stamp: int,
    ids: list[int],
    where: list[np.ndarray],
    ranks: list[np.ndarray],
    passages: np.ndarray,
) -> LinkMatrix:
    """Lay the links out by passage too, and count every pair of targets once.

    Each passage's run of ``named`` is filled row by row: a row links a passage
    once, so no sort is needed (an argsort of the 13.6 million direct links
    took 108 MB of indices at 100,000 articles).
    """
    kind = np.int16 if len(ids) < (1 << 15) else np.int32
    direct = [r >= RANK_STEP for r in ranks]  # how < MEMBER
    runs = np.zeros(len(passages), np.int64)
    for at, is_direct in zip(where, direct, strict=True):
        runs[at[is_direct]] += 1
    starts = np.concatenate(([0], np.cumsum(runs)))
    named = np.empty(int(starts[-1]), kind)
    fill = starts[:-1].copy()
    for row, (at, is_direct) in enumerate(zip(where, direct, strict=True)):
        mine = at[is_direct]
        named[fill[mine]] = row
        fill[mine] += 1
    del fill, runs, direct
    sizes = np.array([len(w) for w in where], np.int64)
    matrix = LinkMatrix(
        stamp=stamp,
        rows={t: r for r, t in enumerate(ids)},
        targets=np.array(ids, np.int64),
        passages=passages,
        bounds=np.concatenate(([0], np.cumsum(sizes))),
        where=np.concatenate(where) if where else np.empty(0, np.int32),
        ranks=np.concatenate(ranks) if ranks else np.empty(0, np.uint8),
        starts=starts,
        named=named,
        pairs=np.zeros((len(ids), len(ids)), np.int32),
        totals=np.bincount(named, minlength=len(ids)),
        shared_at=np.empty(0, np.int32),
        shared_dup=np.empty(0, np.int64),
    )
    del where
    for row in range(len(ids)):
        matrix.pairs[row] = matrix.count_at(matrix.linked(row, (0, len(passages))))
    return matrix


class _Registry:
    """The matrix of each index (by location) this process holds, and its builds."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held: dict[str, LinkMatrix] = {}
        self.building: dict[str, threading.Thread] = {}
        self.seconds: dict[str, float] = {}  # how long the last build took


_REGISTRY = _Registry()
#: Indexes whose links one process holds at most (a dashboard reads one).
HELD_MAX = 2


def current(backend: Backend, con: Connection | None = None) -> LinkMatrix | None:
    """Return the matrix of ``backend``'s index if it is of its current version.

    ``con``: the version its reader sees (``Backend.stamp``).
    """
    held = _REGISTRY.held.get(backend.location())
    if held is None or held.stamp != backend.stamp(con):
        return None
    return held


def held(con: Connection, filters: Filters) -> LinkMatrix | None:
    """Return the matrix of the index behind ``con`` to answer ``filters`` from.

    None: nothing held for this version of the index, or filters it does not
    cover (``covers``); the caller asks SQL.
    """
    return current(con.backend, con) if covers(filters) else None


def resolved(con: Connection, filters: Filters) -> tuple[Match, LinkMatrix | None]:
    """Resolve ``filters``, and return the matrix that answers them (None: SQL).

    A held matrix counts the text search's matches for ``resolve`` (its
    bitmaps and lists), which SQL would otherwise count to choose its plan.
    """
    matrix = held(con, filters)
    if matrix is None:
        return resolve(con, filters), None
    return resolve(
        con, filters, functools.partial(matrix.found_in, con, filters), matrix.ids
    ), matrix


def held_bytes() -> int:
    """Return the bytes of every matrix this process holds."""
    return sum(m.nbytes + m.words.nbytes for m in list(_REGISTRY.held.values()))


def warm(index: Path, *, wait: bool = False) -> float | None:
    """Build the matrix of ``index`` in the background unless it is current.

    ``wait``: block until it is built; return the seconds the last build took
    (None: none finished, e.g. the ranks are deferred or there is no index).
    """
    backend = backend_for(index)
    where = backend.location()
    with _REGISTRY.lock:
        thread = _REGISTRY.building.get(where)
        if thread is None and current(backend) is None:
            # an older version's: never read again, but what it holds may be kept
            # (in a list the build empties: no other reference keeps it alive)
            older = _REGISTRY.held.pop(where, None)
            thread = threading.Thread(
                target=_build_into, daemon=True, name=f"link-matrix {where}",
                args=(index, where, [] if older is None else [older]),
            )  # fmt: skip
            del older
            _REGISTRY.building[where] = thread
            thread.start()
    if wait and thread is not None:
        thread.join()
    return _REGISTRY.seconds.get(where)


def _build_into(index: Path, where: str, older: list[LinkMatrix]) -> None:
    _yield_cpu()
    began = time.perf_counter()
    try:
        matrix = _read(index, older)
    except Exception:  # the queries go on in SQL; say why, never crash the page
        _LOG.exception("could not hold the links of %s in memory", where)
        matrix = None
    with _REGISTRY.lock:
        _REGISTRY.building.pop(where, None)
        if matrix is None:
            return
        _REGISTRY.held.pop(where, None)
        while len(_REGISTRY.held) >= HELD_MAX:  # the oldest index goes
            _REGISTRY.held.pop(next(iter(_REGISTRY.held)))
        _REGISTRY.held[where] = matrix
        _REGISTRY.seconds[where] = time.perf_counter() - began
    try:
        _fill_words(index, matrix)
    except Exception:  # the words are read from SQL, as before
        _LOG.exception("could not hold the frequent words of %s in memory", where)


def _yield_cpu() -> None:
    """Run this thread at the lowest CPU priority: the pages being served go first.

    Linux gives each thread its own nice value. A build takes 18 s of a core
    at 100,000 articles (links, then words), after each sync; clicks in
    the browser meanwhile are served first. (Measured clicks vary too much from
    run to run, 0.7 to 1.1 s, to show the difference.)
    """
    # not Linux (no such call, or not per thread): the build shares the CPU
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def _fill_words(index: Path, matrix: LinkMatrix) -> None:
    """Hold the matrix's frequent words (of the same version: else it never answers).

    A patched matrix's are its earlier version's, patched (``WordBits.patch``)
    when few articles were added; else every frequent word's passages are read.
    """
    backend = backend_for(index)
    with reading(index) as con:
        if backend.stamp(con) != matrix.stamp:
            return

        def moved_on() -> bool:
            return backend.stamp() != matrix.stamp

        with backend.snapshot(con):
            if matrix.words.patch(con, matrix.passages, moved_on):
                return
        matrix.words.fill(con, matrix.passages, moved_on)


def _read(index: Path, older: list[LinkMatrix] | None = None) -> LinkMatrix | None:
    """Build the matrix of ``index`` (None: no index yet, or ranks deferred).

    From the matrix in ``older`` (an earlier version's, taken out of the list so
    that a build from every link has its memory) when the index's changes since
    can be taken in (``matrix_patch``), else from every link. The stamp is taken
    once the reader is open (opening an SQLite index can create its write-ahead log,
    which moves the stamp) and before anything is read: a write in between
    makes the matrix look older than it is, and the next ``warm`` reads it
    again. Everything is read in one snapshot, so what is held is one version
    of the index, whatever its stamp says.
    """
    try:
        with reading(index) as con:
            stamp = con.backend.stamp(con)
            with con.backend.snapshot(con):
                if older and (found := patched(con, older.pop(), stamp)):
                    return found
                return build(con, stamp)
    except QueryError:  # no index yet (or an old one): nothing to hold
        return None


def patched(con: Connection, older: LinkMatrix, stamp: int) -> LinkMatrix | None:
    """Return ``older`` with the changes since taken in, or None (see ``_read``)."""
    found = patched_fields(con, older)
    if found is None:
        return None
    fields, moved = found
    return dataclasses.replace(
        older, stamp=stamp, **fields, **read_shared(con, fields["passages"]),
        **read_labels(con), found=Recent(TEXTS_KEPT),
        words=WordBits(older.words.carried(moved)), origin="patched",
    )  # fmt: skip


def forget(index: Path | None = None) -> None:
    """Drop the held matrix of ``index`` (every one when None): tests, memory."""
    with _REGISTRY.lock:
        if index is None:
            _REGISTRY.held.clear()
        else:
            _REGISTRY.held.pop(backend_for(index).location(), None)
