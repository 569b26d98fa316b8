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

import yaml

from articles import bylines, markup
from articles.clean import clean_text
from articles.model import Article

CORPUS_ENV = "ARTICLES_CORPUS_DIR"
DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus"
FIELDS = (
    "id", "title", "author", "published", "posted", "source", "url", "language",
)  # fmt: skip
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class CorpusError(ValueError):
    """An article file cannot be read; the message is one line."""


def corpus_dir() -> Path:
    """Return the corpus directory (env ``ARTICLES_CORPUS_DIR``, else the package's)."""
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS)


def list_article_files(directory: Path) -> list[Path]:
    """Return the corpus's Markdown files in name order (hidden files skipped)."""
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.glob("*.md") if not p.name.startswith((".", "~"))
    )


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
        The front matter is unterminated, not YAML, or not a mapping.
    """
    text = text.lstrip("\ufeff")
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, text
    first = text.index("\n") + 1
    fence = _FENCE.search(text, first)
    if fence is None:
        raise CorpusError("malformed front matter: no closing '---' line")
    try:
        meta = yaml.load(text[first : fence.start()], Loader=_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise CorpusError(f"malformed front matter: invalid YAML{line}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise CorpusError("malformed front matter: not a mapping of fields")
    return {str(k): v for k, v in meta.items()}, text[fence.end() :].lstrip("\r\n")


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


def to_date(value: object, field: str) -> dt.date | None:
    """Read a date from a front-matter value (YAML date or text), None if absent.

    Raises
    ------
    CorpusError
        The value is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    day = bylines.parse_date(text)
    if day is None:
        raise CorpusError(f"bad date in '{field}': {text[:40]!r}")
    return day


def parse_article(text: str, fallback_id: str) -> Article:
    """Build an Article from a corpus document: front matter first, then the text.

    Parameters
    ----------
    text : str
        The Markdown document.
    fallback_id : str
        Id to use when the front matter has none (the file name stem).

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
    cleaned = clean_text(raw, author=author)
    if not cleaned.body.strip():
        raise CorpusError("no article text")
    article_id = str(meta.get("id") or fallback_id)
    if not SLUG.match(article_id):
        raise CorpusError(f"bad article id {article_id!r}: use a lowercase slug")
    title = str(meta.get("title") or cleaned.title or "").strip()
    if not title:
        raise CorpusError("no title: give one in the front matter or with --title")
    published = to_date(meta.get("published"), "published") or cleaned.published
    if published is None:
        raise CorpusError("no publication date in the file: give one with --published")
    return Article(
        id=article_id,
        title=title,
        author=str(meta.get("author") or cleaned.author or ""),
        published=published,
        source=read_source(meta),
        language=str(meta.get("language") or guess_language(cleaned.body)),
        body=cleaned.body,
        content_hash=hash_text(cleaned.body),
        posted=to_date(meta.get("posted"), "posted") or cleaned.posted,
    )


def read_source(meta: dict[str, Any]) -> str:
    """Return an article's source: its ``url`` when that is http(s), else ``source``.

    The index keeps one source per article; a link to the article itself beats
    the site's name, and the page shows the site as the link's text.
    """
    url = str(meta.get("url") or "").strip()
    if re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        return url
    return str(meta.get("source") or "")


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
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read {path.name}: {exc}") from None
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
