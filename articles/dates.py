"""Find the dates a passage mentions and normalise them against the publication date.

Candidate spans come from hand-written regular expressions (`articles.date_patterns`)
because exact offsets matter and general date searchers are slow and loose about
spans (``dateparser.search_dates`` takes milliseconds per passage and reads "May" in
"may be" or "March" in "Long March" as months). The forms are those news articles
use; the tests cross-check the normalisation against ``dateparser``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from articles import date_patterns as dp
from articles.model import DateMention, Passage

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")


@dataclass(frozen=True)
class _Found:
    """A date phrase: parts known so far (year None = take it from context)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    direction: int = 0  # yearless: -1 the last such month, +1 the next, 0 nearest
    explicit: bool = True  # the text itself carries the year


def _name_before(text: str, start: int) -> bool:
    """Tell whether a capitalised non-cue word precedes ("Long March", "Theresa")."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = match.group(1)
    return word[0].isupper() and word.lower().rstrip(".") not in dp.MONTH_CUES


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _from_parts(match: re.Match[str], text: str) -> _Found | None:
    """DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR, DAY_MONTH and MONTH_DAY."""
    groups = match.groupdict()
    month = dp.MONTHS[groups["m"].rstrip(".")]
    day = int(groups["d"]) if groups.get("d") else None
    year = int(groups["y"]) if groups.get("y") else None
    if not match.group(0)[0].isdigit() and _name_before(text, match.start()):
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is not None and not _valid(year, month, day):
        return None
    return _Found(match.start(), match.end(), year, month, day, 0, year is not None)


def _from_month_alone(match: re.Match[str], _text: str) -> _Found:
    cue = match.group("cue").lower()
    start = match.end("cue") + 1
    direction = {"last": -1, "next": 1}.get(cue, 0)
    return _Found(
        start, match.end(), None, dp.MONTHS[match.group("m")], None, direction
    )


def _from_numeric(match: re.Match[str], _text: str) -> _Found | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if "a" in groups:  # day first (international), month first only if it must be
        day, month = int(groups["a"]), int(groups["b"])
        if month > 12 >= day:
            day, month = month, day
    else:
        day, month = int(groups["d"]), int(groups["m"])
    if not _valid(year, month, day):
        return None
    return _Found(match.start(), match.end(), year, month, day)


def _from_year(match: re.Match[str], text: str) -> _Found | None:
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is not None and before.group(1).lower() in dp.CODE_WORDS:
        return None
    after = _WORD_AFTER.match(text, match.end())
    if after is not None and after.group(1) in dp.COUNT_WORDS:
        return None
    return _Found(match.start(), match.end(), int(match.group("y")), None, None)


def _from_september_11(match: re.Match[str], _text: str) -> _Found:
    return _Found(match.start(), match.end(), 2001, 9, 11, explicit=False)


_Finder = Callable[[re.Match[str], str], "_Found | None"]
_ABSOLUTE: tuple[tuple[re.Pattern[str], _Finder], ...] = (
    (dp.SEPTEMBER_11, _from_september_11),  # first: wins ties with MONTH_DAY
    (dp.DAY_MONTH_YEAR, _from_parts),
    (dp.MONTH_DAY_YEAR, _from_parts),
    (dp.MONTH_YEAR, _from_parts),
    (dp.DAY_MONTH, _from_parts),
    (dp.MONTH_DAY, _from_parts),
    (dp.MONTH_ALONE, _from_month_alone),
    (dp.NUMERIC_DMY, _from_numeric),
    (dp.NUMERIC_YMD, _from_numeric),
    (dp.YEAR_ALONE, _from_year),
)


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _from_relative(match: re.Match[str], published: dt.date) -> _Found:
    """Resolve "yesterday", "last Monday", "last month", "two weeks ago"."""
    g = match.groupdict()
    start, end = match.start(), match.end()
    if g["named"]:
        day = published - dt.timedelta(days=g["named"].lower() == "yesterday")
        return _Found(start, end, day.year, day.month, day.day)
    if g["wd"]:
        weekday, cue = dp.WEEKDAYS[g["wd"]], (g["wcue"] or "").lower()
        back = (published.weekday() - weekday) % 7
        if cue == "last" and back == 0:
            back = 7
        if cue == "next":
            back = -((weekday - published.weekday()) % 7 or 7)
        day = published - dt.timedelta(days=back)
        return _Found(start, end, day.year, day.month, day.day)
    if g["unit"]:
        unit, cue = g["unit"].lower(), g["unit_cue"].lower().split()[0]
        step = {"last": -1, "next": 1}.get(cue, 0)
        if unit == "year":
            return _Found(start, end, published.year + step, None, None)
        if unit == "week":
            year, month = _shift_month(published + dt.timedelta(weeks=step), 0)
        else:
            year, month = _shift_month(published, step)
        return _Found(start, end, year, month, None)
    count = (
        int(g["count"]) if g["count"].isdigit() else dp.NUMBER_WORDS[g["count"].lower()]
    )
    unit = g["ago_unit"].lower().rstrip("s")
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return _Found(start, end, day.year, day.month, day.day)
    if unit == "year":
        return _Found(start, end, published.year - count, None, None)
    months = -count if unit == "month" else 0
    base = published - dt.timedelta(weeks=count if unit == "week" else 0)
    year, month = _shift_month(base, months)
    return _Found(start, end, year, month, None)


def _find_all(text: str, published: dt.date) -> Iterator[_Found]:
    for pattern, finder in _ABSOLUTE:
        for match in pattern.finditer(text):
            found = finder(match, text)
            if found is not None:
                yield found
    for match in dp.RELATIVE.finditer(text):
        yield _from_relative(match, published)


def _select(found: Iterator[_Found], size: int) -> list[_Found]:
    """Longest first, then leftmost; nothing overlaps; reading order."""
    taken = bytearray(size)
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if taken.find(1, item.start, item.end) == -1:
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


def infer_year(month: int, day: int | None, published: dt.date, direction: int) -> int:
    """Infer the year of a month (and day) written without one.

    ``direction`` -1 ("last May") takes the latest such month before publication,
    +1 ("next May") the earliest after. Otherwise the nearest to publication, where
    the future counts three times as far as the past: news reports the recent past
    more than it announces, so "December 30th" in January is last December while
    "June 10" in late May is next month.
    """
    best: tuple[int, int] | None = None
    for year in range(published.year - 1, published.year + 2):
        if not _valid(year, month, day):
            continue
        delta = (dt.date(year, month, day or 15) - published).days
        if (direction < 0 and (year, month) >= (published.year, published.month)) or (
            direction > 0 and (year, month) <= (published.year, published.month)
        ):
            continue
        cost = 3 * delta if delta > 0 else -delta
        if best is None or cost < best[0]:
            best = (cost, year)
    return published.year if best is None else best[1]


def _context_year(items: list[_Found], index: int) -> int | None:
    """Take the year of the nearest earlier full date, else of the nearest later one.

    Only phrases with a month and a written year count: a bare year is as often a
    historical reference ("the 1893 agreement") as the frame of the narrative.
    """
    dated = [f.year for f in items[:index] if f.explicit and f.month and f.year]
    if dated:
        return dated[-1]
    later = [f.year for f in items[index + 1 :] if f.explicit and f.month and f.year]
    return later[0] if later else None


def _to_mention(passage: Passage, item: _Found, year: int) -> DateMention | None:
    if item.month is None:
        value, precision = f"{year:04d}", "year"
    elif item.day is None:
        value, precision = f"{year:04d}-{item.month:02d}", "month"
    elif _valid(year, item.month, item.day):
        value, precision = f"{year:04d}-{item.month:02d}-{item.day:02d}", "day"
    else:
        return None
    text = passage.text[item.start : item.end]
    return DateMention(passage.id, item.start, item.end, text, value, precision)


def extract_dates(
    passage: Passage, published: dt.date, context_year: int | None = None
) -> list[DateMention]:
    """Every date a passage mentions, normalised, with exact spans.

    Parameters
    ----------
    passage : Passage
        Spans are offsets in ``passage.text``.
    published : datetime.date
        Publication date: relative dates ("last month", "on Monday") resolve
        against it, and it decides the year of a yearless date when nothing else does.
    context_year : int, optional
        Year for yearless dates ("30 December") when the passage itself names no
        year; the passage's own nearest dated phrase takes precedence.

    Returns
    -------
    list of DateMention
        In reading order; ``value`` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) by precision.
    """
    items = _select(_find_all(passage.text, published), len(passage.text))
    mentions: list[DateMention] = []
    for index, item in enumerate(items):
        year = item.year
        if year is None and item.month is not None:
            year = None if item.direction else _context_year(items, index)
            year = year or (None if item.direction else context_year)
            if year is None:
                year = infer_year(item.month, item.day, published, item.direction)
        if year is None:
            continue
        mention = _to_mention(passage, item, year)
        if mention is not None:
            mentions.append(mention)
    return mentions
