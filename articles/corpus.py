"""The article corpus: Markdown files with YAML front matter (its only disk access).

The corpus is the source of truth. Each file holds the article as received (only the
front matter added); cleaning happens when it is read, so a better cleaner improves
every article without editing files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from articles import markup
from articles.auth.roles import team_mode
from articles.clean import clean_text
from articles.fields import (
    SLUG,
    FieldError,
    clean_line,
    fit,
    is_valid_id,
    to_date,
    validate_meta,
)
from articles.front_matter import FrontMatterError, load_front_matter
from articles.limits import MAX_CORPUS_FILE_BYTES, MAX_FIELD_CHARS
from articles.model import Article
from articles.safe_read import FileRefused, read_limited

__all__ = ["SLUG", "CorpusError", "clean_line", "parse_article", "to_date"]

CORPUS_ENV = "ARTICLES_CORPUS_DIR"
DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus"
#: Team mode's default corpus folder: a mirror of the database (``articles.team``).
DEFAULT_MIRROR = Path(__file__).resolve().parents[1] / "build" / "team-corpus"
FIELDS = (
    "id", "title", "author", "published", "posted", "source", "url", "language",
)  # fmt: skip
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class CorpusError(ValueError):
    """An article file cannot be read; the message is one line."""


def corpus_dir() -> Path:
    """Return the corpus directory: ``$ARTICLES_CORPUS_DIR``, else the package's.

    In team mode (``$ARTICLES_DATABASE_URL`` set) the default is the database's
    mirror, ``build/team-corpus/``, never the committed seed corpus.
    """
    if found := os.environ.get(CORPUS_ENV):
        return Path(found)
    return DEFAULT_MIRROR if team_mode() else DEFAULT_CORPUS


def list_article_files(directory: Path) -> list[Path]:
    """Return the corpus's Markdown files in name order (hidden files skipped)."""
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.glob("*.md") if not p.name.startswith((".", "~"))
    )


def read_corpus_files(directory: Path) -> tuple[dict[Path, bytes], tuple[str, ...]]:
    """Read every corpus file that is a regular file within the size limit.

    Returns
    -------
    tuple
        ``(data, errors)``: the bytes of each readable file by path, and one line
        per file refused (FIFO, device, link out of the corpus, too large), so a
        bad file is reported and skipped, never a hang or a crash.
    """
    data: dict[Path, bytes] = {}
    errors: list[str] = []
    for path in list_article_files(directory):
        try:
            data[path] = read_limited(path, MAX_CORPUS_FILE_BYTES, within=directory)
        except FileRefused as exc:
            errors.append(f"{path.name}: {exc}")
    return data, tuple(errors)


def hash_text(text: str) -> str:
    """Return the SHA-256 hex digest of a text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from a Markdown document.

    Parameters
    ----------
    text : str
        The document; front matter, if any, opens with a ``---`` line.

    Returns
    -------
    tuple
        ``(metadata, body)``; metadata is empty when there is no front matter.

    Raises
    ------
    CorpusError
        The front matter is unterminated, too large, too deep, uses aliases, is not
        YAML or not a mapping, or a field is invalid (``articles.fields``).
    """
    text = text.lstrip("\ufeff")
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, text
    first = text.index("\n") + 1
    fence = _FENCE.search(text, first)
    if fence is None:
        raise CorpusError("malformed front matter: no closing '---' line")
    try:
        meta = validate_meta(load_front_matter(text[first : fence.start()]))
    except FrontMatterError as exc:
        raise CorpusError(f"malformed front matter: {exc}") from None
    except FieldError as exc:
        raise CorpusError(str(exc)) from None
    return meta, text[fence.end() :].lstrip("\r\n")


def render_document(meta: dict[str, Any], body: str) -> str:
    """Write metadata as YAML front matter followed by the body.

    Parameters
    ----------
    meta : dict
        Field values; None values are left out, the usual fields come first.
    body : str
        The article text, stored as given (leading blank lines aside).

    Returns
    -------
    str
        The Markdown document.
    """
    ordered = {k: meta[k] for k in FIELDS if meta.get(k) is not None}
    ordered.update({k: v for k, v in meta.items() if k not in FIELDS and v is not None})
    head = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n\n{body.lstrip(chr(10))}"


def parse_article(text: str, fallback_id: str, today: dt.date | None = None) -> Article:
    """Build an Article from a corpus document: front matter first, then the text.

    Parameters
    ----------
    text : str
        The Markdown document.
    fallback_id : str
        Id to use when the front matter has none (the file name stem).
    today : datetime.date, optional
        Dates a wire dateline that has no year (ingestion passes today; the corpus
        file then states the date, so later reads never depend on the day).

    Returns
    -------
    Article
        With the cleaned body and its content hash.

    Raises
    ------
    CorpusError
        Malformed front matter, bad id, no text, no title or no date.
    """
    meta, raw = split_front_matter(text)
    author = str(meta["author"]) if meta.get("author") else None
    cleaned = clean_text(raw, author=author, today=today)
    if not cleaned.body.strip():
        raise CorpusError("no article text")
    article_id = str(meta.get("id") or fallback_id)
    if not is_valid_id(article_id):
        raise CorpusError(
            f"bad article id {clean_line(article_id)[:40]!r}: use a lowercase slug"
        )
    title = str(meta.get("title") or fit(cleaned.title or "", _cap("title")))
    if not title:
        raise CorpusError("no title: give one in the front matter or with --title")
    published = meta.get("published") or cleaned.published
    if published is None:
        raise CorpusError("no publication date in the file: give one with --published")
    return Article(
        id=article_id,
        title=title,
        author=str(meta.get("author") or fit(cleaned.author or "", _cap("author"))),
        published=published,
        source=read_source(meta),
        url=read_url(meta),
        language=str(meta.get("language") or guess_language(cleaned.body)),
        body=cleaned.body,
        content_hash=hash_text(cleaned.body),
        posted=meta.get("posted") or cleaned.posted,
        near_duplicate_of=_story_of(meta, article_id),
    )


def _story_of(meta: dict[str, Any], article_id: str) -> str | None:
    """Return the valid ``near_duplicate_of`` id of the front matter, else None."""
    first = str(meta.get("near_duplicate_of") or "")
    return first if first != article_id and is_valid_id(first) else None


def read_url(meta: dict[str, Any]) -> str | None:
    """Return the article's ``url`` when it is an http(s) address, else None."""
    url = str(meta.get("url") or "").strip()
    return url if re.match(r"^https?://[^\s/]+", url, re.IGNORECASE) else None


def read_source(meta: dict[str, Any]) -> str:
    """Return the article's source (the outlet): ``source``, else its URL's host.

    Citations show it as the text of the link to the article (``url``).
    """
    source = str(meta.get("source") or "").strip()
    if source:
        return source
    url = read_url(meta)
    return urlsplit(url).netloc if url else ""


def _cap(field: str) -> int:
    return MAX_FIELD_CHARS[field]


def guess_language(text: str) -> str:
    """Guess the language tag: ``en`` for Latin-script text, else ``und``."""
    counts = markup.count_scripts(text)
    if not counts:
        return "und"
    return "en" if max(counts, key=counts.__getitem__) == "latin" else "und"


def read_article(path: Path) -> Article:
    """Read one corpus file.

    Raises
    ------
    CorpusError
        The file is unreadable or invalid (message names the problem).
    """
    try:
        data = read_limited(path, MAX_CORPUS_FILE_BYTES, within=path.parent)
        text = data.decode("utf-8")
    except FileRefused as exc:
        raise CorpusError(str(exc)) from None
    except UnicodeDecodeError:
        raise CorpusError("not UTF-8") from None
    return parse_article(text, path.stem)


def load_articles(directory: Path) -> list[Article]:
    """Read every article of the corpus, in file-name order.

    Raises
    ------
    CorpusError
        A file is invalid or two files share an id.
    """
    articles: list[Article] = []
    seen: set[str] = set()
    for path in list_article_files(directory):
        try:
            article = read_article(path)
        except CorpusError as exc:
            raise CorpusError(f"{path.name}: {exc}") from None
        if article.id in seen:
            raise CorpusError(f"{path.name}: duplicate article id {article.id!r}")
        seen.add(article.id)
        articles.append(article)
    return articles
