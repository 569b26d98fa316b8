"""Read a file only if it is a regular file, never more than a limit, never blocking."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from articles.limits import too_large

_CHUNK = 1 << 16


class FileRefused(ValueError):
    """The path is not a readable regular file within the limits; one-line message."""


def read_limited(path: Path, limit: int, *, within: Path | None = None) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes.

    FIFOs, devices, sockets and directories are refused from ``stat`` before they
    are opened; the file is then opened with ``O_NONBLOCK`` (a FIFO swapped in
    meanwhile cannot hang the open) and checked again on the open descriptor, and
    at most ``limit + 1`` bytes are read (a growing file cannot exhaust memory).

    Parameters
    ----------
    path : Path
        The file.
    limit : int
        Largest size accepted, in bytes.
    within : Path, optional
        A folder the file must really be in: a symbolic link leading out of it is
        refused (the corpus).

    Returns
    -------
    bytes

    Raises
    ------
    FileRefused
        Missing, not a regular file, a link out of ``within``, too large, unreadable.
    """
    try:
        if within is not None and not _inside(path, within):
            raise FileRefused("a symbolic link leading out of the corpus")
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise FileRefused("not a regular file (a FIFO, device or folder)")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise FileRefused("no such file (or a broken link)") from None
    except OSError as exc:
        raise FileRefused(f"cannot read the file: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("not a regular file (a FIFO, device or folder)")
        if info.st_size > limit:
            raise FileRefused(too_large(limit))
        data = _read_upto(fd, limit + 1)
    except OSError as exc:
        raise FileRefused(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefused(too_large(limit))
    return data


def _inside(path: Path, folder: Path) -> bool:
    """Tell whether ``path``, links resolved, lies in ``folder``."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def _read_upto(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = os.read(fd, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
