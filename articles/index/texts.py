"""An article's passage texts, packed: zstd with a dictionary trained on the corpus.

The index keeps every article's passage texts as one compressed stream
(``article_texts.text``; ``passages.pos`` is a passage's place in it), with
what only a page of hits reads: the article's headings (``passages.section`` is
a passage's place among them) and the dates each passage mentions, in the form
shown (the ``dates`` table keeps their days for date windows). Kept in the
articles' and passages' rows, they took 36 MB at 100,000 synthetic articles;
packed here they add 0.8 MB to the texts' 5.4 at 10,000.

Articles are a few kilobytes each, too short for a compressor to learn their
language alone; articles of one corpus share most of it (sources' boilerplate, the
region's names, the phrases of the beat). So the first sync that writes
anything once the corpus holds ``TRAIN_MIN`` files trains a zstd dictionary on
a sample of them (raw files, about 0.2 s for 1,000) and stores it in
``text_dicts``; every later article is compressed against it (the articles
written before stay as they are: readable, only less compact). Each stream
names its dictionary in its zstd frame header, so a stream stays readable
whatever dictionary the index holds (streams written before there was one
need none; zlib streams of older PostgreSQL indexes are read too).

Measured on bench-scale's synthetic corpus (10,000 articles, 65.8 MB of
passage texts): zlib level 9 gave 24.0 MB in 1.63 s; zstd level 9 with a
112 KB dictionary 5.2 MB in 1.05 s, decompression 4 microseconds an article.
The synthetic articles are drawn from templates, so that ratio overstates what
a real corpus gains; a corpus without shared phrasing gains what zstd alone
gives (about zlib's ratio).

zstandard (the reference C library's bindings) does the compression and the
dictionary training.
"""

from __future__ import annotations

import json
import weakref
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import zstandard

from articles.backends import Connection
from articles.limits import MAX_CORPUS_FILE_BYTES
from articles.recent import Recent
from articles.safe_read import FileRefused, read_limited

#: Files the corpus must hold for a sync to train a dictionary (fewer give a
#: poor one; a small corpus compresses well enough without).
TRAIN_MIN = 200
#: Files sampled (evenly over the corpus) to train it.
TRAIN_SAMPLES = 1000
#: Dictionary size: zstd's default (``zstd --train``).
DICT_BYTES = 112 * 1024
LEVEL = 9
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class TextPacker:
    """Compresses an article's texts against a dictionary (or none).

    Pickles as its dictionary's bytes (sync's workers each build their own
    compressor).
    """

    def __init__(self, dictionary: bytes | None = None) -> None:
        self.dictionary = dictionary
        self._compressor: zstandard.ZstdCompressor | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"dictionary": self.dictionary}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.dictionary = state["dictionary"]
        self._compressor = None

    def pack(
        self,
        texts: Sequence[str],
        headings: Sequence[str] = (),
        dates: Sequence[Sequence[Sequence[object]]] = (),
    ) -> bytes:
        """Compress an article's texts, headings and dates by text (one zstd frame).

        ``dates[i]`` are the dates ``texts[i]`` mentions (as ``work.DateRow``).
        """
        if self._compressor is None:
            data = (
                None
                if self.dictionary is None
                else zstandard.ZstdCompressionDict(self.dictionary)
            )
            self._compressor = zstandard.ZstdCompressor(level=LEVEL, dict_data=data)
        packed = {"t": list(texts), "h": list(headings), "d": [list(d) for d in dates]}
        return self._compressor.compress(
            json.dumps(packed, ensure_ascii=False).encode()
        )


def train(samples: Iterable[bytes]) -> bytes | None:
    """Return a dictionary trained on ``samples`` (None: too few to train on)."""
    kept: list[bytes | bytearray | memoryview] = [s for s in samples if s]
    if len(kept) < TRAIN_MIN // 2:
        return None
    try:
        return zstandard.train_dictionary(DICT_BYTES, kept).as_bytes()
    except zstandard.ZstdError:  # samples too small or too alike to learn from
        return None


def index_packer(con: Connection, corpus: Path, names: Sequence[str]) -> TextPacker:
    """Return the packer for the index's new articles.

    Its stored dictionary; else, when ``names`` (the files of the folder
    ``corpus``) are at least ``TRAIN_MIN``, one trained on a sample of them
    now and stored (a writer that stored one meanwhile wins: its dictionary is
    used).
    """
    stored = stored_dictionary(con)
    if stored is not None or len(names) < TRAIN_MIN:
        return TextPacker(stored)
    step = max(1, len(names) // TRAIN_SAMPLES)
    trained = train(_sample(corpus / name) for name in names[::step][:TRAIN_SAMPLES])
    if trained is None:
        return TextPacker(None)
    con.backend.begin(con)
    try:
        stored = stored_dictionary(con)
        if stored is None:
            store_dictionary(con, trained)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return TextPacker(stored or trained)


def _sample(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_CORPUS_FILE_BYTES, within=path.parent)
    except (FileRefused, OSError):
        return b""  # the worker reports why, when it reads the file


def stored_dictionary(con: Connection) -> bytes | None:
    """Return the index's dictionary (None: it has none yet)."""
    row = con.execute("SELECT dict FROM text_dicts ORDER BY id LIMIT 1").fetchone()
    return None if row is None else bytes(row[0])


def store_dictionary(con: Connection, dictionary: bytes) -> None:
    """Record ``dictionary`` (inside a write transaction)."""
    ident = zstandard.ZstdCompressionDict(dictionary).dict_id()
    con.execute("INSERT INTO text_dicts VALUES (?, ?)", (ident, dictionary))


#: Each open connection's decompressors, by dictionary id (a dictionary's id is
#: 31 bits of its hash: only one index's dictionaries are trusted with its texts).
_READERS: weakref.WeakKeyDictionary[Any, dict[int, zstandard.ZstdDecompressor]] = (
    weakref.WeakKeyDictionary()
)


class Packed(NamedTuple):
    """An article's texts, headings and dates by text, unpacked."""

    texts: list[str]
    headings: list[str]
    dates: list[list[list[Any]]]

    def heading(self, section: int | None) -> str:
        """Return the heading of section ``section`` ("" for none, or unknown)."""
        if section is None or not 0 <= section < len(self.headings):
            return ""
        return self.headings[section]

    def dates_of(self, pos: int) -> list[list[Any]]:
        """Return the dates the text at ``pos`` mentions."""
        return self.dates[pos] if pos < len(self.dates) else []


def unpack_article(con: Connection, blob: bytes) -> Packed:
    """Inverse of ``TextPacker.pack``, with the dictionaries of ``con``'s index.

    A zlib stream (a PostgreSQL index migrated to 0004 and not yet synced)
    holds the texts alone: no headings, no dates until the next sync.
    """
    blob = bytes(blob)
    if blob[:4] != _ZSTD_MAGIC:
        return Packed(list(json.loads(zlib.decompress(blob).decode("utf-8"))), [], [])
    ident = zstandard.get_frame_parameters(blob).dict_id
    readers = _READERS.setdefault(con, {})
    reader = readers.get(ident)
    if reader is None:
        reader = readers[ident] = _reader(con, ident)
    data = json.loads(reader.decompress(blob).decode("utf-8"))
    return Packed(list(data["t"]), list(data["h"]), list(data["d"]))


#: Dictionaries kept at most (an index has one; a rebuilt one another).
DICTS_KEPT = 8
#: Dictionaries read, by index location and id: a dictionary never changes under
#: its id, so each query's connection need not read it again (PostgreSQL: 1 to
#: 2 ms of a page of hits, at 10,000 articles). Each connection gets its own
#: decompressor (they are not to be shared between threads); the digested
#: dictionary inside is shared, as zstd allows.
_DICTS: Recent[tuple[str, int], zstandard.ZstdCompressionDict] = Recent(DICTS_KEPT)


def _reader(con: Connection, ident: int) -> zstandard.ZstdDecompressor:
    if not ident:
        return zstandard.ZstdDecompressor()
    key = (con.backend.location(), ident)
    data = _DICTS.get(key)
    if data is None:
        row = con.execute(
            "SELECT dict FROM text_dicts WHERE id = ?", (ident,)
        ).fetchone()
        if row is None:
            raise ValueError(f"the index lost the dictionary {ident} of its texts")
        data = _DICTS.put(key, zstandard.ZstdCompressionDict(bytes(row[0])))
    return zstandard.ZstdDecompressor(dict_data=data)
