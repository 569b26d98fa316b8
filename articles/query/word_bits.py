"""The passages of the index's most frequent words, held as bitmaps (a dashboard's).

A text search held in memory (``link_matrix``) reads its matches from the
full-text index as one list. For a common word that list is a large part of the
index: at 100,000 articles "Taliban" is in 667,523 of 1,287,953 passages, read
in 82 ms, and FTS5 takes 30 ms only to count them. A word in at least one
passage of 32 takes less memory as a bitmap (a bit per passage, 161 KB there)
than as a list of 32-bit positions, so the words that common are held as
bitmaps, the most frequent first, up to ``WORDS_BYTES``; a search of them is an
AND of bitmaps.

Only a single plain word is looked up here, and only when it is ASCII letters
and digits, by the keys the backend gives it (``Backend.word_keys``: SQLite's
FTS5 keeps it in lower case; PostgreSQL keeps an English passage's words stemmed,
"talks" as "talk", and another script's as written). Phrases, prefixes, rarer
words and other scripts are read from the index as before (a rare word's list is
short). The bitmaps belong to one version of the index, as the matrix does; a
matrix patched to a newer version (``matrix_patch``) patches its earlier
version's bitmaps too (``WordBits.patch``), instead of reading every word again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from articles.backends import Connection
from articles.backends.base import Terms
from articles.index.codec import passage_range
from articles.query.id_lists import parse_ints
from articles.query.matrix_patch import Moved

#: At most this many bytes of bitmaps a matrix holds, 128 MiB (100,000 articles:
#: 161 KB a word, so 832 words). The synthetic corpus has 521 words in 1 passage
#: of 32 on SQLite, 488 lexemes on PostgreSQL: all are held. A frequent word left
#: out sends a search of it to SQL whole: with 64 MiB (416 words) PostgreSQL left
#: out "refuge" and "mistak", and "refugees" took 196 ms held against 17 to 27
#: for held words (``make bench-scale``'s full-text searches, 100,000 articles).
WORDS_BYTES = 128 << 20
#: A word is held when it is in at least one passage of this many.
SPARSEST = 32
#: More articles added or rewritten than this, and the bitmaps are read anew:
#: ``patch`` looks each up for every word (100,000 articles on SQLite: 521
#: words, 24 ms an article; ``fill`` takes 11 s).
PATCH_MOST = 100
#: Seconds between two questions to ``fill``'s ``moved_on``.
ASK_EVERY = 1.0
#: The keys bitmaps answer a search with (``WordBits.split``): per search
#: configuration, the keys a passage must all hold (it is found when it holds
#: those of any configuration); empty when bitmaps answer none of it.
Keys = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Carried:
    """An earlier version's bitmaps, and how its passages moved (``Moved``)."""

    bits: dict[str, np.ndarray]
    unheld: frozenset[str]
    moved: Moved


class WordBits:
    """The bitmaps of one index version's frequent words, filled once, then read.

    Empty until ``fill`` or ``patch`` finishes (a search reads its words from
    SQL until then). ``carried``: an earlier version's, for ``patch``.
    """

    def __init__(self, carried: Carried | None = None) -> None:
        self.bits: dict[str, np.ndarray] = {}  # word -> packed bit per position
        #: Frequent words listed but not held (no room): slow to read alone.
        self.unheld: frozenset[str] = frozenset()
        self.seconds: float | None = None  # how long ``fill`` (or ``patch``) took
        self._carried = carried

    def carried(self, moved: Moved) -> Carried | None:
        """Return these bitmaps for a newer version's (``moved``: ``Moved``).

        None when there are none yet, or more than `PATCH_MOST` articles were
        added or rewritten: reading every word again is then the faster.
        """
        if not self.bits or len(moved.added) > PATCH_MOST:
            return None
        # a copy that ``patch`` empties as it goes: each old bitmap is let go
        # once moved (this version's matrix is gone by then; a query still
        # reading it keeps its own)
        return Carried(dict(self.bits), self.unheld, moved)

    def patch(
        self,
        con: Connection,
        passages: np.ndarray,
        moved_on: Callable[[], bool] = lambda: False,
    ) -> bool:
        """Hold the carried bitmaps, moved to ``passages``, with the added words.

        Every bitmap's bits from the first position that changed on are moved
        to their passages' new positions (an article published today moves
        only the last bytes); the added and rewritten articles' passages are
        looked up for every word held (``Backend.word_reads_between``). The
        same words as before are held. False: nothing carried (``fill``).
        ``con`` reads the version of ``passages`` (one snapshot); when
        ``moved_on`` says it was written since, nothing is held (this version
        never answers again).
        """
        carried, self._carried = self._carried, None
        if carried is None:
            return False
        began = time.perf_counter()
        moved, size = carried.moved, len(passages)
        found: dict[str, list[np.ndarray]] = {}
        ranges = [passage_range(int(a)) for a in moved.added]
        for sql, args in con.backend.word_reads_between(
            con, list(carried.bits), ranges
        ):
            for word, text in con.execute(sql, args):
                found.setdefault(str(word), []).append(parse_ints(text))
        if moved_on():
            return True
        byte = moved.first // 8
        has = moved.source >= 0
        source = moved.source[has] - byte * 8
        bits: dict[str, np.ndarray] = {}
        for word in list(carried.bits):
            old = carried.bits.pop(word)
            tail = np.zeros(size - byte * 8, bool)
            tail[has] = np.unpackbits(old[byte:])[source]
            bits[word] = np.concatenate((old[:byte], np.packbits(tail)))
            if word in found:
                at = np.searchsorted(passages, np.concatenate(found[word]))
                mark(bits[word], at, size)
        self.unheld = carried.unheld
        self.bits = bits  # one assignment: a reader sees none of them or all
        self.seconds = time.perf_counter() - began
        return True

    @property
    def nbytes(self) -> int:
        """Return the bytes the bitmaps hold."""
        return sum(b.nbytes for b in list(self.bits.values()))

    def fill(
        self,
        con: Connection,
        passages: np.ndarray,
        moved_on: Callable[[], bool] = lambda: False,
    ) -> None:
        """Read the frequent words' passages (``passages``: every id, sorted).

        ``moved_on`` is asked between the backend's statements
        (``Backend.word_reads``), every ``ASK_EVERY``: True (the index was
        written since) stops the reading, which could never answer (seconds at
        100,000 articles: ``make bench-scale``, "frequent words held").
        """
        began = asked = time.perf_counter()
        size = max((len(passages) + 7) // 8, 1)
        least = max(len(passages) // SPARSEST, 1)
        most = WORDS_BYTES // size
        # other scripts among the commonest words are left out, not counted
        words = [
            w for w in con.backend.frequent_words(con, least, 4 * most) if _plain(w)
        ]
        bits = {word: np.zeros(size, np.uint8) for word in words[:most]}
        for sql, args in con.backend.word_reads(con, list(bits)):
            if time.perf_counter() - asked >= ASK_EVERY:
                if moved_on():
                    return
                asked = time.perf_counter()
            for word, text in con.execute(sql, args):
                at = np.searchsorted(passages, parse_ints(text))
                mark(bits[word], at, len(passages))
        self.unheld = frozenset(words[most:])
        self.bits = bits  # one assignment: a reader sees none of them or all
        self.seconds = time.perf_counter() - began

    def split(self, con: Connection, terms: Terms) -> tuple[Keys, Terms]:
        """Return the keys bitmaps answer for ``terms``, and the terms left to SQL.

        With one search configuration (SQLite), each plain word whose key is
        held is answered by its bitmap, and the other terms are read from SQL:
        the search is the AND of both. With several (PostgreSQL: English OR
        simple, ``Backend.word_keys``) that split does not hold, so bitmaps
        answer only a search of plain words of which a key is held and none is
        a frequent word not held; the keys not held, rare, are read one by one
        (``keep``'s ``read``: a rare word's list is short). Else every term is
        read from SQL.
        """
        if not self.bits:
            return (), terms
        plain = [(t, w) for t in terms if (w := _word(t)) is not None]
        configs = con.backend.word_keys(con, [w for _, w in plain]) if plain else None
        if configs is None:
            return (), terms
        if len(configs) == 1:
            held = {
                t: k
                for (t, _), k in zip(plain, configs[0], strict=True)
                if k in self.bits
            }
            rest = tuple(t for t in terms if t not in held)
            return ((tuple(held.values()),) if held else ()), rest
        keys = {k for config in configs for k in config if k is not None}
        if (
            len(plain) < len(terms)
            or keys.isdisjoint(self.bits)
            or not keys.isdisjoint(self.unheld)
        ):
            return (), terms
        return tuple(tuple(k for k in keys if k is not None) for keys in configs), ()

    def keep(
        self, keys: Keys, span: tuple[int, int], read: Callable[[str], np.ndarray]
    ) -> np.ndarray:
        """Return which positions of ``span`` the keys of ``split`` find.

        Those of at least one configuration (a configuration with no key finds
        nothing); ``read(key)`` answers a key not held, over the span.
        """
        lo, hi = span
        out = np.zeros(hi - lo, bool)
        for config in keys:
            if not config:
                continue
            held = [k for k in config if k in self.bits]
            part = self._both(held, span) if held else np.ones(hi - lo, bool)
            for key in config:
                if key not in self.bits:
                    part &= read(key)
            if len(keys) == 1:
                return part
            out |= part
        return out

    def _both(self, words: list[str], span: tuple[int, int]) -> np.ndarray:
        """Return which positions of ``span`` contain every one of ``words``."""
        lo, hi = span
        packed = self.bits[words[0]][lo // 8 : (hi + 7) // 8]
        for word in words[1:]:
            packed = packed & self.bits[word][lo // 8 : (hi + 7) // 8]
        start = lo % 8
        return np.unpackbits(packed)[start : start + hi - lo].astype(bool)


def mark(packed: np.ndarray, positions: np.ndarray, size: int) -> None:
    """Set the bits of ``positions`` in ``packed``, a bitmap of ``size`` bits.

    Many positions: a boolean each, packed (numpy's ``packbits``). Few (a part
    of the index, ``Backend.word_reads``): sorted, and each byte's bits
    OR-ed together (``bitwise_or.reduceat``); ``bitwise_or.at`` took 65 ms
    for 667,523 positions, this 45 ms with the sort, and a boolean per
    passage costs as much whatever the number of positions.
    """
    if not len(positions):
        return
    if len(positions) * 8 >= size:
        found = np.zeros(size, bool)
        found[positions] = True
        packed |= np.packbits(found)
        return
    positions = np.sort(positions)
    at = positions >> 3
    firsts = np.flatnonzero(np.r_[True, at[1:] != at[:-1]])
    bits = (128 >> (positions & 7)).astype(np.uint8)
    packed[at[firsts]] |= np.bitwise_or.reduceat(bits, firsts)


def _word(term: tuple[tuple[str, ...], bool]) -> str | None:
    """Return the term's word as the index keeps it, if it is one plain word."""
    words, prefix = term
    if prefix or len(words) != 1 or not _plain(words[0]):
        return None
    return words[0].lower()


def _plain(word: str) -> bool:
    return word.isascii() and word.isalnum()
