"""Escape untrusted text for the page: HTML with <mark> highlights, Markdown, links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

#: ASCII punctuation CommonMark lets a backslash escape (plus ``$`` for Streamlit's
#: math extension, ``~`` for strikethrough and ``:`` for emoji shortcodes).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:&\"'=^%@/?;,])")
_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Clamp spans to ``[0, length]``, drop empty ones, merge overlapping ones.

    Parameters
    ----------
    spans : iterable of (start, end)
        Character offsets, possibly overlapping, unordered or out of range.
    length : int
        Length of the text the spans refer to.

    Returns
    -------
    list of (start, end)
        Sorted, disjoint, non-empty spans inside the text.
    """
    clamped = sorted(
        (max(0, min(s, length)), max(0, min(e, length))) for s, e in spans if e > s
    )
    merged: list[tuple[int, int]] = []
    for start, end in clamped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def build_highlighted_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap the given character spans in ``<mark>``.

    Every character of ``text`` is HTML-escaped (quotes included) before it is
    placed in the output, so the result is inert whatever the text holds.

    Parameters
    ----------
    text : str
        Untrusted passage text.
    spans : iterable of (start, end)
        Character offsets into ``text`` to highlight.

    Returns
    -------
    str
        HTML fragment (no enclosing element).
    """
    parts: list[str] = []
    cursor = 0
    for start, end in merge_spans(spans, len(text)):
        parts.append(html.escape(text[cursor:start], quote=True))
        parts.append(f"<mark>{html.escape(text[start:end], quote=True)}</mark>")
        cursor = end
    parts.append(html.escape(text[cursor:], quote=True))
    return "".join(parts)


def find_term_spans(text: str, query: str | None) -> list[tuple[int, int]]:
    """Spans of ``text`` where any word of ``query`` occurs (case-insensitive).

    Parameters
    ----------
    text : str
        Passage text.
    query : str or None
        Free text typed by the user; words shorter than 2 characters are ignored.

    Returns
    -------
    list of (start, end)
        Occurrences of the query words, possibly overlapping.
    """
    if not query:
        return []
    words = {w.casefold() for w in _WORD.findall(query) if len(w) >= 2}
    spans: list[tuple[int, int]] = []
    for word in sorted(words):
        pattern = re.compile(re.escape(word), re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def build_safe_href(url: str | None) -> str | None:
    """Return ``url`` escaped for an ``href`` attribute if it is http(s), else None.

    Parameters
    ----------
    url : str or None
        Untrusted source URL (may be a plain source name, ``javascript:`` ...).

    Returns
    -------
    str or None
        The attribute-escaped URL, or None when it must not become a link.
    """
    if not url:
        return None
    candidate = url.strip()
    if any(ord(ch) < 0x20 or ch in " \x7f" for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return html.escape(candidate, quote=True)


def build_source_html(source: str, url: str | None = None) -> str:
    """Return a citation's source: the outlet, linking to the article when known.

    The link text is the outlet's name, else the article's host
    (``www.example.org``). A ``source`` that is itself an http(s) address (an
    index built before sources and addresses were kept apart) is the link.
    """
    if url is None and build_safe_href(source) is not None:
        url, source = source, ""
    label = source or (urlsplit(url).netloc if url else "")
    return build_link_html(url, label or str(url or ""))


def build_link_html(url: str | None, label: str) -> str:
    """Build an ``<a>`` to ``url`` (http(s) only, rel=noopener) or the escaped label.

    Parameters
    ----------
    url : str or None
        Untrusted URL.
    label : str
        Untrusted link text.

    Returns
    -------
    str
        HTML fragment.
    """
    href = build_safe_href(url)
    text = html.escape(label, quote=True)
    if href is None:
        return text
    return (
        f'<a href="{href}" target="_blank" rel="noopener noreferrer nofollow">'
        f"{text}</a>"
    )


def escape_markdown(text: str) -> str:
    """Backslash-escape ``text`` so ``st.markdown``/``st.error`` show it literally.

    Parameters
    ----------
    text : str
        Untrusted text (error messages, titles, URL parameters).

    Returns
    -------
    str
        Markdown source that renders as the original characters, on one line.
    """
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)
