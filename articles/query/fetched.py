"""A page's matches read once from SQL, when they are few: totals, order and groups.

Without the links held in memory (a CLI query, a dashboard before its arrays
are built), a feature's or actors' page that a text search drives
(``filters._text_driver``) costs two passes over its matches in SQL: one
counts them (``page._sizes``), one sorts them all by rank for the walk. The
text search's count says how many they can be (``Match.at_most``); when that
is few (`MOST`), one statement reads them with their strength and shared hash,
and the totals, the order and the groups are taken from those rows, as
``link_matrix.Selection`` takes them from the links held (100,000 articles,
"all four combined": README, "Measured at scale"). So is a window on the dates
passages mention (events mode) with nothing else, which the links held never
cover: the dates in it bound its matches.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from articles.backends import Connection
from articles.index.codec import N_BITS
from articles.index.dups import group_pairs
from articles.query.filters import Match

#: At most this many matches are read whole (a row of three integers is about
#: 160 bytes in Python: 32 MB at most); more, and SQL counts and walks them.
#: At 100,000 articles a text search drives with up to a third of a feature's
#: million links; the bench's two slowest "all four" inputs read 39,463 and
#: 62,679 rows (SQLite: 103 and 80 ms before, 81 and 47 after; PostgreSQL:
#: about 500 and 330, 300 and 210).
MOST = 200_000


def fetch(con: Connection, match: Match, shared: bool) -> Fetched | None:
    """Read the matches with their strength and hash, or None: not to be read whole.

    Only for a feature or actors that a text search drives, or an events-mode
    window with nothing else, with at most `MOST` matches (``Match.at_most``).
    Read from the links, a feature's or actors' matches come best first
    (``link_rank``'s order), so a page is found without reading them all:
    reading them whole was slower there (the bench's "a feature and an actor":
    1.4 s -> 1.65 s at 100,000 articles). An events window's are counted, then
    sorted, then their groups read, three passes in SQL (100,000 articles, 40
    windows: p95 54 ms, the slowest 59; read once, 33 and 42).
    """
    if match.at_most is None or match.at_most > MOST:
        return None
    dup = "s.dup" if shared else "NULL"
    join = " LEFT JOIN shared s ON s.passage = m.passage" if shared else ""
    rows = con.execute(
        f"SELECT m.passage, m.strength, {dup} FROM ({match.sql}) m{join}", match.args
    ).fetchall()  # planned for every row (a server-side cursor plans for a tenth)
    keys = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    strength = np.fromiter((r[1] for r in rows), np.int16, len(rows))
    order = np.argsort(keys)
    dups = {int(r[0]): int(r[2]) for r in rows if r[2] is not None}
    return Fetched(keys[order], strength[order], dups)


@dataclass(frozen=True)
class Fetched:
    """Matching passages (ascending), each one's strength, and the shared hashes."""

    keys: np.ndarray
    strength: np.ndarray
    dups: dict[int, int]  # passage -> its hash, for passages that share one

    def sizes(self) -> tuple[int, int, int]:
        """Return the passages, their articles, and groups once copies are folded."""
        keys = self.keys
        if not len(keys):
            return 0, 0, 0
        articles = int(np.count_nonzero(np.diff(keys >> N_BITS))) + 1  # keys sorted
        folded = len(self.dups) - len(set(self.dups.values()))
        return len(keys), articles, len(keys) - folded

    def ordered(self, order: str) -> np.ndarray:
        """Return the passages ``newest`` first, or by ``article`` (``in_order``)."""
        return in_order(self.keys, order)

    def ranked(self) -> np.ndarray:
        """Return the passages best first: stronger link, then newer."""
        return self.keys[np.lexsort((-self.keys, -self.strength))]

    def hashes(self, batch: list[int]) -> dict[int, int]:
        """Return the hash each passage of ``batch`` shares with others (if it does)."""
        return {k: d for k in batch if (d := self.dups.get(k)) is not None}

    @functools.cached_property
    def _groups(self) -> dict[int, list[int]]:
        return group_pairs((d, k) for k, d in self.dups.items())

    def members(self, dups: list[int], most: int) -> dict[int, tuple[int, list[int]]]:
        """Return, per hash, its matches: how many, and the newest ``most``."""
        groups = self._groups
        return {dup: newest(keys, most) for dup in dups if (keys := groups.get(dup))}


def newest(keys: list[int], most: int) -> tuple[int, list[int]]:
    """Return how many ``keys`` there are, and the newest ``most`` of them."""
    return len(keys), sorted(keys)[: -most - 1 : -1]


def in_order(keys: np.ndarray, order: str) -> np.ndarray:
    """Return ascending passage ids ``newest`` first, or by ``article``.

    ``article``: articles oldest first, each in reading order (its ids
    descending).
    """
    if order == "newest":
        return keys[::-1]
    # ascending ids are articles oldest first; turn each article's run around
    firsts = np.flatnonzero(np.diff(keys >> N_BITS, prepend=-1))
    lasts = np.append(firsts[1:], len(keys)) - 1
    at = np.repeat(firsts + lasts, lasts - firsts + 1) - np.arange(len(keys))
    return keys[at]
