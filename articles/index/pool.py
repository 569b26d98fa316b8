"""Run ``prepare_file`` over many files: here, or in a pool over every core."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice

from articles.index.texts import TextPacker
from articles.index.work import Failed, Prepared, Seen, Task, prepare_file
from articles.process import Linker
from articles.review.state import Review

#: Fewer changed files than this are prepared in this process (no start-up cost).
POOL_MIN = 64
#: Files handed out at a time: bounds what waits in memory for the writer.
WINDOW = 256

Result = Prepared | Seen | Failed
_WORKER: dict[str, object] = {}


def _init(
    linker: Linker,
    ancestors: Mapping[str, tuple[str, ...]],
    review: Review | None,
    packer: TextPacker | None,
) -> None:
    _WORKER["linker"] = linker
    _WORKER["ancestors"] = ancestors
    _WORKER["review"] = review
    _WORKER["packer"] = packer


def _run(task: Task) -> Result:
    linker = _WORKER["linker"]
    ancestors = _WORKER["ancestors"]
    review = _WORKER["review"]
    packer = _WORKER["packer"]
    return prepare_file(task, linker, ancestors, review, packer)  # type: ignore[arg-type]


def prepare_all(
    tasks: Sequence[Task],
    linker: Linker,
    ancestors: Mapping[str, tuple[str, ...]],
    workers: int | None = None,
    review: Review | None = None,
    packer: TextPacker | None = None,
) -> Iterator[Result]:
    """Yield every task's result (in no fixed order when a pool is used).

    A pool of ``workers`` processes (default: every core) is used when there are
    at least ``POOL_MIN`` tasks; each worker builds its own linker context. The
    pool is started with ``spawn``, which is safe in a threaded process (the
    dashboard).
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(tasks) < POOL_MIN:
        for task in tasks:
            yield prepare_file(task, linker, ancestors, review, packer)
        return
    context = multiprocessing.get_context("spawn")
    with _no_main():
        pool = context.Pool(workers, _init, (linker, ancestors, review, packer))
    with pool:
        pending = iter(tasks)
        while window := list(islice(pending, WINDOW)):
            yield from pool.imap_unordered(_run, window, chunksize=4)


@contextlib.contextmanager
def _no_main() -> Iterator[None]:
    """Start workers that run nothing of the caller's ``__main__``.

    ``spawn`` runs the parent's ``__main__`` again in each worker, found by its
    file. In the dashboard that is the page script: Streamlit installs it as
    ``__main__`` on every run, so each worker would run the whole page. Under
    ``AppTest`` it is a script that cannot run alone, and the pool replaced its
    dying workers for ever: ``make bench`` hung in its index figures. The
    workers need nothing from it: ``_init`` and ``_run`` live here. (A worker
    that dies later is replaced with the real ``__main__``, as before.)
    """
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved
        else:
            del sys.modules["__main__"]
