"""Add articles to the corpus and the index: all or nothing per file.

A file is decoded (BOM, UTF-16, UTF-8, cp1252), its text taken out (Markdown with or
without front matter, plain text, or an HTML page through trafilatura), cleaned and
checked *before* anything is written. Then the Markdown document is written to a
temporary file and renamed into the corpus, and the index is updated in one
transaction; if that fails the file is removed again, so corpus and index are exactly
as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.corpus import (
    SLUG,
    CorpusError,
    corpus_dir,
    list_article_files,
    parse_article,
    render_document,
    split_front_matter,
    to_date,
)
from articles.extract import ExtractError, decode_bytes, extract_html
from articles.index import index_path, sync_index
from articles.model import Article
from articles.process import Linker, load_linker
from articles.query import find_article_by_hash, list_article_ids

MARKDOWN = (".md", ".markdown")
TEXT = (".txt", ".text")
HTML = (".html", ".htm")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "its",
        "it",
        "s",
        "vs",
    ]
)
_SLUG_WORDS = 4


class IngestError(ValueError):
    """A file cannot be ingested; the message is one line."""


@dataclass(frozen=True)
class IngestResult:
    """Outcome of ingesting one file: ``added`` or ``duplicate`` (of another id)."""

    status: str
    article_id: str
    title: str
    path: Path | None = None
    duplicate_of: str | None = None


def make_article_id(published: dt.date, title: str, taken: set[str]) -> str:
    """Build a readable, unique slug from the date and title.

    Parameters
    ----------
    published : datetime.date
        Publication date (gives the ``YYYY-MM-`` prefix).
    title : str
        Title; its first significant words (ASCII-folded) follow the prefix.
    taken : set of str
        Ids already used; a numeric suffix keeps the new id unique.

    Returns
    -------
    str
        E.g. ``2025-01-pakistan-ambition-invade-wakhan``.
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’]s\b", "", folded.lower())
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOPWORDS]
    base = "-".join([f"{published:%Y-%m}", *(words[:_SLUG_WORDS] or ["article"])])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def read_document(
    filename: str, data: bytes, overrides: dict[str, Any]
) -> tuple[dict[str, Any], str]:
    """Decode a file and take out its metadata and article text.

    Parameters
    ----------
    filename : str
        Name of the file (its extension picks the reader).
    data : bytes
        File content.
    overrides : dict
        title, published, author, source given by the user (None = not given);
        they win over whatever the file says.

    Returns
    -------
    tuple
        ``(metadata, text)``: text as received (line ends unified), metadata from the
        front matter or the HTML page, overrides applied.

    Raises
    ------
    IngestError
        Unsupported type, empty, binary, undecodable, malformed front matter.
    """
    ext = Path(filename).suffix.lower()
    if ext not in MARKDOWN + TEXT + HTML:
        raise IngestError(
            f"unsupported file type {ext or '(none)'!r}: use .md .txt .html"
        )
    try:
        text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
        meta: dict[str, Any] = {}
        if ext in MARKDOWN:
            meta, text = split_front_matter(text)
        elif ext in HTML:
            page = extract_html(text)
            meta = {"title": page.title, "author": page.author, "source": page.source}
            meta["published"] = page.published
            text = page.text
        for key, value in overrides.items():
            if value is not None and value != "":
                meta[key] = to_date(value, key) if key == "published" else value
    except (ExtractError, CorpusError) as exc:
        raise IngestError(str(exc)) from None
    if not text.strip():
        raise IngestError("no article text")
    meta.setdefault("received_as", Path(filename).name)
    return meta, text


def prepare_article(
    filename: str, data: bytes, overrides: dict[str, Any], taken: set[str]
) -> tuple[str, Article]:
    """Turn a file into the corpus document to write and the Article it yields.

    The front matter is completed with what the cleaner found (title, author, both
    dates), so the corpus file states its metadata explicitly.

    Raises
    ------
    IngestError
        Anything that makes the file unusable (one-line reason).
    """
    meta, text = read_document(filename, data, overrides)
    try:
        draft = parse_article(render_document({**meta, "id": "draft"}, text), "draft")
        given = str(meta.get("id") or "")
        article_id = (
            given
            if SLUG.match(given) and given not in taken
            else make_article_id(draft.published, draft.title, taken)
        )
        full = {
            **meta,
            "id": article_id,
            "title": draft.title,
            "author": draft.author or None,
            "published": draft.published,
            "posted": draft.posted,
            "source": draft.source or meta.get("source"),
            "language": draft.language,
        }
        document = render_document(full, text)
        return document, parse_article(document, article_id)
    except CorpusError as exc:
        raise IngestError(str(exc)) from None


def ingest_bytes(
    filename: str,
    data: bytes,
    corpus: Path | None = None,
    index: Path | None = None,
    *,
    linker: Linker | None = None,
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
    **overrides
        ``title``, ``published`` (date or ISO text), ``author``, ``source``.

    Returns
    -------
    IngestResult
        ``added`` with the new id, or ``duplicate`` naming the existing article.

    Raises
    ------
    IngestError
        Bad file or failed index update; corpus and index are left unchanged.
    """
    corpus = corpus or corpus_dir()
    index = index or index_path()
    unknown = set(overrides) - {"title", "published", "author", "source"}
    if unknown:
        raise TypeError(f"unknown ingest options: {sorted(unknown)}")
    prepare_article(filename, data, overrides, set())  # validate before any write
    linker = linker or load_linker()
    with _ingest_lock(index):
        sync_index(corpus, index, linker)
        taken = {p.stem for p in list_article_files(corpus)} | list_article_ids(index)
        document, article = prepare_article(filename, data, overrides, taken)
        existing = find_article_by_hash(index, article.content_hash)
        if existing is not None:
            return IngestResult("duplicate", existing, article.title, None, existing)
        path = _write(corpus, index, document, article, linker)
    return IngestResult("added", article.id, article.title, path)


@contextlib.contextmanager
def _ingest_lock(index: Path) -> Iterator[None]:
    """Serialise ingests (CLI and dashboard) with an advisory lock next to the index."""
    index.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{index}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
        sync_index(corpus, index, linker, require=target)
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
    **overrides: Any,
) -> IngestResult:
    """Add one file to the corpus and the index (see ``ingest_bytes``).

    Raises
    ------
    IngestError
        Missing or unreadable file, bad content, failed index update.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror}") from None
    return ingest_bytes(
        Path(path).name, data, corpus, index, linker=linker, **overrides
    )
