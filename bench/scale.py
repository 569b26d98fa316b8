"""``make bench-scale``: sync and query a synthetic corpus of N articles, with budgets.

Both backends in turn, their figures side by side: the SQLite file, and
PostgreSQL (``ARTICLES_DATABASE_URL`` when set, whose index it empties; else a
throwaway local server).

Not part of ``make test`` or CI (it takes minutes). The corpus is generated once per
size into ``build/bench-scale/N/corpus`` (see ``bench.scale_corpus``); the index
there is rebuilt from nothing on every run. Figures are in-process wall times on
this machine (other processes may share the CPU: the header says how many cores).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from articles.backends import backend_for, database_url
from articles.index import sync_index
from articles.index.scan import scan_corpus
from articles.process import load_linker
from articles.query import link_matrix
from articles.query.word_bits import WordBits
from bench.registry import describe_machine
from bench.scale_backends import BACKENDS, index_bytes, using, wipe
from bench.scale_browser import CONCURRENT, SESSIONS, measure_browser
from bench.scale_corpus import CACHE, ensure_corpus, text_bytes
from bench.scale_dashboard import measure_child
from bench.scale_queries import HELD_KINDS, QUERY_KINDS, time_queries

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

#: Single-file changes timed for "sync, one file changed" (after one warm-up).
CHANGES = 3


#: Issue 15's budgets for PostgreSQL at 100,000 articles: query p95 within twice
#: SQLite's, sync from nothing within 12 minutes.
PG_BUDGETS = {"sync from nothing": (720.0, "s"), "query p95": (2.0, "x SQLite")}
#: One figure: its name, its value as printed, the value its budget applies to
#: (with the budget's name), or None.
Row = tuple[str, str, tuple[str, float] | None]


def main(argv: list[str] | None = None) -> int:
    """Generate (once), sync from nothing, time syncs and queries, print figures.

    Each backend (``--backends``) is measured in turn on the same corpus; the
    figures are printed side by side at the end.
    """
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("N") or 100_000)
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=20,
        help="fewest runs per query kind (more while under 2 s)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the SQLite index of the last run and print its sync figures again",
    )
    parser.add_argument(
        "--backends", default=",".join(BACKENDS), help="sqlite,postgres (default both)"
    )
    parser.add_argument(
        "--no-dashboard", action="store_true", help="leave out the dashboard figures"
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
    figures: dict[str, list[Row]] = {}
    for backend in [b for b in args.backends.split(",") if b]:
        if backend not in BACKENDS:
            parser.error(f"unknown backend {backend!r}: use {','.join(BACKENDS)}")
        print(f"measuring {backend} ...", file=sys.stderr, flush=True)
        with using(backend):
            rows = _sync_figures(
                corpus, index, size, args.reuse and backend == "sqlite"
            )
            rows += _query_figures(corpus, index, args.runs)
            if backend == "postgres" and not args.no_dashboard:
                # team mode: the page asks to sign in first, so it never runs
                rows.append(("dashboard and browser (team mode: sign-in)",
                             "not measured", None))  # fmt: skip
            elif not args.no_dashboard:
                rows += dashboard_figures(corpus, index)
        figures[backend] = rows
    print_side_by_side(figures)
    return 0


def print_side_by_side(figures: dict[str, list[Row]]) -> None:
    """Print one line per figure, a column per backend, then each one's budget."""
    names = list(figures)
    labels = list(
        dict.fromkeys(label for rows in figures.values() for label, *_ in rows)
    )
    cells = {
        b: {label: (text, n) for label, text, n in rows} for b, rows in figures.items()
    }
    width = max(len(label) for label in labels)
    cols = {b: max([len(b)] + [len(t) for t, _ in cells[b].values()]) for b in names}
    print(f"{'':{width}}  " + "  ".join(f"{b:>{cols[b]}}" for b in names) + "  budget")
    for label in labels:
        line = f"{label:{width}}  " + "  ".join(
            f"{cells[b].get(label, ('-', None))[0]:>{cols[b]}}" for b in names
        )
        print(line + "  " + _budgets(label, cells))


def _budgets(label: str, cells: dict[str, dict[str, tuple[str, Any]]]) -> str:
    """The verdicts of one figure: SQLite's budget, PostgreSQL's (issue 15)."""
    out = []
    lite, pg = cells.get("sqlite", {}).get(label), cells.get("postgres", {}).get(label)
    if lite and lite[1]:
        out.append("sqlite" + _verdict(*lite[1]))
    if pg and pg[1]:
        name, value = pg[1]
        if name == "query p95" and lite and lite[1]:
            out.append("postgres" + _pg_verdict(name, value / max(lite[1][1], 1e-9)))
        elif name in PG_BUDGETS and name != "query p95":
            out.append("postgres" + _pg_verdict(name, value))
    return "; ".join(out)


def _pg_verdict(name: str, value: float) -> str:
    budget, unit = PG_BUDGETS[name]
    shown = f"{value:.2f} {unit}" if unit.startswith("x") else f"{value:.1f} {unit}"
    if _SIZE["articles"] != BUDGET_ARTICLES:
        return f" [{shown}; budget at 100k: <= {budget:g} {unit}]"
    ok = "OK" if value <= budget else "OVER"
    return f" [{shown}; budget at 100k: <= {budget:g} {unit}: {ok}]"


def _cold_sync(corpus: Path, index: Path, reuse: bool) -> dict[str, float]:
    """Sync from nothing in a child process (or the saved figures of the last one)."""
    saved = index.with_name("sync.json")
    if reuse and saved.exists() and index.exists():
        print(f"(sync figures of the run of {time.ctime(saved.stat().st_mtime)})",
              file=sys.stderr)  # fmt: skip
        return dict(json.loads(saved.read_text(encoding="utf-8")))
    wipe(index)
    child = subprocess.run(
        [sys.executable, "-m", "bench.scale_sync", str(corpus), str(index)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    cold = dict(json.loads(child.stdout.strip().splitlines()[-1]))
    cold["bytes"] = index_bytes(index)
    if not database_url():
        saved.write_text(json.dumps(cold), encoding="utf-8")
    return cold


def _sync_figures(corpus: Path, index: Path, size: int, reuse: bool) -> list[Row]:
    cold = _cold_sync(corpus, index, reuse)
    rss = max(cold["rss_mb"], cold["worker_rss_mb"])
    on_disk = cold["bytes"]
    linker = load_linker()
    noop = _timed(lambda: sync_index(corpus, index, linker))
    floor = _timed(lambda: scan_corpus(corpus))  # what no sync can do without
    one = _one_changed(corpus, index, linker)
    return [
        ("sync from nothing", f"{cold['seconds']:.1f} s",
         ("sync from nothing", cold["seconds"])),
        ("  articles added, errors", f"{cold['added']:,}, {cold['errors']}", None),
        ("  CPU time: writer + workers (no faster than their sum / cores)",
         _cpu(cold), None),
        ("peak RSS of sync (writer, worker)",
         f"{cold['rss_mb']:.0f}, {cold['worker_rss_mb']:.0f} MB",
         ("peak RSS of sync", rss)),
        ("index on disk", f"{on_disk / 1e6:.1f} MB = {on_disk / size:.2f}x",
         ("index / corpus text", on_disk / size)),
        ("sync, nothing changed (stat every file)", f"{noop:.2f} s", None),
        ("  list and stat every file, no index", f"{floor:.2f} s", None),
        (f"sync, one file changed (warm, median of {CHANGES})", f"{one:.3f} s",
         ("sync, one file changed", one)),
    ]  # fmt: skip


def _query_figures(corpus: Path, index: Path, runs: int) -> list[Row]:
    """Every query kind in SQL, then the map counts again with the links held.

    A dashboard holds the index's links in memory (``link_matrix``) once built
    in the background; a one-shot query (the CLI) counts in SQL.
    """
    rows: list[Row] = []
    link_matrix.forget(index)
    for kind in QUERY_KINDS:
        rows += _query_rows(kind, index, runs, "")
    built = link_matrix.warm(index, wait=True) or 0.0
    matrix = link_matrix.current(backend_for(index))
    links, words = (matrix.nbytes, matrix.words) if matrix else (0, WordBits())
    rows += [
        ("links held in memory (a dashboard's): build, size",
         f"{built:.1f} s, {links / 1e6:.0f} MB", None),
        ("frequent words held as bitmaps (word_bits): words, build, size",
         f"{len(words.bits):,}, {words.seconds or 0:.1f} s, "
         f"{words.nbytes / 1e6:.0f} MB", None),
    ]  # fmt: skip
    for kind in HELD_KINDS:
        rows += _query_rows(kind, index, runs, ", links held")
    rows += [_one_added(corpus, index), _one_rewritten(corpus, index)]
    link_matrix.forget(index)
    return rows


def _one_added(corpus: Path, index: Path) -> Row:
    """Time the held links taking in one article added by a sync (``matrix_patch``).

    The article is a copy of the corpus's first under another id, with a line
    of its own (its text is new); it is removed again after.
    """
    source = min(corpus.glob("*.md"))
    added = corpus / "zz-bench-added.md"
    text = source.read_text("utf-8")
    return _taken_in(
        corpus, index, "one article added",
        lambda: added.write_text(
            text.replace(f"id: {source.stem}", "id: zz-bench-added", 1)
            + "\nOne more line, added for bench-scale.\n", "utf-8"),
        added.unlink,
    )  # fmt: skip


def _one_rewritten(corpus: Path, index: Path) -> Row:
    """Time the held links taking in one article changed (removed, then added again).

    What a corrected file or an applied review decision does; put back after.
    """
    path = sorted(corpus.glob("*.md"))[len(list(corpus.glob("*.md"))) // 3]
    original = path.read_bytes()
    return _taken_in(
        corpus, index, "one article changed",
        lambda: path.write_bytes(original + b"\nOne more line for bench-scale.\n"),
        lambda: path.write_bytes(original),
    )  # fmt: skip


def _taken_in(
    corpus: Path, index: Path, what: str, edit: Callable[[], object],
    undo: Callable[[], object],
) -> Row:  # fmt: skip
    """Sync after ``edit``; time until the held links answer, then the words."""
    linker = load_linker()
    edit()
    try:
        sync_index(corpus, index, linker)
        began = time.perf_counter()
        held = link_matrix.warm(index, wait=True) or 0.0  # until the links answer
        words = time.perf_counter() - began - held  # then the words, patched too
        matrix = link_matrix.current(backend_for(index))
        how = matrix.origin if matrix is not None else "not held"
    finally:
        undo()
        sync_index(corpus, index, linker)
    return (f"links held, {what}: links answer after (how); then words held",
            f"{held:.2f} s ({how}); {words:.1f} s", None)  # fmt: skip


def _query_rows(kind: str, index: Path, runs: int, how: str) -> list[Row]:
    p50, p95, note = time_queries(kind, index, runs)
    what, figure = note.split(": ", 1)
    return [
        (f"query p50 / p95 ms: {kind}{how}", f"{p50:.1f} / {p95:.1f}",
         ("query p95", p95)),
        (f"  {kind}{how}: {what}", figure, None),
    ]  # fmt: skip


def _cpu(cold: dict[str, float]) -> str:
    """The sync's CPU seconds (writer + pool), and that sum spread over the cores.

    A sync from nothing keeps every core busy, so its wall time follows the
    machine's speed: this says how much of it is work, not waiting.
    """
    writer, workers = cold.get("cpu_writer_s"), cold.get("cpu_workers_s")
    if writer is None or workers is None:
        return "not recorded"
    cores = os.cpu_count() or 1
    spread = (writer + workers) / cores
    text = f"{writer:.0f} + {workers:.0f} s; / {cores} = {spread:.0f} s"
    return text + (" (+ the server's)" if database_url() else "")


def _one_changed(corpus: Path, index: Path, linker: object) -> float:
    """Median seconds of a sync after a line is appended to one file (put back after).

    Warm, as a dashboard or a second sync is: one change first (its lazy imports
    and caches are not counted), then `CHANGES` changes to different files.
    """
    files = sorted(corpus.glob("*.md"))
    linker.link([])  # type: ignore[attr-defined]  # builds the matching context
    times = [
        _changed(files[len(files) // 2 + 7 * n], corpus, index, linker)
        for n in range(CHANGES + 1)
    ]
    return statistics.median(times[1:])


def _changed(path: Path, corpus: Path, index: Path, linker: object) -> float:
    original = path.read_bytes()
    path.write_bytes(original + b"\nOne more line for bench-scale.\n")
    try:
        return _timed(lambda: sync_index(corpus, index, linker))  # type: ignore[arg-type]
    finally:
        path.write_bytes(original)
        sync_index(corpus, index, linker)  # type: ignore[arg-type]


def dashboard_figures(corpus: Path, index: Path) -> list[Row]:
    """The dashboard on this index: warm reruns, the server's peak RSS, a browser.

    The server's share is timed in process (reruns, ten sessions at once);
    Chromium (``bench.scale_browser``) times a click to its first passage and
    ten browsers clicking at once, the budgets' own measures.
    """
    fig = measure_child(corpus, index)
    rerun = fig["warm_p95_ms"]
    rows: list[Row] = [
        ("dashboard: first run (cold caches)", f"{fig['first_s']:.1f} s", None),
        (f"dashboard: warm rerun p50 / p95 ({fig['reruns']:.0f} reruns)",
         f"{fig['warm_median_ms']:.0f} / {rerun:.0f} ms", ("warm rerun", rerun)),
        ("dashboard: change met cold, median / slowest",
         f"{fig['cold_median_ms']:.0f} / {fig['cold_max_ms']:.0f} ms", None),
        (f"dashboard: {CONCURRENT} sessions at once, median / slowest",
         f"{fig['concurrent_median_s']:.2f} / {fig['concurrent_max_s']:.2f} s",
         ("10 sessions at once", fig["concurrent_median_s"])),
        ("dashboard: peak RSS", f"{fig['rss_mb']:.0f} MB",
         ("peak RSS of the dashboard", fig["rss_mb"])),
    ]  # fmt: skip
    web = measure_browser(corpus, index)
    if not web:
        rows.append(("browser (make chromium)", "skipped", None))
        return rows
    click = web["click_median_s"]
    rows += [
        (f"browser: click to first passage, median of {SESSIONS}",
         f"{click:.2f} s", ("click to passage", click)),
        ("browser: first session (cold caches)", f"{web['click_cold_s']:.2f} s", None),
        # the budget's own measure: ten browsers, each its Chromium renderer,
        # on the server's machine (the line above it: the server's share)
        (f"browser: {CONCURRENT} sessions clicking at once, median / slowest",
         f"{web['concurrent_median_s']:.2f} / {web['concurrent_max_s']:.2f} s",
         ("10 sessions at once", web["concurrent_median_s"])),
    ]  # fmt: skip
    return rows


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
