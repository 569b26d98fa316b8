"""Ingest many files (folders included) and report them as one table.

One sandboxed worker (``articles.sandbox.Worker``) checks every file in turn, so a
folder of a thousand files pays the worker's start once; each file is still all or
nothing, and a refused file is reported with its one-line reason and never stops
the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from articles.corpus import corpus_dir
from articles.feeds import FeedEntry, read_feed
from articles.fields import clean_line
from articles.index import index_path
from articles.ingest import IngestError, IngestResult, ingest_bytes, ingest_file
from articles.near_dup import NearDuplicates
from articles.process import Linker
from articles.query import find_articles_by_url
from articles.sandbox import Worker

#: Row statuses, in the order the summary names them.
STATUSES = ("added", "duplicate", "refused")


def list_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their files (recursively, name order, hidden skipped).

    A path that is not a folder is kept as given, so a missing file is refused
    with its reason like any other.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                p
                for p in sorted(path.rglob("*"))
                if not any(
                    part.startswith((".", "~")) for part in p.relative_to(path).parts
                )
                and not p.is_dir()
            )
        else:
            out.append(path)
    return out


def ingest_inputs(
    files: list[Path],
    feed: str | None,
    overrides: dict[str, Any],
    linker: Linker,
    quiet: bool,
) -> tuple[list[dict[str, Any]], bool]:
    """Ingest a feed's entries, or files and folders, under a progress bar.

    Returns
    -------
    tuple
        ``(rows, table)``: one row per file or entry, and whether the report is a
        closing table (a feed, a folder, several files) or one line.

    Raises
    ------
    FeedError
        The feed cannot be read (nothing is added).
    """
    from tqdm import tqdm

    if feed:
        entries = read_feed(feed)
        with tqdm(total=len(entries), unit="entry", disable=quiet) as bar:
            return ingest_entries(entries, linker, lambda _: bar.update()), True
    paths = list_inputs(files)
    with tqdm(total=len(paths), unit="file", disable=quiet) as bar:
        rows = ingest_paths(paths, linker, overrides, lambda _: bar.update())
    return rows, len(paths) > 1 or any(p.is_dir() for p in files)


def ingest_paths(
    paths: list[Path],
    linker: Linker,
    overrides: dict[str, Any],
    progress: Callable[[Path], None] | None = None,
) -> list[dict[str, Any]]:
    """Ingest each file with one reused worker; return one result row per file.

    Returns
    -------
    list of dict
        ``{"file", "status", ...}``: ``added`` (with ``id``, ``title``, ``path``),
        ``duplicate`` (with ``duplicate_of``) or ``refused`` (with ``error``).
    """
    rows: list[dict[str, Any]] = []
    near = NearDuplicates(index_path(), corpus_dir())
    with Worker() as worker:
        for path in paths:
            try:
                done = ingest_file(
                    path, linker=linker, worker=worker, near=near, **overrides
                )
                rows.append({"file": str(path), **result_dict(done)})
            except IngestError as exc:
                rows.append({"file": str(path), "status": "refused", "error": str(exc)})
            if progress is not None:
                progress(path)
    return rows


def ingest_entries(
    entries: list[FeedEntry],
    linker: Linker,
    progress: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Ingest a feed's entries; an entry whose link the corpus has is a duplicate.

    Returns
    -------
    list of dict
        As `ingest_paths`, ``file`` being the entry's link (or title), plus
        ``note`` when its linked page could not be fetched.
    """
    links = {e.link for e in entries if e.link}
    known = find_articles_by_url(index_path(), links)
    near = NearDuplicates(index_path(), corpus_dir())
    rows: list[dict[str, Any]] = []
    with Worker() as worker:
        for entry in entries:
            row: dict[str, Any] = {"file": entry.key}
            if entry.link and entry.link in known:
                row.update(status="duplicate", duplicate_of=known[entry.link])
            else:
                try:
                    done = ingest_bytes(
                        entry.filename,
                        entry.document,
                        linker=linker,
                        worker=worker,
                        near=near,
                    )
                    row.update(result_dict(done))
                    if entry.link:
                        known[entry.link] = done.article_id
                except IngestError as exc:
                    row.update(status="refused", error=str(exc))
            if entry.note:
                row["note"] = entry.note
            rows.append(row)
            if progress is not None:
                progress(entry.key)
    return rows


def result_dict(done: IngestResult) -> dict[str, Any]:
    """One ingest result as a JSON-ready row (without the file)."""
    row = {
        "status": done.status,
        "id": done.article_id,
        "title": done.title,
        "path": str(done.path) if done.path else None,
        "duplicate_of": done.duplicate_of,
    }
    if done.near_duplicate_of:
        row["near_duplicate_of"] = done.near_duplicate_of
    return row


def count_rows(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Count the rows by status (every status named, zero included)."""
    return {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}


def format_table(rows: list[dict[str, Any]]) -> list[str]:
    """Build the closing table: status, file, what happened; then the counts."""
    width = max((len(r["file"]) for r in rows), default=4)
    width = min(max(width, 4), 60)
    lines = [f"{'status':<9}  {'file':<{width}}  detail"]
    for r in rows:
        lines.append(
            f"{r['status']:<9}  {_cut(r['file'], width):<{width}}  {_detail(r)}"
        )
    counts = count_rows(rows)
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
    return lines


def report_rows(
    rows: list[dict[str, Any]], table: bool
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Return the JSON data, the output lines and the error lines for ``rows``.

    ``table``: a folder, several files or a feed get the closing table (refusals
    in it); one file gets one line, a refusal on the error stream.
    """
    if table:
        return {"results": rows, "counts": count_rows(rows)}, format_table(rows), []
    ok = [r for r in rows if r["status"] != "refused"]
    lines = [f"{r['file']}: {_describe_one(r)}" for r in ok]
    errors = [
        clean_line(f"{r['file']}: {r['error']}")
        for r in rows
        if r["status"] == "refused"
    ]
    return {"results": rows}, lines, errors


def _describe_one(r: dict[str, Any]) -> str:
    if r["status"] == "duplicate":
        return f"duplicate of {r['duplicate_of']}, skipped"
    near = r.get("near_duplicate_of")
    tail = f"; nearly the same as {near} (marked near-duplicate)" if near else ""
    return f"added as {r['id']} ({r['title']}){tail}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else "..." + text[-(width - 3) :]


def _detail(r: dict[str, Any]) -> str:
    if r["status"] == "refused":
        return clean_line(r["error"])
    note = f" ({r['note']})" if r.get("note") else ""
    if r["status"] == "duplicate":
        return f"already in the corpus as {r['duplicate_of']}{note}"
    near = (
        f"; near-duplicate of {r['near_duplicate_of']}"
        if r.get("near_duplicate_of")
        else ""
    )
    return clean_line(f"{r['id']} ({r['title']}){near}{note}")
