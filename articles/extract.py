"""Raw bytes to text: encoding detection, binary rejection, HTML article extraction."""

from __future__ import annotations

import codecs
import datetime as dt
from dataclasses import dataclass

#: Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class ExtractError(ValueError):
    """The input cannot be read as article text; the message is one line."""


@dataclass(frozen=True)
class Extracted:
    """Article text taken out of an HTML page, with the page's own metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    source: str | None = None


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text.

    Honours a byte-order mark (UTF-8, UTF-16, UTF-32), recognises BOM-less UTF-16,
    then tries UTF-8 and falls back to cp1252 only when the result looks like text.

    Parameters
    ----------
    data : bytes
        The raw file content.

    Returns
    -------
    str
        The decoded text (BOM removed).

    Raises
    ------
    ExtractError
        Empty, binary (NUL bytes or control characters) or undecodable input.
    """
    if not data.strip():
        raise ExtractError("empty file")
    text = _decode_unicode(data)
    if text is None:
        text = _decode_cp1252(data)
    if not text.strip():
        raise ExtractError("empty file")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise ExtractError("binary file (control characters), not article text")
    return text


def _decode_unicode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExtractError(
                    f"undecodable {encoding} text: {exc.reason}"
                ) from None
    guessed = _guess_utf16(data)
    if guessed:
        try:
            return data.decode(guessed)
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        raise ExtractError("binary file (NUL bytes), not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _guess_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less text that is mostly ASCII, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) > 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _decode_cp1252(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ExtractError("undecodable text: neither UTF-8 nor cp1252") from None
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if non_ascii > 0.1 * len(text):
        raise ExtractError("undecodable text: not UTF-8, and not plausibly cp1252")
    return text


def extract_html(html: str) -> Extracted:
    """Take the article text and metadata out of an HTML page (offline, no fetching).

    Navigation, scripts, styles, comments, tables and images are dropped; the text
    comes back as Markdown (headings kept).

    Parameters
    ----------
    html : str
        The page source.

    Returns
    -------
    Extracted
        Text plus the page's title, author, date and site name when it has them.

    Raises
    ------
    ExtractError
        The page holds no article text.
    """
    import trafilatura  # heavy import: only when HTML is actually ingested

    text = trafilatura.extract(
        html,
        output_format="markdown",
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        with_metadata=False,
    )
    if not text or not text.strip():
        raise ExtractError("no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        try:
            published = dt.date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    return Extracted(
        text=text,
        title=(meta.title or None) if meta is not None else None,
        author=(meta.author or None) if meta is not None else None,
        published=published,
        source=(meta.url or meta.sitename or None) if meta is not None else None,
    )
