"""How the index packs values: integer ids, days, ranks, spans, text and its hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import zlib
from array import array

#: Day 0 of the index's day numbers.
EPOCH = dt.date(1900, 1, 1)
MAX_DAY = (1 << 16) - 1
SEQ_BITS = 17
N_BITS = 12
MAX_PASSAGES = (1 << N_BITS) - 1
DAY_SHIFT = SEQ_BITS + N_BITS
#: ``how`` codes, strongest first; MEMBER marks a member's link rolled up.
HOW_CODES = {"name": 0, "alias": 1, "demonym": 2, "implied": 3}
HOW_NAMES = tuple(HOW_CODES)
MEMBER = 4
_WORDS = re.compile(r"[^\W_]+")


def to_day(day: dt.date) -> int:
    """Days since 1900-01-01, clamped to 0..65535 (1900 to 2079)."""
    return min(max((day - EPOCH).days, 0), MAX_DAY)


def from_day(number: int) -> dt.date:
    """The date of a day number."""
    return EPOCH + dt.timedelta(days=number)


def article_key(day: int, seq: int) -> int:
    """An article's integer id: its publication day, then its order within the day."""
    return day << SEQ_BITS | seq


def passage_key(article: int, n: int) -> int:
    """A passage's integer id (descending ids: newest first, reading order)."""
    return article << N_BITS | (MAX_PASSAGES - n)


def passage_n(key: int) -> int:
    """The paragraph number of a passage id."""
    return MAX_PASSAGES - (key & MAX_PASSAGES)


def passage_range(article: int) -> tuple[int, int]:
    """First and last possible passage id of an article."""
    return article << N_BITS, (article << N_BITS) | MAX_PASSAGES


def rank(how: int, mentions: int) -> int:
    """Rank of a link (higher is better): how it was made, then how many mentions."""
    return (MEMBER - how) << 10 | min(mentions, 1023)


def pack_spans(spans: tuple[tuple[int, int], ...]) -> bytes:
    """Spans as little-endian start/end pairs: 16-bit when they fit, else 32-bit.

    A 32-bit blob (rare: a passage over 65,535 characters) ends with one marker
    byte, so its length is 1 modulo 4; a 16-bit blob's length is a multiple of 4.
    """
    flat = [v for span in spans for v in span]
    wide = any(v > 0xFFFF for v in flat)
    values = array("I" if wide else "H", flat)
    if sys.byteorder != "little":
        values.byteswap()
    blob = values.tobytes()
    return blob + b"\0" if wide else blob


def unpack_spans(blob: bytes) -> tuple[tuple[int, int], ...]:
    """Inverse of ``pack_spans``."""
    values = array("I" if len(blob) % 4 == 1 else "H")
    values.frombytes(blob[: len(blob) - len(blob) % values.itemsize])
    if sys.byteorder != "little":
        values.byteswap()
    return tuple(zip(values[::2], values[1::2], strict=True))


def pack_text(text: str) -> bytes:
    """A passage's text, zlib-compressed."""
    return zlib.compress(text.encode("utf-8"), 9)


def unpack_text(blob: bytes) -> str:
    """Inverse of ``pack_text``."""
    return zlib.decompress(blob).decode("utf-8")


def dup_hash(text: str) -> int:
    """A signed 64-bit hash of the passage's words, case-folded (near-duplicates).

    Wire copies of one story differ in punctuation, spacing and case; their words
    are the same, so they share this hash.
    """
    words = " ".join(_WORDS.findall(text.casefold()))
    digest = hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
