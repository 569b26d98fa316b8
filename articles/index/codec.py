"""How the index packs values: integer ids, days, ranks, spans, text and its hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

from articles.words import joined_words

#: Day 0 of the index's day numbers.
EPOCH = dt.date(1900, 1, 1)
MAX_DAY = (1 << 16) - 1
SEQ_BITS = 17
N_BITS = 12
_SLOTS = (1 << N_BITS) - 1
#: Most body paragraphs (and most headings) one article may have in the index.
MAX_PASSAGES = (1 << (N_BITS - 1)) - 1
_HEADING_TOP = MAX_PASSAGES
DAY_SHIFT = SEQ_BITS + N_BITS
#: ``how`` codes, strongest first; MEMBER marks a member's link rolled up. ADDED
#: (-1: ranks above a name, counts as a direct link) is a link an analyst added
#: (issue 14); it comes last in HOW_NAMES so that ``HOW_NAMES[ADDED]`` names it.
ADDED = -1
HOW_CODES = {"name": 0, "alias": 1, "demonym": 2, "implied": 3, "added": ADDED}
HOW_NAMES = tuple(HOW_CODES)
MEMBER = 4


def to_day(day: dt.date) -> int:
    """Return days since 1900-01-01, clamped to 0..65535 (1900 to 2079)."""
    return min(max((day - EPOCH).days, 0), MAX_DAY)


def from_day(number: int) -> dt.date:
    """Return the date of a day number."""
    return EPOCH + dt.timedelta(days=number)


def article_key(day: int, seq: int) -> int:
    """Return an article's integer id: publication day, then order within the day."""
    return day << SEQ_BITS | seq


def passage_slot(passage_id: str) -> int:
    """Return the slot of a public passage id (``...#p<n>``, ``#h<k>``, ``#t``).

    Body paragraph n: ``4095 - n`` (n from 1 to `MAX_PASSAGES`); heading k:
    ``2047 - k``; the title: 0. Descending slots read an article's paragraphs in
    order, then its headings, then its title.

    Raises
    ------
    ValueError
        Not such an id, or a number out of range.
    """
    suffix = passage_id.rpartition("#")[2]
    if suffix == "t":
        return 0
    kind, number = suffix[:1], int(suffix[1:])
    if kind == "p" and 1 <= number <= MAX_PASSAGES:
        return _SLOTS - number
    if kind == "h" and 1 <= number < _HEADING_TOP:
        return _HEADING_TOP - number
    raise ValueError(f"not a passage id: {passage_id!r}")


def passage_key(article: int, slot: int) -> int:
    """Return a passage's integer id (descending ids: newest first, reading order)."""
    return article << N_BITS | slot


def passage_suffix(key: int) -> str:
    """Return the public suffix of a passage id: ``p<n>``, ``h<k>`` or ``t``."""
    slot = key & _SLOTS
    if slot > _HEADING_TOP:
        return f"p{_SLOTS - slot}"
    return f"h{_HEADING_TOP - slot}" if slot else "t"


def passage_kind(key: int) -> str:
    """Return what a passage is: ``body``, ``heading`` or ``title``."""
    slot = key & _SLOTS
    return "body" if slot > _HEADING_TOP else "heading" if slot else "title"


def passage_n(key: int) -> int:
    """Return the paragraph number of a body passage id (0 for a heading or title)."""
    slot = key & _SLOTS
    return _SLOTS - slot if slot > _HEADING_TOP else 0


def passage_range(article: int) -> tuple[int, int]:
    """Return the first and last possible passage id of an article."""
    return article << N_BITS, (article << N_BITS) | _SLOTS


#: Mentions a link's rank tells apart (more rank as this many). With six ways a
#: link is made (``ADDED`` to ``MEMBER``), every rank is below 128: one byte in
#: each of the millions of ``link_rank`` rows, against two for a wider range.
RANK_MENTIONS = 20
RANK_STEP = RANK_MENTIONS + 1


def rank(how: int, mentions: int) -> int:
    """Return a link's rank (higher is better): how it was made, then mentions."""
    return (MEMBER - how) * RANK_STEP + min(mentions, RANK_MENTIONS)


def pack_spans(spans: Sequence[tuple[int, int]]) -> bytes:
    """Pack spans as varints: each start after the previous one's, then the length.

    About 3 bytes a span (a start within a paragraph takes two, a name's length
    one) against 4 for 16-bit pairs: 18 MB of ``links`` at 100,000 synthetic
    articles. Starts are zigzag-coded, so spans in any order pack.
    """
    out = bytearray()
    previous = 0
    for start, end in spans:
        if end < start or start < 0:
            raise ValueError(f"not a span: {start}:{end}")
        step = start - previous
        _put_varint(out, step << 1 if step >= 0 else (-step << 1) - 1)
        _put_varint(out, end - start)
        previous = start
    return bytes(out)


def _put_varint(out: bytearray, value: int) -> None:
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def unpack_spans(blob: bytes) -> tuple[tuple[int, int], ...]:
    """Inverse of ``pack_spans``."""
    values: list[int] = []
    value = shift = 0
    for byte in blob:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            values.append(value)
            value = shift = 0
    spans: list[tuple[int, int]] = []
    start = 0
    for step, length in zip(values[::2], values[1::2], strict=True):
        start += step >> 1 if not step & 1 else -((step + 1) >> 1)
        spans.append((start, start + length))
    return tuple(spans)


#: The commonest English function words, left out of the full-text index: about
#: two words in five of running English text, so a third of the index's size,
#: and never what an analyst searches for. Words that are also names here are
#: kept: "US", "IS" (Islamic State), "IT", "AN". A phrase keeps its order
#: ("Line of Control" finds "line control" adjacency); a search made only of
#: these words finds nothing.
STOPWORDS = frozenset((
    "a", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "into", "its", "of", "on", "or", "she",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "was", "were", "which", "who", "will", "with", "would",
))  # fmt: skip
_WORD_RUNS = re.compile(r"([^\W_]+)")
_STOP = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(sorted(STOPWORDS, key=len, reverse=True))
    + r")(?![^\W_])",
    re.IGNORECASE,
)


def index_words(text: str) -> str:
    """Return ``text`` as the full-text index sees it: stop words blanked out."""
    if not text.isascii():  # case-insensitive matching has non-ASCII subtleties
        return _STOP.sub(" ", text)
    # ASCII: cut into words and blank the stop words, at half the cost of the
    # case-insensitive alternation (the same result: tests/articles/index)
    parts = _WORD_RUNS.split(text)
    parts[1::2] = [" " if w.lower() in STOPWORDS else w for w in parts[1::2]]
    return "".join(parts)


def word_set(text: str) -> frozenset[str]:
    """Return the passage's distinct words, case-folded (near-duplicate checks)."""
    return frozenset(joined_words(text).split())


def dup_hash(text: str) -> int:
    """Hash the passage's words, case-folded, to a signed 64-bit int (duplicates).

    Wire copies of one story differ in punctuation, spacing and case; their words
    are the same, so they share this hash.
    """
    words = joined_words(text)
    digest = hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
