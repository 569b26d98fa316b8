"""The dashboard at scale: warm reruns and memory on the bench-scale index.

Run as a child process (``python -m bench.scale_dashboard CORPUS INDEX``) so its
peak RSS is the dashboard's own: the page runs under AppTest against the synthetic
corpus and its index (both given by the parent), first cold, then warm reruns after
filter, selection and map-view changes (`bench.dashboard.CHANGES`).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path


def measure_child(corpus: Path, index: Path) -> dict[str, float]:
    """Run this module in a child process; return its figures."""
    child = subprocess.run(
        [sys.executable, "-m", "bench.scale_dashboard", str(corpus), str(index)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(child.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> int:
    """Measure reruns of the dashboard on ``argv = [corpus, index]``; print JSON."""
    os.environ["ARTICLES_CORPUS_DIR"], os.environ["ARTICLES_INDEX_PATH"] = argv[:2]
    from bench.dashboard import _measure

    warm, first = _measure(rounds=2)
    ms = sorted(t * 1000 for t in warm)
    figures = {
        "first_s": first,
        "warm_median_ms": statistics.median(ms),
        "warm_p95_ms": ms[int(0.95 * (len(ms) - 1))],
        "reruns": len(ms),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
