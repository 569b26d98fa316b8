"""Turn a received file into the corpus document to write: decode, extract, name.

Nothing here writes: ``articles.ingest`` calls it to validate a file completely before
touching the corpus or the index, and ``python -m articles link`` to preview a file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from articles.corpus import (
    CorpusError,
    parse_article,
    render_document,
    split_front_matter,
)
from articles.datelines import find_dateline
from articles.extract import ExtractError, decode_bytes, extract_html
from articles.fields import FieldError, fit, is_valid_id, validate_meta
from articles.limits import (
    MAX_CORPUS_FILE_BYTES,
    MAX_FIELD_CHARS,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_OTHER_CHARS,
    too_large,
)
from articles.model import Article
from articles.pdf_text import extract_pdf

MARKDOWN = (".md", ".markdown")
TEXT = (".txt", ".text")
HTML = (".html", ".htm")
PDF = (".pdf",)
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
_SLUG_WORD_CHARS = 24
_NAME_CHARS = MAX_FIELD_CHARS["received_as"]


class IngestError(ValueError):
    """A file cannot be ingested; the message is one line."""


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
        E.g. ``2025-01-pakistan-ambition-invade-wakhan``: ASCII letters, digits and
        hyphens only, at most ``MAX_ID_CHARS`` with a suffix, so ``<id>.md`` is a
        valid file name on Linux, macOS and Windows.
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’]s\b", "", folded.lower())
    words = [
        w[:_SLUG_WORD_CHARS]
        for w in re.findall(r"[a-z0-9]+", folded)
        if w not in _STOPWORDS
    ]
    base = "-".join([f"{published:%Y-%m}", *(words[:_SLUG_WORDS] or ["article"])])
    base = base[: MAX_ID_CHARS - 8].rstrip("-")  # room for a "-NNNNNNN" suffix
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
        Unsupported type, too large, empty, binary, undecodable, malformed front
        matter, an invalid field.
    """
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(too_large(MAX_FILE_BYTES))
    ext = Path(filename).suffix.lower()
    if ext not in MARKDOWN + TEXT + HTML + PDF:
        raise IngestError(
            f"unsupported file type {ext or '(none)'!r}: use .md .txt .html .pdf"
        )
    try:
        if ext in PDF:
            text = extract_pdf(data)
        else:
            text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
        meta: dict[str, Any] = {}
        if ext in MARKDOWN:
            meta, text = split_front_matter(text)
        elif ext in HTML:
            page = extract_html(text)
            meta = {"title": page.title, "author": page.author, "source": page.source}
            meta = {
                k: fit(v, MAX_FIELD_CHARS[k]) if v else None for k, v in meta.items()
            }
            meta["published"] = page.published
            text = page.text
        for key, value in overrides.items():
            if value is not None and value != "":
                meta[key] = value
        meta.setdefault("received_as", fit(Path(filename).name, _NAME_CHARS))
        meta = validate_meta(meta)
    except (ExtractError, CorpusError, FieldError) as exc:
        raise IngestError(str(exc)) from None
    if not text.strip():
        raise IngestError("no article text")
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
    head = find_dateline(text, dt.date.today())
    for key, value in (("place", head.place), ("source", head.source)):
        if value and not meta.get(key):
            meta[key] = fit(value, MAX_FIELD_CHARS.get(key, MAX_OTHER_CHARS))
    try:
        draft = parse_article(
            render_document({**meta, "id": "draft"}, text), "draft", dt.date.today()
        )
        given = str(meta.get("id") or "")
        article_id = (
            given
            if is_valid_id(given) and given not in taken
            else make_article_id(draft.published, draft.title, taken)
        )
        full = {
            **meta,
            "id": article_id,
            "title": draft.title,
            "author": draft.author or None,
            "published": draft.published,
            "posted": draft.posted,
            "source": meta.get("source") or draft.source or None,
            "language": draft.language,
        }
        document = render_document(full, text)
        if len(document.encode("utf-8")) > MAX_CORPUS_FILE_BYTES:
            raise IngestError("file too large once converted to UTF-8")
        return document, parse_article(document, article_id)
    except (CorpusError, FieldError) as exc:
        raise IngestError(str(exc)) from None
