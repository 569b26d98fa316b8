"""RSS and Atom feeds to corpus documents, one per entry (feedparser).

feedparser reads RSS 0.9x/1.0/2.0 and Atom, dates in any of their formats, and
sanitises entry HTML. Each entry becomes a Markdown document with its title, link
(``url``), author, publication date and the feed's title as ``source``; its body is
the entry's content, else its summary. When an entry has only a summary and a link,
the linked page is fetched (the analyst's own network: a short timeout, the file
size limit, http(s) only) and its article text used; when the page cannot be
reached, the summary is used and the entry says why.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles import markup
from articles.corpus import render_document
from articles.extract import ExtractError, decode_bytes, extract_html
from articles.limits import MAX_FILE_BYTES
from articles.safe_read import FileRefused, read_limited

#: Seconds to wait for a feed or a linked page.
FETCH_SECONDS = 10.0

Fetch = Callable[[str], bytes]


class FeedError(ValueError):
    """The feed cannot be read; the message is one line."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry as a document to ingest, with a note on how its text was got."""

    key: str  # the link, else the title: names the entry in the report
    link: str | None
    filename: str
    document: bytes
    note: str | None = None


def fetch_url(url: str) -> bytes:
    """Fetch an http(s) URL within ``FETCH_SECONDS`` and the file size limit.

    Raises
    ------
    OSError
        Unreachable, an HTTP error, too large or not http(s) (the message says).
    """
    if not url.lower().startswith(("http://", "https://")):
        raise OSError(f"not an http(s) link: {url[:80]}")
    request = urllib.request.Request(url, headers={"User-Agent": "articles-ingest"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:
            data: bytes = response.read(MAX_FILE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise OSError(f"HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise OSError(str(exc.reason)) from None
    except TimeoutError:
        raise OSError(f"no answer in {FETCH_SECONDS:g} s") from None
    if len(data) > MAX_FILE_BYTES:
        raise OSError(f"larger than {MAX_FILE_BYTES:,} bytes")
    return data


def read_feed(source: str, fetch: Fetch = fetch_url) -> list[FeedEntry]:
    """Read a feed (a URL or a file) into one document per entry.

    Parameters
    ----------
    source : str
        An http(s) URL or a path to a feed file.
    fetch : callable
        Gets a URL's bytes (raises ``OSError``); injected in tests.

    Returns
    -------
    list of FeedEntry
        In feed order.

    Raises
    ------
    FeedError
        The feed cannot be fetched or read, or is not well-formed RSS or Atom.
    """
    import feedparser  # only when a feed is ingested

    data = _load(source, fetch)
    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not isinstance(
        parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride
    ):
        reason = str(parsed.get("bozo_exception") or "unreadable").splitlines()[0]
        raise FeedError(f"malformed feed: {reason[:120]}")
    if not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    site = str(parsed.feed.get("title") or "") or None
    return [_entry(e, site, fetch) for e in parsed.entries]


def _load(source: str, fetch: Fetch) -> bytes:
    try:
        if source.lower().startswith(("http://", "https://")):
            return fetch(source)
        return read_limited(Path(source), MAX_FILE_BYTES)
    except FileRefused as exc:
        raise FeedError(f"{source}: {exc}") from None
    except OSError as exc:
        raise FeedError(f"{source}: feed not reachable: {exc}") from None


def _entry(entry: Any, site: str | None, fetch: Fetch) -> FeedEntry:
    link = str(entry.get("link") or "") or None
    title = str(entry.get("title") or "")
    content = [c.get("value", "") for c in entry.get("content", [])]
    summary = str(entry.get("summary") or "")
    body = markup.strip_html("\n\n".join(content)).strip()
    note = None
    page_meta: dict[str, Any] = {}
    if (not body or body == markup.strip_html(summary).strip()) and link:
        try:
            page = extract_html(decode_bytes(fetch(link)))
            body = page.text
            page_meta = {"author": page.author, "published": page.published}
        except (OSError, ExtractError) as exc:
            note = f"linked page not reachable ({exc}); the summary is used"
    if not body:
        body = markup.strip_html(summary).strip()
    meta = {
        "title": title or None,
        "published": _date(entry) or page_meta.get("published"),
        "author": str(entry.get("author") or "") or page_meta.get("author"),
        "url": link,
        "source": site,
    }
    document = render_document({k: v for k, v in meta.items() if v}, body + "\n")
    return FeedEntry(
        link or title, link, "feed-entry.md", document.encode("utf-8"), note
    )


def _date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None
