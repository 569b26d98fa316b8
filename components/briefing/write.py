"""Write several files all or nothing: temporary files first, then renames."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_all(outputs: Mapping[Path, bytes]) -> None:
    """Write every ``path -> bytes``; on any failure leave no file half-written.

    Each file goes to a temporary file in its target directory, and only when all
    are written are they renamed into place (a rename is atomic on one filesystem).

    Raises
    ------
    OSError
        A directory is missing or not writable; no target was touched.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs.items():
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            temps.append((Path(name), path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(name, 0o666 & ~_umask())
        for temp, path in temps:
            os.replace(temp, path)
    finally:
        for temp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def _umask() -> int:
    """Return the process umask (reading it means setting it; restore at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
