"""Recognise datelines, bylines and author bios, and parse the dates they carry."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
DATE_PATTERN = (
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})"
    rf"|(?P<am>{_MONTH})\s+(?P<ad>\d{{1,2}}){_ORD},?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}}))"
)
_DATE_RE = re.compile(DATE_PATTERN)
_WORD = r"[A-Z][\w.'’-]*"
NAME_PATTERN = rf"{_WORD}(?:\s+(?:{_WORD}|al|bin|de|del|ul|van|von)){{0,4}}"
_PREFIX = r"(?i:(?:by|posted|published|updated|date)(?:\s+on)?\s*[:\s]\s*)?"
_DATELINE_RE = re.compile(
    rf"^{_PREFIX}(?:(?P<name>{NAME_PATTERN})\s*[,|–—-]?\s*)?(?P<date>{DATE_PATTERN})\.?$"
)
_AUTHOR_RE = re.compile(rf"^(?i:by)\s+(?P<name>{NAME_PATTERN})$")
_BIO_TAIL = r"(?:\s*[–—-]\s*(?:is|was)?\s*|,?\s+(?:is|was)\s+(?:a|an|the)\s)"
_BIO_RE = re.compile(
    rf"^(?i:about the author:?\s*)?(?P<name>{NAME_PATTERN}){_BIO_TAIL}"
)


def parse_date(text: str) -> dt.date | None:
    """Parse a whole string that is one date ("24.01.2025", "January 23, 2025").

    Parameters
    ----------
    text : str
        The candidate date; numeric forms with dots or slashes read day first.

    Returns
    -------
    datetime.date or None
        The date, or None when the string is not exactly one valid date.
    """
    match = _DATE_RE.fullmatch(text.strip())
    return _date_from_match(match) if match else None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["ny"]:
            return dt.date(int(g["ny"]), int(g["nm"]), int(g["nd"]))
        if g["ay"]:
            month = _MONTHS[g["am"].rstrip(".").lower()]
            return dt.date(int(g["ay"]), month, int(g["ad"]))
        month = _MONTHS[g["bm"].rstrip(".").lower()]
        return dt.date(int(g["by"]), month, int(g["bd"]))
    except ValueError:
        return None


def match_dateline(line: str) -> tuple[str | None, dt.date] | None:
    """Recognise a line that is a date, optionally preceded by a name.

    Matches "Taut Bataut 24.01.2025", "Taut Bataut, January 23, 2025",
    "By Jane Roe, 5 March 2024", "Posted on 2024-03-05".

    Parameters
    ----------
    line : str
        One line of text, markup already removed.

    Returns
    -------
    tuple or None
        ``(name or None, date)`` when the line is a dateline, else None.
    """
    match = _DATELINE_RE.match(line.strip())
    if match is None:
        return None
    day = _date_from_match(match)
    if day is None:
        return None
    name = match["name"]
    if name and name.split()[0].lower() in {"by", "posted", "published", "updated"}:
        name = None
    return name, day


def match_author_line(line: str) -> str | None:
    """Return the name in a "By Jane Roe" line, else None."""
    match = _AUTHOR_RE.match(line.strip())
    return match["name"] if match else None


def is_bio(block: str, author: str | None) -> bool:
    """Tell whether a block is an author bio ("Jane Roe – is a researcher ...").

    Parameters
    ----------
    block : str
        A paragraph, markup removed.
    author : str or None
        The known author; when given, the bio must start with that name.

    Returns
    -------
    bool
        True for a short paragraph introducing the author.
    """
    text = block.strip()
    if len(text.split()) > 80:
        return False
    if text.lower().startswith("about the author"):
        return True
    match = _BIO_RE.match(text)
    if match is None:
        return False
    if author:
        return match["name"].casefold() == author.casefold()
    return bool(re.search(r"[–—-]\s*(?:is|was)\b", text[: match.end() + 4]))
