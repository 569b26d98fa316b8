"""The dashboard at scale: warm reruns and memory on the bench-scale index.

Run as a child process (``python -m bench.scale_dashboard CORPUS INDEX``) so its
peak RSS is the dashboard's own: the page runs under AppTest against the synthetic
corpus and its index (both given by the parent), first cold, then warm reruns after
filter, selection and map-view changes (`bench.dashboard.CHANGES`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.peak_memory import peak_rss_mb

CONCURRENT = 10


def measure_child(corpus: Path, index: Path) -> dict[str, float]:
    """Run this module in a child process; return its figures."""
    child = subprocess.run(
        [sys.executable, "-m", "bench.scale_dashboard", str(corpus), str(index)],
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    if child.returncode:
        tail = "\n".join(child.stderr.strip().splitlines()[-15:])
        raise RuntimeError(
            f"the dashboard's child failed ({child.returncode}):\n{tail}"
        )
    return dict(json.loads(child.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> int:
    """Measure reruns of the dashboard on ``argv = [corpus, index]``; print JSON."""
    os.environ["ARTICLES_CORPUS_DIR"], os.environ["ARTICLES_INDEX_PATH"] = argv[:2]
    from bench.dashboard import _measure

    warm, cold, first = _measure(rounds=2)
    ms = sorted(t * 1000 for t in warm)
    figures = {
        "first_s": first,
        "warm_median_ms": statistics.median(ms),
        "warm_p95_ms": ms[int(0.95 * (len(ms) - 1))],
        "reruns": len(ms),
        "cold_median_ms": statistics.median(cold) * 1000,
        "cold_max_ms": max(cold) * 1000,
        "rss_mb": peak_rss_mb(),
    }
    together = _concurrent_sessions(CONCURRENT)
    figures["concurrent_median_s"] = statistics.median(together)
    figures["concurrent_max_s"] = max(together)
    print(json.dumps(figures))
    return 0


def _concurrent_sessions(n: int) -> list[float]:
    """Seconds of each of ``n`` sessions' reruns after a click, all at once.

    ``n`` AppTest sessions of this one process (one server: shared caches, one
    GIL) open the page, then all select the Wakhan Corridor at the same moment.
    A browser is left out here: ten Chromium pages on this machine's two cores
    take several times the server's CPU (bench.scale_browser measures them).
    """
    import threading
    import time

    from streamlit.testing.v1 import AppTest

    from bench.dashboard import ROOT, _timed_script

    apps = [
        AppTest.from_function(
            _timed_script, args=(str(ROOT / "dashboard.py"),), default_timeout=300
        )
        for _ in range(n)
    ]
    for at in apps:
        at.run()
    start = threading.Barrier(n)
    out = [0.0] * n

    def click(i: int) -> None:
        apps[i].session_state["map.selected"] = "wakhan-corridor"
        start.wait()
        began = time.perf_counter()
        apps[i].run()
        out[i] = time.perf_counter() - began

    threads = [threading.Thread(target=click, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if any(at.exception for at in apps):
        raise RuntimeError("a concurrent session raised")
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
