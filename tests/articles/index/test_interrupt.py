"""A sync killed mid-way (SIGKILL) loses nothing: the next sync carries on."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from articles.index import sync_index
from articles.query import Filters, query_passages
from tests.articles.conftest import FakeLinker
from tests.articles.index.test_sync import _dump, _many

ROOT = Path(__file__).resolve().parents[3]
SLOW_SYNC = """
import sys, time
from pathlib import Path
from articles.index import sync_index
from tests.articles.conftest import FakeLinker

class Slow(FakeLinker):
    def link(self, passages):
        time.sleep(0.15)
        return super().link(passages)

sync_index(Path(sys.argv[1]), Path(sys.argv[2]), Slow(), workers=1)
"""


def _committed(index: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_killed_sync_then_sync_again_loses_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    _many(corpus, 40)
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_SYNC, str(corpus), str(index)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    while _committed(index) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    done = _committed(index)
    assert 0 < done < 40  # killed mid-way, with some batches committed
    linker = FakeLinker()
    report = sync_index(corpus, index, linker)
    assert len(report.added) == 40 - done  # carries on: only the rest is linked
    assert report.unchanged == done
    fresh = tmp_path / "fresh.sqlite"
    sync_index(corpus, fresh, FakeLinker())
    assert _dump(index) == _dump(fresh)
    ids = [h.passage_id for h in query_passages(Filters(), index)]
    assert len(ids) == len(set(ids)) == 80
