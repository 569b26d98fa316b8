"""Each corpus file's size and modification time as the index holds it, and diffed.

A sync compares what ``scan.scan_corpus`` finds with what the index holds and reads
only the files that differ. At 100,000 files, reading the held stats out of the
``articles`` table costs more than the comparison itself, so a sync also keeps
them in ``meta`` rows (SQLite only), read in three steps: a head (``KEY``: the
counts of files and parts), the names, and the stats in parts of ``PART`` files.
A sync that wrote a few files rewrites the head and the parts that changed, not
all 3 MB of names and stats (at 100,000 files, 1 ms against 11, and the
checkpoint writes that much less).

The head must exist only while the rows equal the ``articles`` table's
``(file, size, mtime_ns)``. A sync that is going to write deletes it in the
transaction that plans the writes, so a killed sync leaves none; it writes a
new one only when no other connection committed since it read the old
(``PRAGMA data_version``), and then rewrites only the parts its own writes
changed; an ingest (``single``) deletes it with its write. Rows whose count of
files is not the table's (a writer that does not know of it) are not used.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import chain

from articles.backends import Connection

KEY = "file_stats"
_NAMES = "file_stats.names"
_PART = "file_stats.{:05d}"
#: Files per saved part of the stats (64 KB).
PART = 4096
#: Format of the head: this tag, then the counts of files and of parts.
_TAG = b"fs2" + (b"<" if sys.byteorder == "little" else b">")
_HEAD = struct.Struct("<4sQQ")
#: Files looked up at a time by name (a parameter each).
_LOOKUP = 500
#: Up to this many files written, each is found by its position in the list.
_FEW = 8
#: Stats compared at a time when looking for the files that changed (even).
_BLOCK = 4096

Stat = tuple[int, int]  # size in bytes, modification time in ns


@dataclass(frozen=True)
class Changes:
    """Files found but not held, held with another stat, held but not found."""

    new: list[str]
    changed: list[str]
    gone: list[str]
    in_order: bool  # held and found name the same files in the same order


@dataclass(frozen=True)
class FileStats:
    """File names with their sizes and modification times (ns).

    ``stats`` is flat, ``names[i]``'s size at ``2 * i`` and its mtime next, so
    that two of them compare (and save) as blocks of memory.
    """

    names: list[str]
    stats: array[int]

    @classmethod
    def of(cls, pairs: Mapping[str, Stat]) -> FileStats:
        """Return the files of a ``name: (size, mtime_ns)`` mapping, in its order."""
        return cls(list(pairs), array("q", chain.from_iterable(pairs.values())))

    def as_dict(self) -> dict[str, Stat]:
        """Return ``name: (size, mtime_ns)``."""
        pairs = zip(self.stats[0::2], self.stats[1::2], strict=True)
        return dict(zip(self.names, pairs, strict=True))

    def changes(self, now: FileStats) -> Changes:
        """Compare what is held (``self``) with what is found ``now``.

        When the names are in the same order (nothing added or removed since the
        last sync), two comparisons of lists answer.
        """
        if self.names == now.names:
            if self.stats == now.stats:
                return Changes([], [], [], in_order=True)
            changed = [self.names[i] for i in _differing(self.stats, now.stats)]
            return Changes([], changed, [], in_order=True)
        held, found = self.as_dict(), now.as_dict()
        new_files = [name for name in found if name not in held]
        changed = [n for n, st in found.items() if n in held and held[n] != st]
        gone = [name for name in held if name not in found]
        return Changes(new_files, changed, gone, in_order=False)

    def merged(
        self, gone: Collection[str], written: Mapping[str, Stat], order: FileStats
    ) -> FileStats:
        """Return what is held once ``gone`` are deleted and ``written`` stored.

        In the order of ``order`` (the scan), then the names it lacks, so that the
        next sync's scan compares as two lists.
        """
        if not gone and len(written) <= _FEW and self.names == order.names:
            stats = array("q", self.stats)
            try:
                for name, (size, mtime) in written.items():
                    at = 2 * self.names.index(name)
                    stats[at], stats[at + 1] = size, mtime
            except ValueError:  # a file the index did not hold
                pass
            else:
                return FileStats(self.names, stats)
        held = self.as_dict()
        for name in gone:
            held.pop(name, None)
        held.update(written)
        names = [name for name in order.names if name in held]
        if len(names) < len(held):
            listed = set(names)
            names += [name for name in held if name not in listed]
        return FileStats.of({name: held[name] for name in names})


def _differing(old: array[int], new: array[int]) -> list[int]:
    """Return the positions of the files whose stats differ (as many in each).

    A block at a time is compared as a whole; only a differing block is looked
    into, file by file.
    """
    out: list[int] = []
    for at in range(0, len(old), _BLOCK):
        end = min(at + _BLOCK, len(old))
        if old[at:end] != new[at:end]:
            out.extend(
                i
                for i in range(at // 2, end // 2)
                if old[2 * i] != new[2 * i] or old[2 * i + 1] != new[2 * i + 1]
            )
    return out


def held_stats(con: Connection) -> tuple[FileStats, bool]:
    """Return what the index holds of each file, and whether the saved row said so.

    Call inside the transaction that acts on it.
    """
    saved = read_saved(con)
    if saved is not None:
        count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        if count == len(saved.names):
            return saved, True
    rows = con.execute("SELECT file, size, mtime_ns FROM articles").fetchall()
    stats = array("q", chain.from_iterable((r[1], r[2]) for r in rows))
    return FileStats([r[0] for r in rows], stats), False


def held_rows(con: Connection, names: list[str]) -> dict[str, tuple[int, str, str]]:
    """Return ``file: (id, slug, file_hash)`` of the named files the index holds."""
    out: dict[str, tuple[int, str, str]] = {}
    for at in range(0, len(names), _LOOKUP):
        some = names[at : at + _LOOKUP]
        marks = ", ".join("?" * len(some))
        for file, key, slug, digest in con.execute(
            f"SELECT file, id, slug, file_hash FROM articles WHERE file IN ({marks})",
            some,
        ):
            out[file] = (int(key), str(slug), bytes(digest).hex())
    return out


def others_committed(con: Connection) -> int | None:
    """Return a number that changes when another connection commits (or None).

    SQLite's ``PRAGMA data_version``; other backends give None, and then the
    stats are never saved.
    """
    if con.backend.name != "sqlite":
        return None
    return int(con.execute("PRAGMA data_version").fetchone()[0])


def save_stats(
    con: Connection, stats: FileStats, previous: FileStats | None = None
) -> None:
    """Save what the index now holds of each file (inside a write transaction).

    ``previous``: what the saved rows hold (their head was read, and no one
    wrote since): then only the names and parts that differ are written.
    """
    same_names = previous is not None and previous.names == stats.names
    if not same_names:
        _put(con, [(_NAMES, pack_names(stats.names))])
    parts = -(-len(stats.names) // PART)
    rows = []
    for i in range(parts):
        at, end = 2 * PART * i, 2 * PART * (i + 1)
        part = stats.stats[at:end]
        if not same_names or previous is None or previous.stats[at:end] != part:
            rows.append((_PART.format(i), part.tobytes()))
    _put(con, rows)
    con.execute(
        "DELETE FROM meta WHERE key BETWEEN ? AND ?",
        (_PART.format(parts), _PART.format(99999)),
    )
    _put(con, [(KEY, _HEAD.pack(_TAG, len(stats.names), parts))])


def read_saved(con: Connection) -> FileStats | None:
    """Return the saved stats (None: no head, or rows of another format)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    if row is None or not isinstance(row[0], bytes) or len(row[0]) != _HEAD.size:
        return None
    tag, count, parts = _HEAD.unpack(row[0])
    names_row = con.execute(
        "SELECT value FROM meta WHERE key = ?", (_NAMES,)
    ).fetchone()
    if tag != _TAG or names_row is None or not isinstance(names_row[0], bytes):
        return None
    flat = array("q")
    for (part,) in con.execute(
        "SELECT value FROM meta WHERE key BETWEEN ? AND ? ORDER BY key",
        (_PART.format(0), _PART.format(parts - 1)),
    ):
        flat.frombytes(part)
    if len(flat) != 2 * count:
        return None
    names = unpack_names(names_row[0], count)
    return None if names is None else FileStats(names, flat)


def _put(con: Connection, rows: list[tuple[str, bytes]]) -> None:
    con.executemany(
        "INSERT INTO meta VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        rows,
    )


def forget_stats(con: Connection) -> None:
    """Delete the saved stats (in the transaction that changes the ``articles``)."""
    con.execute("DELETE FROM meta WHERE key = ?", (KEY,))


def pack_names(names: list[str]) -> bytes:
    """Return file names as one block of bytes (``unpack_names`` reads it)."""
    return "\0".join(names).encode("utf-8", "surrogateescape")


def unpack_names(blob: bytes, count: int) -> list[str] | None:
    """Return the ``count`` names packed in ``blob``, or None if it holds others."""
    names = blob.decode("utf-8", "surrogateescape").split("\0") if count else []
    return names if len(names) == count else None
