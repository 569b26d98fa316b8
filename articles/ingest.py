"""Add articles to the corpus and the index: all or nothing per file.

A file is read only if it is a regular file within the size limit
(``articles.safe_read``, ``articles.limits``), decoded (BOM, UTF-16, UTF-8, cp1252),
its text taken out (Markdown with bounded front matter, plain text, or an HTML page
through trafilatura), cleaned, split and linked *before* anything is written: first
in a worker process with a time and memory budget (``articles.sandbox``: a hostile
body can only stall that worker), then once here (``articles.prepare``). Then the
Markdown document is written to a temporary file and linked into the corpus (never
over an existing file), and that one article is indexed in one transaction (the rest
of the corpus is not re-read; the full sync runs at start-up and on request); if
that fails the file is removed again, so corpus and index are exactly as they were.
Ingests are serialised by a lock file next to the index.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.auth.roles import User, current_user, require
from articles.corpus import (
    corpus_dir,
    list_article_files,
    render_document,
    split_front_matter,
)
from articles.file_lock import locked
from articles.index import index_path
from articles.index.single import index_file
from articles.limits import MAX_FILE_BYTES
from articles.model import Article
from articles.near_dup import NearDuplicates
from articles.prepare import IngestError, make_article_id, prepare_article
from articles.process import Linker, load_linker
from articles.query import find_article_by_hash, list_article_ids
from articles.safe_read import FileRefused, read_limited
from articles.sandbox import Worker, check_in_worker
from articles.team.writes import claim_article, sync_mirror

__all__ = [
    "IngestError",
    "IngestResult",
    "ingest_bytes",
    "ingest_file",
    "make_article_id",
    "prepare_article",
]


@dataclass(frozen=True)
class IngestResult:
    """Outcome of ingesting one file: ``added`` or ``duplicate`` (of another id)."""

    status: str
    article_id: str
    title: str
    path: Path | None = None
    duplicate_of: str | None = None
    #: Added, but nearly the same text as this earlier article (MinHash).
    near_duplicate_of: str | None = None


def ingest_bytes(
    filename: str,
    data: bytes,
    corpus: Path | None = None,
    index: Path | None = None,
    *,
    linker: Linker | None = None,
    worker: Worker | None = None,
    near: NearDuplicates | None = None,
    user: User | None = None,
    **overrides: Any,
) -> IngestResult:
    """Add one uploaded file to the corpus and the index (all or nothing).

    Parameters
    ----------
    filename : str
        The file's name (extension: .md, .txt or .html).
    data : bytes
        Its content.
    corpus, index : Path, optional
        Default to ``corpus_dir()`` and ``index_path()``.
    linker : Linker, optional
        Defaults to the real linker.
    worker : Worker, optional
        A sandboxed worker reused across files; by default one per file.
    near : NearDuplicates, optional
        The corpus's near-duplicate index, reused across files; built if None.
    user : User, optional
        Who adds it (the team dashboard's signed-in user); must be allowed to
        ``ingest``. None: the operator at the shell or the single-user dashboard.
    **overrides
        ``title``, ``published`` (date or ISO text), ``author``, ``source``,
        ``url``.

    Returns
    -------
    IngestResult
        ``added`` with the new id, or ``duplicate`` naming the existing article.

    Raises
    ------
    IngestError
        Bad file or failed index update; corpus and index are left unchanged.
    PermissionError
        ``user`` may not ingest (a reader); nothing is read or written.
    """
    require(user, "ingest")
    corpus = corpus or corpus_dir()
    index = index or index_path()
    unknown = set(overrides) - {"title", "published", "author", "source", "url"}
    if unknown:
        raise TypeError(f"unknown ingest options: {sorted(unknown)}")
    if worker is not None:
        worker.check(filename, data, overrides)  # validate, bounded, before any write
    else:
        check_in_worker(filename, data, overrides)
    linker = linker or load_linker()
    with _ingest_lock(index):
        sync_mirror(corpus)  # team mode: every id the database holds is taken
        taken = {p.stem for p in list_article_files(corpus)} | list_article_ids(index)
        document, article = prepare_article(filename, data, overrides, taken)
        existing = find_article_by_hash(index, article.content_hash)
        if existing is not None:
            return IngestResult("duplicate", existing, article.title, None, existing)
        near = near or NearDuplicates(index, corpus)
        first = near.find(article.body)
        if first is not None:
            document = mark_near_duplicate(document, first)
        by = user.name if user is not None else current_user()  # recorded in team mode
        with claim_article(article.id, article.content_hash, document, by) as other:
            if other is not None:  # team mode: stored meanwhile by another process
                return IngestResult("duplicate", other, article.title, None, other)
            path = _write(corpus, index, document, article, linker)
        near.add(article.id, article.content_hash, article.body)
    return IngestResult("added", article.id, article.title, path, None, first)


def mark_near_duplicate(document: str, first: str) -> str:
    """Add ``near_duplicate_of: <first>`` to a corpus document's front matter."""
    meta, body = split_front_matter(document)
    return render_document({**meta, "near_duplicate_of": first}, body)


@contextlib.contextmanager
def _ingest_lock(index: Path) -> Iterator[None]:
    """Serialise ingests (CLI and dashboard) with an advisory lock next to the index."""
    index.parent.mkdir(parents=True, exist_ok=True)
    with locked(f"{index}.lock"):
        yield


def _write(
    corpus: Path, index: Path, document: str, article: Article, linker: Linker
) -> Path:
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / f"{article.id}.md"
    temp = corpus / f".{article.id}.md.tmp"
    temp.write_text(document, encoding="utf-8")
    try:
        os.link(temp, target)  # atomic, and never overwrites an existing article
    except FileExistsError:
        raise IngestError(f"an article file {target.name} already exists") from None
    finally:
        temp.unlink()
    try:
        index_file(corpus, index, target, linker)
    except Exception as exc:
        target.unlink(missing_ok=True)
        raise IngestError(f"index update failed, nothing added: {exc}") from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def ingest_file(
    path: Path,
    corpus: Path | None = None,
    index: Path | None = None,
    *,
    linker: Linker | None = None,
    worker: Worker | None = None,
    near: NearDuplicates | None = None,
    user: User | None = None,
    **overrides: Any,
) -> IngestResult:
    """Add one file to the corpus and the index (see ``ingest_bytes``).

    Raises
    ------
    IngestError
        Missing, unreadable, too large or not a regular file (a FIFO or device),
        bad content, failed index update.
    PermissionError
        ``user`` may not ingest.
    """
    require(user, "ingest")
    try:
        data = read_limited(Path(path), MAX_FILE_BYTES)
    except FileRefused as exc:
        raise IngestError(str(exc)) from None
    return ingest_bytes(
        Path(path).name,
        data,
        corpus,
        index,
        linker=linker,
        worker=worker,
        near=near,
        user=user,
        **overrides,
    )
