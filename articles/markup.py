"""Remove markup debris: invisible characters, HTML tags and entities, Markdown."""

from __future__ import annotations

import html
import re
import string

from articles.chars import char_pairs, holds_any, replace_chars

_INVISIBLE = char_pairs(
    {
        **dict.fromkeys(
            map(
                ord,
                "\ufeff\u200b\u00ad\u200e\u200f\u2060\u202a\u202b\u202c\u202d\u202e"
                "\u2066\u2067\u2068\u2069",  # bidi isolates too: no reordering tricks
            ),
            None,
        ),
        0xA0: " ",  # no-break spaces become spaces
        0x202F: " ",
    }
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0, DEL and C1
# An unclosed element or comment runs to the end of the text (as in a browser), so
# a wall of "<!--" or "<script>" is one match, not a scan to the end from each.
_DROP_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|iframe|svg)\b[^<>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!--.*?(?:-->|\Z)",
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
_RESTORE = char_pairs({_PLACEHOLDER_BASE + i: ch for i, ch in enumerate(_ESCAPABLE)})
# An emphasised span holds no marker of its own kind, so an unclosed marker costs
# a scan to the next marker, not to the end of the block (no quadratic time on a
# wall of "**a "); nested emphasis goes in a second pass (see strip_markdown).
_EMPHASIS = (
    ("**", re.compile(r"\*\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*\*")),
    ("__", re.compile(r"(?<![\w_])__(?=[^\s_])([^_]+?)(?<=[^\s_])__(?![\w_])")),
    ("*", re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")),
    ("_", re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")),
    ("~~", re.compile(r"~~(?=[^\s~])([^~]+?)(?<=[^\s~])~~")),
    ("`", re.compile(r"`([^`]+)`")),
)
_MARKUP_CHARS = tuple("\\`*_[~>")
# Link text and targets hold no brackets or parentheses of their own (one nested
# pair in a target aside), so a wall of "[" or "[a](" is matched in linear time.
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*\)")
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
    if not text.isascii():  # the invisible ones and the two spaces are not ASCII
        text = replace_chars(text, _INVISIBLE)
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
    if not holds_any(text, _MARKUP_CHARS):
        return text
    # Each pattern runs only when its marker is in the text: most blocks hold only a
    # footnote asterisk ("Taliban*"), and running all 16 patterns on each cost a
    # third of the cleaner's time.
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(
            lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m[1])), text
        )
    if ">" in text:
        text = _QUOTE_MARK.sub("", text)
    if "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    for _ in range(2):  # twice: **bold *and* italic**
        changed = 0
        for marker, pattern in _EMPHASIS:
            if _twice(text, marker):  # an opening and a closing one
                text, n = pattern.subn(r"\1", text)
                changed += n
        if not changed:
            break
    return replace_chars(text, _RESTORE) if escaped else text


def _twice(text: str, marker: str) -> bool:
    """Whether `marker` occurs twice in `text`, without overlap."""
    first = text.find(marker)
    return first != -1 and text.find(marker, first + len(marker)) != -1


_SCRIPTS = {
    "latin": re.compile(r"[\u00c0-\u024f]"),
    "arabic": re.compile(r"[\u0600-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
}
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def count_scripts(text: str) -> dict[str, int]:
    """Count the letters of each script (latin, arabic, cyrillic, han, other)."""
    if text.isascii():  # no other script to look for
        raw = text.encode("ascii")
        latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return {"latin": latin} if latin else {}
    ascii_part = text.encode("ascii", "ignore")
    rest = _ASCII_RUN.sub("", text)
    counts = {name: len(p.findall(rest)) for name, p in _SCRIPTS.items()}
    counts["other"] = len(_LETTER.findall(rest)) - sum(counts.values())
    counts["latin"] += len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    return {name: n for name, n in counts.items() if n > 0}
