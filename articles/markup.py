"""Remove markup debris: invisible characters, HTML tags and entities, Markdown."""

from __future__ import annotations

import html
import re

_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u00ad\u200e\u200f\u2060\u202a\u202b\u202c\u202d\u202e"), None
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DROP_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|iframe|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_BREAK_TAGS = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END_TAGS = re.compile(
    r"</(p|div|h[1-6]|li|blockquote|section|article|tr)\s*>", re.IGNORECASE
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")

_ESCAPABLE = "\\`*_{}[]()#+-.!|~<>"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_PLACEHOLDER_BASE = 0xE000  # private use area: never in real text we keep
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"`([^`]+)`"),
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_QUOTE_MARK = re.compile(r"^(?:>\s?)+", re.MULTILINE)


def normalize_text(text: str) -> str:
    r"""Unify line ends, drop BOMs, zero-width and control characters, NBSP to space.

    Parameters
    ----------
    text : str
        Decoded text.

    Returns
    -------
    str
        Text with ``\n`` line ends only.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).replace("\u00a0", " ").replace("\u202f", " ")
    return _CONTROLS.sub("", text)


def strip_html(text: str) -> str:
    """Remove HTML remnants, keeping the text inside tags.

    ``<sup>th</sup>`` becomes ``th``, ``<u>x</u>`` becomes ``x``; scripts, styles and
    comments go with their content; ``<br>`` becomes a line break and the end of a
    block element a paragraph break; entities are decoded last, so an escaped
    ``&lt;script&gt;`` survives as literal text.

    Parameters
    ----------
    text : str
        Text that may hold HTML fragments.

    Returns
    -------
    str
        Plain text.
    """
    text = _DROP_ELEMENTS.sub("", text)
    text = _BREAK_TAGS.sub("\n", text)
    text = _BLOCK_END_TAGS.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text).replace("\u00a0", " ")


def strip_markdown(text: str) -> str:
    r"""Remove inline Markdown from one block: emphasis, links, images, escapes.

    A backslash-escaped character is kept literally: ``Taliban\*`` becomes
    ``Taliban*`` (a footnote marker), never emphasis.

    Parameters
    ----------
    text : str
        One paragraph or heading.

    Returns
    -------
    str
        The visible text.
    """
    text = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m[1])), text)
    text = _QUOTE_MARK.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return "".join(
        _ESCAPABLE[ord(ch) - _PLACEHOLDER_BASE]
        if _PLACEHOLDER_BASE <= ord(ch) < _PLACEHOLDER_BASE + len(_ESCAPABLE)
        else ch
        for ch in text
    )


def script_of(ch: str) -> str:
    """Name the writing system of a letter: latin, arabic, cyrillic, han or other."""
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x600 <= code < 0x780 or 0xFB50 <= code < 0xFE00 or 0xFE70 <= code < 0xFF00:
        return "arabic"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0:
        return "han"
    return "other"


def count_scripts(text: str) -> dict[str, int]:
    """Count the letters of each writing system in a text."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = script_of(ch)
            counts[name] = counts.get(name, 0) + 1
    return counts
