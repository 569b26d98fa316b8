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

from articles.fields import clean_line
from articles.ingest import IngestError, IngestResult, ingest_file
from articles.process import Linker
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
    with Worker() as worker:
        for path in paths:
            try:
                done = ingest_file(path, linker=linker, worker=worker, **overrides)
                rows.append({"file": str(path), **result_dict(done)})
            except IngestError as exc:
                rows.append({"file": str(path), "status": "refused", "error": str(exc)})
            if progress is not None:
                progress(path)
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
    near = getattr(done, "near_duplicate_of", None)
    if near:
        row["near_duplicate_of"] = near
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


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else "..." + text[-(width - 3) :]


def _detail(r: dict[str, Any]) -> str:
    if r["status"] == "refused":
        return clean_line(r["error"])
    if r["status"] == "duplicate":
        return f"same text as {r['duplicate_of']}"
    near = (
        f"; near-duplicate of {r['near_duplicate_of']}"
        if r.get("near_duplicate_of")
        else ""
    )
    return clean_line(f"{r['id']} ({r['title']}){near}")
