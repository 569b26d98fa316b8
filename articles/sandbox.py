"""Check a received file in a worker process, under a time and a memory budget.

The front matter is bounded before it is parsed (``articles.front_matter``), but
the body goes through the cleaner, the splitter and the linker, whose cost on
hostile text a size check alone cannot bound. So, before anything is written,
everything ingestion computes on the file runs once in a child interpreter
(``python -m articles.sandbox``) with ``MAX_CHECK_SECONDS`` of wall time and
``MAX_CHECK_MEMORY_BYTES`` of address space. The caller (the CLI or the
dashboard's server) survives whatever the worker meets: a hang, a crash, a
MemoryError. A plain subprocess rather than ``multiprocessing``: it never forks
the multi-threaded dashboard server and never re-imports the caller's main module
(Streamlit runs the page as ``__main__``).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from articles.limits import MAX_CHECK_MEMORY_BYTES, MAX_CHECK_SECONDS
from articles.prepare import IngestError, prepare_article
from articles.process import load_linker, process_article

_ROOT = Path(__file__).resolve().parents[1]


def check_in_worker(
    filename: str,
    data: bytes,
    overrides: dict[str, Any],
    *,
    seconds: float = MAX_CHECK_SECONDS,
) -> None:
    """Read, clean, split and link a file in a worker; raise if that fails.

    Parameters
    ----------
    filename, data : str, bytes
        The received file.
    overrides : dict
        title, published, author, source given by the user.
    seconds : float
        Wall-clock budget.

    Raises
    ------
    IngestError
        The file is invalid (the reason), takes longer than ``seconds``, needs
        more memory than the budget, or crashes the worker.
    """
    given = {
        k: v.isoformat() if isinstance(v, dt.date) else v for k, v in overrides.items()
    }
    argv = [sys.executable, "-m", "articles.sandbox", filename, json.dumps(given)]
    try:
        proc = subprocess.run(
            argv, input=data, capture_output=True, timeout=seconds, cwd=_ROOT,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise IngestError(f"reading the file took longer than {seconds:g} s") from None
    try:
        error = json.loads(proc.stdout)["error"]
    except (ValueError, KeyError, TypeError):
        raise IngestError("reading the file crashed the reader") from None
    if error is not None:
        raise IngestError(str(error))


def _check(filename: str, data: bytes, overrides: dict[str, Any]) -> str | None:
    """Do what ingestion computes on the file; return None or the one-line reason."""
    limit = MAX_CHECK_MEMORY_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        _, article = prepare_article(filename, data, overrides, set())
        process_article(article, load_linker())
    except IngestError as exc:
        return str(exc)
    except MemoryError:
        return "reading the file needs more memory than allowed"
    except RecursionError:
        return "the file is nested too deeply to read"
    return None


if __name__ == "__main__":
    _error = _check(sys.argv[1], sys.stdin.buffer.read(), json.loads(sys.argv[2]))
    print(json.dumps({"error": _error}))
