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
and digits: the full-text index keeps such a word in lower case (its tokenizer's
folding of other scripts is the index's to decide). Phrases, prefixes, rarer
words and other scripts are read from the index as before (a rare word's list is
short). The bitmaps belong to one version of the index, as the matrix does.
"""

from __future__ import annotations

import time

import numpy as np

from articles.backends import Connection
from articles.backends.base import Terms
from articles.query.id_lists import read_passages

#: At most this many bytes of bitmaps a matrix holds, 64 MiB (100,000 articles:
#: 161 KB a word, so 416 words; the synthetic corpus has 509 in 1 passage of 32).
WORDS_BYTES = 64 << 20
#: A word is held when it is in at least one passage of this many.
SPARSEST = 32


class WordBits:
    """The bitmaps of one index version's frequent words, filled once, then read.

    Empty until ``fill`` finishes (a search reads its words from SQL until then).
    """

    def __init__(self) -> None:
        self.bits: dict[str, np.ndarray] = {}  # word -> packed bit per position
        self.seconds: float | None = None  # how long ``fill`` took

    @property
    def nbytes(self) -> int:
        """Return the bytes the bitmaps hold."""
        return sum(b.nbytes for b in list(self.bits.values()))

    def fill(self, con: Connection, passages: np.ndarray) -> None:
        """Read the frequent words' passages (``passages``: every id, sorted)."""
        began = time.perf_counter()
        size = max((len(passages) + 7) // 8, 1)
        least = max(len(passages) // SPARSEST, 1)
        most = WORDS_BYTES // size
        # other scripts among the commonest words are left out, not counted
        words = con.backend.frequent_words(con, least, 4 * most)
        bits: dict[str, np.ndarray] = {}
        for word in words:
            if len(bits) == most:
                break
            if not _plain(word):
                continue
            found = np.zeros(len(passages), bool)
            matching = read_passages(con, *con.backend.fts_match((((word,), False),)))
            found[np.searchsorted(passages, matching)] = True
            bits[word] = np.packbits(found)
        self.bits = bits  # one assignment: a reader sees none of them or all
        self.seconds = time.perf_counter() - began

    def split(self, terms: Terms) -> tuple[list[str], Terms]:
        """Return the held words among ``terms``, and the other terms."""
        held: list[str] = []
        rest = []
        for term in terms:
            word = _word(term)
            if word is not None and word in self.bits:
                held.append(word)
            else:
                rest.append(term)
        return held, tuple(rest)

    def keep(self, words: list[str], span: tuple[int, int]) -> np.ndarray:
        """Return which positions of ``span`` contain every one of ``words``."""
        lo, hi = span
        packed = self.bits[words[0]][lo // 8 : (hi + 7) // 8]
        for word in words[1:]:
            packed = packed & self.bits[word][lo // 8 : (hi + 7) // 8]
        start = lo % 8
        return np.unpackbits(packed)[start : start + hi - lo].astype(bool)


def _word(term: tuple[tuple[str, ...], bool]) -> str | None:
    """Return the term's word as the index keeps it, if it is one plain word."""
    words, prefix = term
    if prefix or len(words) != 1 or not _plain(words[0]):
        return None
    return words[0].lower()


def _plain(word: str) -> bool:
    return word.isascii() and word.isalnum()
