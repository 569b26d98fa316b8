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

For many files (a folder, a feed) one ``Worker`` serves them all: the interpreter
start and the linker load (about a second) are paid once, not per file. Each file
keeps its own time budget; a worker that overruns it, crashes or runs out of memory
is killed and the next file gets a fresh one, so one bad file never stops the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import resource
import selectors
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from articles.limits import MAX_CHECK_MEMORY_BYTES, MAX_CHECK_SECONDS
from articles.prepare import IngestError, prepare_article
from articles.process import RegistryLinker, load_linker, process_article

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
    argv = [sys.executable, "-m", "articles.sandbox", filename, _given(overrides)]
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


def _given(overrides: dict[str, Any]) -> str:
    return json.dumps(
        {
            k: v.isoformat() if isinstance(v, dt.date) else v
            for k, v in overrides.items()
        }
    )


class Worker:
    """A sandboxed worker process reused for many files (see the module docstring).

    Use as a context manager; ``check`` has the contract of `check_in_worker`.
    """

    def __init__(self, seconds: float = MAX_CHECK_SECONDS) -> None:
        self.seconds = seconds
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker process (it exits at the end of its input)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None
        with contextlib.suppress(OSError):
            proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        _close_pipes(proc)

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait()
            _close_pipes(proc)

    def check(self, filename: str, data: bytes, overrides: dict[str, Any]) -> None:
        """Read, clean, split and link one file in the worker; raise if that fails.

        Raises
        ------
        IngestError
            As `check_in_worker`.
        """
        if self._proc is None:
            argv = [sys.executable, "-m", "articles.sandbox", "--serve"]
            self._proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, cwd=_ROOT,
            )  # fmt: skip
        proc = self._proc
        assert proc.stdin is not None
        assert proc.stdout is not None
        head = json.dumps({"filename": filename, "size": len(data)})
        try:
            proc.stdin.write(f"{head}\n{_given(overrides)}\n".encode() + data)
            proc.stdin.flush()
        except OSError:
            self._kill()
            raise IngestError("reading the file crashed the reader") from None
        line = _read_line(proc.stdout, self.seconds)
        if line is None:
            self._kill()
            raise IngestError(f"reading the file took longer than {self.seconds:g} s")
        try:
            error = json.loads(line)["error"]
        except (ValueError, KeyError, TypeError):
            self._kill()
            raise IngestError("reading the file crashed the reader") from None
        if error is not None:
            raise IngestError(str(error))


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def _read_line(stream: IO[bytes], seconds: float) -> bytes | None:
    """Read one line within ``seconds`` (b"" at end of stream; None on timeout)."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    fd = stream.fileno()
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return b""
            chunks.append(chunk)
            if chunk.endswith(b"\n"):
                return b"".join(chunks)


def _serve() -> None:
    """Worker loop: read a header line, the overrides line and the bytes; answer."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = stdin.readline()
        if not head:
            return
        meta = json.loads(head)
        overrides = json.loads(stdin.readline())
        data = stdin.read(int(meta["size"]))
        error = _check(str(meta["filename"]), data, overrides)
        stdout.write(json.dumps({"error": error}).encode() + b"\n")
        stdout.flush()


_LIMITED = False


def _check(filename: str, data: bytes, overrides: dict[str, Any]) -> str | None:
    """Do what ingestion computes on the file; return None or the one-line reason."""
    global _LIMITED
    if not _LIMITED:
        limit = MAX_CHECK_MEMORY_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        _LIMITED = True
    try:
        _, article = prepare_article(filename, data, overrides, set())
        process_article(article, _linker())
    except IngestError as exc:
        return str(exc)
    except MemoryError:
        return "reading the file needs more memory than allowed"
    except RecursionError:
        return "the file is nested too deeply to read"
    return None


@functools.cache
def _linker() -> RegistryLinker:
    return load_linker()


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    _serve()
elif __name__ == "__main__":
    _error = _check(sys.argv[1], sys.stdin.buffer.read(), json.loads(sys.argv[2]))
    print(json.dumps({"error": _error}))
