"""Run one sync in a process of its own and print its figures as JSON (bench-scale)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from articles.index import sync_index
from bench.peak_memory import peak_rss_mb


def main(argv: list[str]) -> int:
    """``python -m bench.scale_sync CORPUS INDEX``: sync, then print time and RSS."""
    corpus, index = Path(argv[0]), Path(argv[1])
    began = time.perf_counter()
    report = sync_index(corpus, index)
    seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": seconds, "added": len(report.added), "errors": len(report.errors),
        "rss_mb": peak_rss_mb(), "worker_rss_mb": workers.ru_maxrss / 1024,
        "cpu_writer_s": own.ru_utime + own.ru_stime,
        "cpu_workers_s": workers.ru_utime + workers.ru_stime,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
