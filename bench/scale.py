"""``make bench-scale``: sync and query a synthetic corpus of N articles, with budgets.

Not part of ``make test`` or CI (it takes minutes). The corpus is generated once per
size into ``build/bench-scale/N/corpus`` (see ``bench.scale_corpus``); the index
there is rebuilt from nothing on every run. Figures are in-process wall times on
this machine (other processes may share the CPU: the header says how many cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from articles.index import sync_index
from articles.process import load_linker
from bench.registry import describe_machine
from bench.scale_browser import CONCURRENT, SESSIONS, measure_browser
from bench.scale_corpus import CACHE, ensure_corpus, text_bytes
from bench.scale_dashboard import measure_child
from bench.scale_queries import QUERY_KINDS, time_queries

BUDGETS = {  # issue 8, at 100,000 articles
    "sync from nothing": (480.0, "s"),
    "sync, one file changed": (0.2, "s"),
    "peak RSS of sync": (1024.0, "MB"),
    "index / corpus text": (1.5, "x"),
    "query p95": (50.0, "ms"),
    "warm rerun": (150.0, "ms"),
    "peak RSS of the dashboard": (1024.0, "MB"),
    "click to passage": (1.0, "s"),
    "10 sessions at once": (3.0, "s"),
}


def main(argv: list[str] | None = None) -> int:
    """Generate (once), sync from nothing, time syncs and queries, print figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("N") or 100_000)
    )
    parser.add_argument("--runs", type=int, default=20, help="runs per query kind")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the index of the last run and print its sync figures again",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    _SIZE["articles"] = args.articles
    corpus = ensure_corpus(args.articles)
    size = text_bytes(corpus)
    print(f"# bench-scale, {describe_machine()}, load average {_load()}")
    print(f"corpus: {args.articles:,} articles, {size / 1e6:.1f} MB of text ({corpus}; "
          f"ready in {time.perf_counter() - began:.0f} s)")  # fmt: skip
    index = CACHE / str(args.articles) / "index.sqlite"
    _sync_figures(corpus, index, size, args.reuse)
    print(f"queries: p50 / p95 of {args.runs} runs each, in process, varied ids")
    for kind in QUERY_KINDS:
        p50, p95, note = time_queries(kind, index, args.runs)
        print(
            f"  {kind}: {p50:.1f} / {p95:.1f} ms{_verdict('query p95', p95)}  ({note})"
        )
    dashboard_figures(corpus, index)
    return 0


def _cold_sync(corpus: Path, index: Path, reuse: bool) -> dict[str, float]:
    """Sync from nothing in a child process (or the saved figures of the last one)."""
    saved = index.with_name("sync.json")
    if reuse and saved.exists() and index.exists():
        print(f"(sync figures of the run of {time.ctime(saved.stat().st_mtime)})")
        return dict(json.loads(saved.read_text(encoding="utf-8")))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    child = subprocess.run(
        [sys.executable, "-m", "bench.scale_sync", str(corpus), str(index)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    cold = dict(json.loads(child.stdout.strip().splitlines()[-1]))
    cold["bytes"] = sum(
        Path(f"{index}{s}").stat().st_size
        for s in ("", "-wal")
        if Path(f"{index}{s}").exists()
    )
    saved.write_text(json.dumps(cold), encoding="utf-8")
    return cold


def _sync_figures(corpus: Path, index: Path, size: int, reuse: bool) -> None:
    cold = _cold_sync(corpus, index, reuse)
    rss = max(cold["rss_mb"], cold["worker_rss_mb"])
    on_disk = cold["bytes"]
    print(
        f"sync from nothing: {cold['seconds']:.1f} s"
        f"{_verdict('sync from nothing', cold['seconds'])}; "
        f"{cold['added']:,} articles, {cold['errors']} errors, {os.cpu_count()} cores"
    )
    print(
        f"peak RSS of sync: writer {cold['rss_mb']:.0f} MB, largest worker "
        f"{cold['worker_rss_mb']:.0f} MB{_verdict('peak RSS of sync', rss)}"
    )
    print(f"index on disk: {on_disk / 1e6:.1f} MB = {on_disk / size:.2f}x the corpus "
          f"text{_verdict('index / corpus text', on_disk / size)}")  # fmt: skip
    linker = load_linker()
    noop = _timed(lambda: sync_index(corpus, index, linker))
    print(f"sync, nothing changed: {noop:.2f} s (stat every file)")
    one = _one_changed(corpus, index, linker)
    verdict = _verdict("sync, one file changed", one)
    print(f"sync, one file changed: {one:.3f} s{verdict}"
          " (warm linker in process; stat every file, re-link one)")  # fmt: skip


def _one_changed(corpus: Path, index: Path, linker: object) -> float:
    """Append a line to one bench file, time the sync, then put the file back."""
    path = sorted(corpus.glob("*.md"))[len(list(corpus.glob("*.md"))) // 2]
    original = path.read_bytes()
    linker.link([])  # type: ignore[attr-defined]  # builds the matching context
    path.write_bytes(original + b"\nOne more line for bench-scale.\n")
    try:
        return _timed(lambda: sync_index(corpus, index, linker))  # type: ignore[arg-type]
    finally:
        path.write_bytes(original)
        sync_index(corpus, index, linker)  # type: ignore[arg-type]


def dashboard_figures(corpus: Path, index: Path) -> None:
    """The dashboard on this index: warm reruns and the server's peak RSS.

    Click to first passage in a browser is measured by ``make bench`` (bench.desk)
    on a live app; here the server-side time of a rerun is what grows with the
    corpus.
    """
    fig = measure_child(corpus, index)
    rerun = fig["warm_p95_ms"]
    print(
        f"dashboard: first run {fig['first_s']:.1f} s (cold caches); warm rerun "
        f"after a filter change p50 / p95 {fig['warm_median_ms']:.0f} / "
        f"{rerun:.0f} ms over {fig['reruns']:.0f} reruns"
        f"{_verdict('warm rerun', rerun)}"
    )
    print(f"dashboard: a filter, selection or view change met cold (nothing cached): "
          f"median {fig['cold_median_ms']:.0f} ms, slowest "
          f"{fig['cold_max_ms']:.0f} ms")  # fmt: skip
    together = fig["concurrent_median_s"]
    verdict = _verdict("10 sessions at once", together)
    print(f"dashboard: {CONCURRENT} sessions selecting a feature at once (one server, "
          f"no browser): median {together:.2f} s, slowest "
          f"{fig['concurrent_max_s']:.2f} s{verdict}")  # fmt: skip
    print(f"dashboard: peak RSS {fig['rss_mb']:.0f} MB"
          f"{_verdict('peak RSS of the dashboard', fig['rss_mb'])}")  # fmt: skip
    web = measure_browser(corpus, index)
    if not web:
        print("browser: skipped (no Chromium: make chromium)")
        return
    click = web["click_median_s"]
    print(f"browser: click on the Wakhan Corridor to its first passage: median "
          f"{click:.2f} s of {SESSIONS} sessions{_verdict('click to passage', click)} "
          f"(first session, cold caches: {web['click_cold_s']:.2f} s)")  # fmt: skip
    print(f"browser: {CONCURRENT} Chromium sessions clicking at once, click to first "
          f"passage: median {web['concurrent_median_s']:.2f} s, slowest "
          f"{web['concurrent_max_s']:.2f} s (browsers and server on the same "
          f"{os.cpu_count()} cores)")  # fmt: skip


#: The corpus size the budgets are set for; at other sizes no verdict is printed.
BUDGET_ARTICLES = 100_000
_SIZE = {"articles": BUDGET_ARTICLES}


def _verdict(name: str, value: float) -> str:
    budget, unit = BUDGETS[name]
    if _SIZE["articles"] != BUDGET_ARTICLES:
        return f" [budget at 100k: <= {budget:g} {unit}]"
    ok = "OK" if value <= budget else "OVER"
    return f" [budget at 100k: <= {budget:g} {unit}: {ok}]"


def _timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
