"""A held link matrix brought up to a newer index version: articles added, removed.

An ingest adds an article, a changed file or an applied review decision rewrites
one, and the index's version moves on; a dashboard that holds the links in
memory (``link_matrix``) would read every link again (5 s at 100,000
articles), its map counts and totals going to SQL meanwhile (up to seconds with
an actor picked), and in team mode every dashboard does so after any desk
member's ingest or review. Instead the removed articles' passages are taken
out of the held arrays (every later position shifts back), the added ones' are
read and taken in (every later position shifts on, and each target's row takes
its new links), and the pair counts and totals follow. That costs a few copies
of the held arrays and a read of the added links (``make bench-scale``, "links
held, one article added" and "one article changed").

What was removed: the writer logs each removed article under the index's layout
token (``index.layout``), and replaces the token when links change wholesale
(or the log is full); the articles held, less those removed, must all still be
there. The result is checked against the writer's own per-target totals
(``targets.matches``, ``targets.passages``); any difference, a new target
that would not come last in the rows' order, or more than `MOST_ADDED`
articles added, and the caller reads everything anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np

from articles.backends import Connection
from articles.backends.base import in_ranges
from articles.index.codec import N_BITS, RANK_STEP, passage_range
from articles.index.layout import layout, removals
from articles.index.rank_table import FROM_LINKS, is_deferred
from articles.query.id_lists import parse_ints

#: More articles added than this and the matrix is read anew (a build reads in
#: sorted scans; this looks each added article up).
MOST_ADDED = 2000
#: Added articles looked up per statement (two parameters each).
_CHUNK = 200


def patched_fields(con: Connection, old: Any) -> tuple[dict[str, Any], Moved] | None:
    """Return the arrays of ``old`` (a ``LinkMatrix``) brought up to ``con``'s version.

    ``con`` reads the newer version in one snapshot. The fields returned are
    those that change with links (``shared``, the target labels and the stamp
    are the caller's), and where the passages held moved to; None: read
    everything anew (see the module).
    """
    token = layout(con)
    if token is None or token != old.layout or is_deferred(con):
        return None
    log = removals(con)
    if len(log) < old.removed:
        return None  # not the log the matrix was read with
    gone = np.unique(np.array(log[old.removed :], np.int64))
    (text,) = con.execute(
        f"SELECT {con.backend.int_list_sql('id')} FROM articles WHERE passages > 0"
    ).fetchone()
    now = np.unique(parse_ints(text))
    kept = np.setdiff1d(old.articles, gone, assume_unique=True)
    if len(np.setdiff1d(kept, now, assume_unique=True)):
        return None  # an article held is gone, and no removal of it was logged
    added = np.setdiff1d(now, kept, assume_unique=True)
    if len(added) > MOST_ADDED:
        return None
    keys, links = _read_added(con, added)
    fields = _merged(_without(old, gone), keys, links)
    if fields is None:
        return None
    fields = _pruned(fields)
    if not _agrees(con, fields):
        return None
    moved = Moved(*_sources(old.passages, gone, fields["passages"]), added)
    return {**fields, "layout": token, "articles": now, "removed": len(log)}, moved


@dataclass(frozen=True)
class Moved:
    """Where a patch put the passages held: what per-position data needs to follow.

    Positions before ``first`` hold the same passages as before (``first // 8 *
    8`` on, as bitmaps are laid out, ``source`` gives each position's old one,
    -1 for a passage added or rewritten); ``added`` are the articles whose
    passages are new or rewritten (their words are read anew).
    """

    first: int
    source: np.ndarray  # int64: from position ``first // 8 * 8`` to the end
    added: np.ndarray  # article keys


def _sources(
    old: np.ndarray, gone: np.ndarray, new: np.ndarray
) -> tuple[int, np.ndarray]:
    """Return ``Moved.first`` and ``Moved.source`` for passages ``old`` -> ``new``."""
    same = min(len(old), len(new))
    differ = np.flatnonzero(old[:same] != new[:same])
    first = int(differ[0]) if len(differ) else same
    dropped = np.flatnonzero(np.isin(old >> N_BITS, gone))
    if len(dropped):  # a rewritten article's passages keep their ids
        first = min(first, int(dropped[0]))
    tail = new[first // 8 * 8 :]
    at = np.minimum(np.searchsorted(old, tail), max(len(old) - 1, 0))
    if not len(old):
        return first, np.full(len(tail), -1, np.int64)
    kept = (old[at] == tail) & ~np.isin(old[at] >> N_BITS, gone)
    return first, np.where(kept, at, -1).astype(np.int64)


def _without(old: Any, articles: np.ndarray) -> Any:
    """Take the passages of ``articles`` and their links out of ``old``'s arrays.

    Rows left without links stay (an article rewritten may link them again;
    ``_pruned`` drops those still empty after).
    """
    drop = np.isin(old.passages >> N_BITS, articles)
    if not drop.any():
        return old
    rows = len(old.targets)
    shift = (np.cumsum(~drop) - 1).astype(np.int32)  # each kept position's new one
    off = drop[old.where]  # per link: to a passage taken out
    at = np.flatnonzero(off)
    link_row = np.searchsorted(old.bounds, at, "right") - 1
    runs = np.diff(old.starts)
    named_off = np.repeat(drop, runs)
    named_row = old.named[named_off].astype(np.int64)
    named_at = np.repeat(np.flatnonzero(drop), runs[drop])
    sizes = np.diff(old.bounds) - np.bincount(link_row, minlength=rows)
    return SimpleNamespace(
        targets=old.targets,
        passages=old.passages[~drop],
        bounds=np.concatenate(([0], np.cumsum(sizes))),
        where=shift[old.where[~off]],
        ranks=old.ranks[~off],
        starts=np.concatenate(([0], np.cumsum(runs[~drop]))),
        named=old.named[~named_off],
        pairs=_pairs(old.pairs, rows, link_row, old.where[at], named_row, named_at, -1),
        totals=old.totals - np.bincount(named_row, minlength=rows),
    )


def _pruned(fields: dict[str, Any]) -> dict[str, Any]:
    """Drop the rows left without a link (a build reads no row for them)."""
    sizes = np.diff(fields["bounds"])
    keep = sizes > 0
    if keep.all():
        return fields
    renumber = (np.cumsum(keep) - 1).astype(fields["named"].dtype)
    targets = fields["targets"][keep]
    return {
        **fields,
        "rows": {int(t): r for r, t in enumerate(targets.tolist())},
        "targets": targets,
        "bounds": np.concatenate(([0], np.cumsum(sizes[keep]))),
        "named": renumber[fields["named"]],
        "pairs": np.ascontiguousarray(fields["pairs"][np.ix_(keep, keep)]),
        "totals": fields["totals"][keep],
    }


def _ranges(articles: np.ndarray) -> list[tuple[str, tuple[int, ...]]]:
    """Return, per chunk of articles, SQL on ``passage`` for their passages' ids."""
    return [
        in_ranges(
            "passage", [passage_range(a) for a in articles[at : at + _CHUNK].tolist()]
        )
        for at in range(0, len(articles), _CHUNK)
    ]


def _read_added(
    con: Connection, articles: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Read the added articles' passage ids (sorted) and links (target, rank, id).

    The ranks are ``link_rank``'s, read from ``links`` as queries do while
    ``rank_table`` defers it (``link_rank`` is ordered by target: no range of
    passages in it).
    """
    ints = con.backend.int_list_sql
    keys, targets, ranks, passages = [], [], [], []
    for where, bounds in _ranges(articles):
        (ids,) = con.execute(
            f"SELECT {ints('passage')} FROM (SELECT id AS passage FROM passages) p "
            f"WHERE {where}",
            bounds,
        ).fetchone()
        keys.append(parse_ints(ids))
        row = con.execute(
            f"SELECT {ints('target')}, {ints('rank')}, {ints('passage')} "
            f"FROM {FROM_LINKS} t WHERE {where}",
            bounds,
        ).fetchone()  # one scan: the three lists in the same row order
        targets.append(parse_ints(row[0]))
        ranks.append(parse_ints(row[1]))
        passages.append(parse_ints(row[2]))
    joined = (np.concatenate(x) if x else np.empty(0, np.int64) for x in
              (keys, targets, ranks, passages))  # fmt: skip
    key_list, *link_lists = joined
    return np.sort(key_list), (link_lists[0], link_lists[1], link_lists[2])


def _merged(
    old: Any, keys: np.ndarray, links: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> dict[str, Any] | None:
    """Insert the added passages ``keys`` and their ``links`` into ``old``'s arrays."""
    link_targets, link_ranks, link_passages = links
    fresh = np.setdiff1d(np.unique(link_targets), old.targets)
    if len(fresh) and len(old.targets) and fresh[0] < old.targets[-1]:
        return None  # its row would come between others (rows go by target id)
    targets = np.concatenate((old.targets, fresh)).astype(np.int64)
    rows = len(targets)
    kind = np.int16 if rows < (1 << 15) else np.int32
    if kind != old.named.dtype:
        return None
    before = np.searchsorted(old.passages, keys)  # where each added passage goes
    passages = np.insert(old.passages, before, keys)
    moved = np.arange(len(old.passages)) + np.searchsorted(keys, old.passages)
    link_row = np.searchsorted(targets, link_targets)
    link_at = np.searchsorted(passages, link_passages)
    order = np.lexsort((link_at, link_row))  # by row, then position
    link_row, link_at = link_row[order], link_at[order]
    link_rank = link_ranks[order].astype(np.uint8)
    where = moved.astype(np.int32)[old.where]  # no int64 copy of every link
    inserted = _insertion_points(old.bounds, where, link_row, link_at)
    sizes = np.zeros(rows, np.int64)
    sizes[: len(old.targets)] = np.diff(old.bounds)
    sizes += np.bincount(link_row, minlength=rows)
    direct = link_rank >= RANK_STEP
    by_passage = np.lexsort((link_row[direct], link_at[direct]))
    named_row = link_row[direct][by_passage]  # each added passage's run, row order
    named_at = link_at[direct][by_passage]
    added_at = before + np.arange(len(keys))  # the added passages' new positions
    runs = np.bincount(np.searchsorted(added_at, named_at), minlength=len(keys))
    named = np.insert(
        old.named, np.repeat(old.starts[before], runs), named_row.astype(kind)
    )
    starts = np.concatenate(
        ([0], np.cumsum(np.insert(np.diff(old.starts), before, runs)))
    )
    totals = np.zeros(rows, np.int64)
    totals[: len(old.targets)] = old.totals
    totals += np.bincount(named_row, minlength=rows)
    return {
        "rows": {int(t): r for r, t in enumerate(targets.tolist())},
        "targets": targets,
        "passages": passages,
        "bounds": np.concatenate(([0], np.cumsum(sizes))),
        "where": np.insert(where, inserted, link_at.astype(np.int32)),
        "ranks": np.insert(old.ranks, inserted, link_rank),
        "starts": starts,
        "named": named,
        "pairs": _pairs(old.pairs, rows, link_row, link_at, named_row, named_at),
        "totals": totals,
    }


def _insertion_points(
    bounds: np.ndarray, where: np.ndarray, rows: np.ndarray, at: np.ndarray
) -> np.ndarray:
    """Return where in ``where`` each new link (sorted by row, position) goes.

    A row's links are its slice of ``where``, sorted; a row the matrix did not
    have yet comes after all of them.
    """
    out = np.empty(len(rows), np.int64)
    if not len(rows):
        return out
    held = len(bounds) - 1
    firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]).tolist()
    for i, j in zip(firsts, [*firsts[1:], len(rows)], strict=True):
        row = int(rows[i])
        if row >= held:
            out[i:j] = len(where)
            continue
        lo, hi = int(bounds[row]), int(bounds[row + 1])
        out[i:j] = lo + np.searchsorted(where[lo:hi], at[i:j])
    return out


def _pairs(
    old: np.ndarray,
    rows: int,
    link_row: np.ndarray,
    link_at: np.ndarray,
    named_row: np.ndarray,
    named_at: np.ndarray,
    sign: int = 1,
) -> np.ndarray:
    """Add passages to ``pairs`` (``sign`` -1: take them out).

    Each passage at ``link_at`` counts once for every row a that links it
    (``link_row``) and row b named there (``named_row`` at ``named_at``, sorted).
    """
    pairs = np.zeros((rows, rows), np.int32)
    pairs[: len(old), : len(old)] = old
    by_at = np.argsort(link_at, kind="stable")
    link_row, link_at = link_row[by_at], link_at[by_at]
    for at in np.unique(named_at).tolist():
        lo, hi = np.searchsorted(link_at, [at, at + 1])
        a, b = np.searchsorted(named_at, [at, at + 1])
        pairs[np.ix_(link_row[lo:hi], named_row[a:b])] += sign
    return pairs


def _agrees(con: Connection, fields: dict[str, Any]) -> bool:
    """Return whether each target's links and named passages are the writer's."""
    rows, totals = fields["rows"], fields["totals"]
    sizes = np.diff(fields["bounds"])
    seen = 0
    for target, matches, passages in con.execute(
        "SELECT id, matches, passages FROM targets WHERE matches > 0"
    ):
        row = rows.get(int(target))
        if row is None or sizes[row] != matches or totals[row] != passages:
            return False
        seen += 1
    return seen == len(rows)  # and no row of a target the writer counts no link of
