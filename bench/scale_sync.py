"""Run one sync in a process of its own and print its figures as JSON (bench-scale)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from articles.index import sync_index


def main(argv: list[str]) -> int:
    """``python -m bench.scale_sync CORPUS INDEX``: sync, then print time and RSS."""
    corpus, index = Path(argv[0]), Path(argv[1])
    began = time.perf_counter()
    report = sync_index(corpus, index)
    seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "seconds": seconds, "added": len(report.added), "errors": len(report.errors),
        "rss_mb": own, "worker_rss_mb": workers,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
