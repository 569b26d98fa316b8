"""Hostile article files, generated at test time (nothing dangerous is committed).

Each `Hostile` names a file, how to make it in a folder, and the words the one-line
reason must contain. `make` writes it; FIFOs and symbolic links are made with
``os.mkfifo`` / ``os.symlink`` and only exist in the test's tmp folder.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from articles.limits import MAX_FILE_BYTES

BODY = "The Wakhan Corridor is quiet today, a reporter wrote from Kabul.\n"


def front(fields: str, body: str = BODY) -> bytes:
    """A Markdown article with the given front-matter lines."""
    return f"---\n{fields}\n---\n\n{body}".encode()


def nesting(levels: int) -> bytes:
    """Title nested ``levels`` deep in YAML flow lists (the libyaml segfault)."""
    return front("title: " + "[" * levels + "]" * levels + "\npublished: 2025-01-02")


def alias_bomb(field: str) -> bytes:
    """Nine levels of nine aliases (548 bytes of YAML, ~387 million strings)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append(f"{field}: *i\npublished: 2025-01-02")
    return front("\n".join(lines))


@dataclass(frozen=True)
class Hostile:
    """One hostile file: its name, how to make it, what the refusal says."""

    name: str
    filename: str
    make: Callable[[Path], None]
    reason: str
    bytes_only: bool = True  # False: a FIFO or link, not an upload


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def _random_binary() -> bytes:
    rng = random.Random(10)
    return bytes(rng.randrange(256) for _ in range(4096))


def _invalid_utf8() -> bytes:
    return b"Kabul \xff\xfe\xfd " * 400


def _bad_utf16() -> bytes:
    return codecs.BOM_UTF16_LE + "Wakhan ".encode("utf-16-le") + b"\x00\xd8\x41"


HOSTILE: tuple[Hostile, ...] = (
    Hostile("deep-nesting-30000", "bomb.md", _write(nesting(30_000)), "larger than"),
    Hostile("deep-nesting-5000", "nest.md", _write(nesting(5_000)), "nested deeper"),
    Hostile("alias-bomb-title", "alias.md", _write(alias_bomb("title")), "aliases"),
    Hostile("alias-bomb-author", "alias2.md", _write(alias_bomb("author")), "aliases"),
    Hostile(
        "impossible-date",
        "date.md",
        _write(front("title: T\npublished: 2025-02-30")),
        "not a calendar date",
    ),
    Hostile(
        "impossible-month",
        "month.md",
        _write(front("title: T\npublished: 2025-01-02\nposted: 2025-13-01")),
        "not a calendar date",
    ),
    Hostile(
        "long-title",
        "long.md",
        _write(front("title: " + "w" * 301 + "\npublished: 2025-01-02")),
        "longer than 300",
    ),
    Hostile(
        "nested-title",
        "list.md",
        _write(front("title: [a, b]\npublished: 2025-01-02")),
        "must be text",
    ),
    Hostile(
        "python-tag",
        "tag.md",
        _write(front("title: !!python/object/apply:os.system [id]")),
        "invalid YAML",
    ),
    Hostile(
        "control-characters-body",
        "ctl.txt",
        _write(("Kabul \x01\x02\x03\x04\x05 " * 60).encode()),
        "binary",
    ),
    Hostile("binary", "bin.md", _write(_random_binary()), "binary"),
    Hostile("utf16-invalid", "u16.txt", _write(_bad_utf16()), "undecodable"),
    Hostile("invalid-utf8", "bad8.txt", _write(_invalid_utf8()), "undecodable"),
    Hostile(
        "oversized",
        "big.txt",
        _write(b"Kabul " * (MAX_FILE_BYTES // 6 + 1)),
        "too large",
    ),
    Hostile("empty", "empty.md", _write(b""), "empty file"),
    Hostile("fifo", "x.md", _fifo, "not a regular file", bytes_only=False),
    Hostile(
        "link-to-dev-zero",
        "zero.md",
        _link_to("/dev/zero"),
        "not a regular file",
        bytes_only=False,
    ),
)
BY_NAME = {h.name: h for h in HOSTILE}


def make(hostile: Hostile, folder: Path) -> Path:
    """Create the hostile file in ``folder``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / hostile.filename
    hostile.make(path)
    return path


def hash_tree(*roots: Path) -> dict[str, str]:
    """SHA-256 of every file under ``roots`` (missing roots skipped): the state."""
    state: dict[str, str] = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if path.is_file() and not path.is_symlink():
                state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state
