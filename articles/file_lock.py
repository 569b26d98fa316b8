"""An exclusive advisory lock on a file beside the data it guards (``fcntl.flock``).

The lock belongs to the open file, so two threads of one process exclude each
other as two processes do. It is not re-entrant: code holding one lock file must
not take the same one again (different jobs use different lock files).
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def locked(path: Path | str) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created when missing) in the block."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
