"""Find date phrases in a text: exact spans and the date parts each one gives.

Every finder starts from a match of `articles.dates.patterns` and checks by hand
what a regular expression cannot say cheaply: that the match is not glued to a
longer word or number, that a month after a capitalised word is part of a name
("Long March 2014"), that a 4-digit number counts something ("2000 troops") or
numbers a code ("Resolution 1988"). Relative phrases ("last Monday", "two weeks
ago") are resolved here against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from articles.chars import ASCII_DIGITS, holds_any
from articles.dates import patterns as dp


@dataclass(frozen=True)
class Found:
    """A date phrase: the parts it gives (year None: take it from the context)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    direction: int = 0  # yearless: -1 the last such month, +1 the next, 0 nearest
    explicit: bool = True  # the text itself carries the year
    week: bool = False  # the ISO week of the day given ("last week")
    relative: bool = False  # resolved against a reference date ("on Monday")
    # (relative phrases are never explicit: they give no year of their own)


def _glued_left(text: str, start: int, left: str = "") -> bool:
    """Tell whether a match continues a word or number on its left."""
    before = text[start - 1] if start else " "
    return before.isalnum() or before in left


def _glued(text: str, start: int, end: int, left: str = "") -> bool:
    """Tell whether a match continues a longer word or number on either side."""
    after = text[end] if end < len(text) else " "
    return _glued_left(text, start, left) or after.isalnum()


def _word_before(text: str, start: int) -> str:
    match = dp.WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


def _extend_left(text: str, start: int, pattern: re.Pattern[str]) -> int:
    """Find the start of an optional "Monday, " (and "the ") before a date."""
    match = pattern.search(text, max(0, start - 30), start)
    return match.start() if match else start


def is_valid(year: int, month: int, day: int | None) -> bool:
    """Tell whether the parts make a calendar date (day None: the month)."""
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _day_first(match: re.Match[str], text: str) -> list[Found]:
    """Read "30th December 2024", "30 December", "the 3rd of May 2021"."""
    if _glued_left(text, match.start(), "."):
        return []
    day, month = int(match.group("d")), dp.MONTHS[match.group("m").rstrip(".")]
    year = int(match.group("y")) if match.group("y") else None
    if not 1 <= day <= 31 or (year is not None and not is_valid(year, month, day)):
        return []
    written = year is not None
    first = dp.RANGE_START.search(text, max(0, match.start() - 16), match.start())
    if first is not None and 1 <= int(first.group("d")) < day:  # "11-12 October"
        start, end = first.span("d")
        return [
            Found(start, end, year, month, int(first.group("d")), 0, written),
            Found(match.start(), match.end(), year, month, day, 0, written),
        ]
    start = _extend_left(text, match.start(), dp.LEFT_OF_DAY)
    return [Found(start, match.end(), year, month, day, 0, written)]


def _month_first(match: re.Match[str], text: str) -> list[Found]:
    """Read "January 23, 2025", "December 30th", "March 2024" and "in March"."""
    if _glued_left(text, match.start()):
        return []
    month = dp.MONTHS[match.group("m").rstrip(".")]
    day = int(match.group("d")) if match.group("d") else None
    year = int(match.group("y")) if match.group("y") else None
    before = _word_before(text, match.start())
    if day is None and year is None:  # a month alone needs a cue: "in March"
        cue = before.lower()
        if cue not in dp.ALONE_CUES or not match.group("m")[1:].islower():
            return []
        direction = {"last": -1, "next": 1}.get(cue, 0)
        return [Found(match.start(), match.end(), None, month, None, direction)]
    if day is not None and not 1 <= day <= 31:
        return []
    if year is not None and not is_valid(year, month, day):
        return []
    start = _extend_left(text, match.start(), dp.LEFT_OF_MONTH)
    # "Long March 2014", "Theresa May 2019": a capitalised word that is no cue
    named = before[:1].isupper() and before.lower().rstrip(".") not in dp.MONTH_CUES
    if start == match.start() and named:
        return []
    if (month, day, year) == (9, 11, None) and dp.ATTACKS_AFTER.match(
        text, match.end()
    ):
        return [Found(start, match.end(), 2001, 9, 11, explicit=False)]
    last = int(match.group("d2")) if match.group("d2") else 0
    if day is not None and day < last <= 31:  # "October 11-12": both days
        return [
            Found(start, match.end("d"), year, month, day, 0, year is not None),
            Found(
                match.start("d2"), match.end(), year, month, last, 0, year is not None
            ),
        ]
    return [Found(start, match.end(), year, month, day, 0, year is not None)]


def _year(text: str, start: int, end: int) -> Found | None:
    """Read a year on its own, unless it counts something or numbers a code."""
    year = int(text[start:end])
    if not 1800 <= year <= 2100:
        return None
    after = dp.WORD_AFTER.match(text, end)
    if after is not None and after.group(1).lower() in dp.COUNT_WORDS:
        return None
    if _word_before(text, start).lower() in dp.CODE_WORDS:
        return None
    prefix = dp.LEFT_OF_YEAR.search(text, max(0, start - 6), start)
    return Found(prefix.start() if prefix else start, end, year, None, None)


def _number(match: re.Match[str], text: str) -> list[Found]:
    """Numeric dates ("24.01.2025", "2024-12-30"), years and year ranges."""
    start, end = match.span()
    if _glued(text, start, end, left="$£€.,/:") or text[end : end + 1] == "%":
        return []
    if match.group() in dp.NAMED_NUMBERS:  # "9/11": the attacks
        year, month, day = dp.NAMED_NUMBERS[match.group()]
        return [Found(start, end, year, month, day, explicit=False)]
    parts = re.split(r"([./\-–])", match.group())
    sizes = [len(p) for p in parts[::2]]
    seps = set(parts[1::2])
    if sizes == [4]:
        found = _year(text, start, end)
        return [found] if found else []
    if len(sizes) == 2 and seps <= {"-", "–"} and sizes[0] == 4 and sizes[1] in (2, 4):
        second = end - sizes[1]
        years = [_year(text, start, start + 4)]
        years += [_year(text, second, end)] if sizes[1] == 4 else []
        return [y for y in years if y is not None]
    if len(sizes) != 3 or len(seps) != 1:
        return []
    numbers = [int(p) for p in parts[::2]]
    if sizes[0] == 4 and sizes[1:] == [2, 2] and seps <= {"-", "/"}:
        year, month, day = numbers
    elif sizes[2] == 4 and max(sizes[:2]) <= 2 and seps <= {".", "/"}:
        day, month, year = numbers  # day first (international) ...
        if month > 12 >= day:  # ... month first only where it must be
            day, month = month, day
    else:
        return []
    if not 1800 <= year <= 2100 or not is_valid(year, month, day):
        return []
    return [Found(start, end, year, month, day)]


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _day(start: int, end: int, day: dt.date) -> Found:
    return Found(start, end, day.year, day.month, day.day)


def _named_day(match: re.Match[str], text: str, published: dt.date) -> list[Found]:
    if _glued(text, *match.span()):
        return []
    back = match.group().lower() == "yesterday"
    return [_day(*match.span(), published - dt.timedelta(days=back))]


def _weekday(match: re.Match[str], text: str, published: dt.date) -> list[Found]:
    """Read "on Monday", "last Friday", "next Tuesday" (nearest such day otherwise)."""
    if _glued(text, *match.span()):
        return []
    weekday = dp.WEEKDAYS[match.group()]
    cue = _word_before(text, match.start())
    start = match.start()
    if cue.lower() in ("last", "this", "on", "next"):
        start -= len(cue) + 1
    back = (published.weekday() - weekday) % 7
    if cue.lower() == "last" and back == 0:
        back = 7
    if cue.lower() == "next":
        back = -((weekday - published.weekday()) % 7 or 7)
    return [_day(start, match.end(), published - dt.timedelta(days=back))]


def _unit(match: re.Match[str], text: str, published: dt.date) -> list[Found]:
    """Read "last week" (a week), "this month", "next year", "earlier this month".

    A week is the ISO week (Monday to Sunday) of the day a week before or after
    publication (or publication's own for "this week").
    """
    if _glued(text, *match.span()):
        return []
    start, end = match.span()
    before = _word_before(text, start)
    if match.group("cue").lower() == "this" and before.lower() in ("earlier", "later"):
        start -= len(before) + 1
    step = {"last": -1, "next": 1}.get(match.group("cue").lower(), 0)
    unit = match.group("unit")
    if unit == "year":
        return [Found(start, end, published.year + step, None, None)]
    if unit == "week":  # the seven days of that calendar week
        day = published + dt.timedelta(weeks=step)
        return [Found(start, end, day.year, day.month, day.day, week=True)]
    year, month = _shift_month(published, step)
    return [Found(start, end, year, month, None)]


def _ago(match: re.Match[str], text: str, published: dt.date) -> list[Found]:
    """Read "three days ago" (a day), "2 weeks ago" (a week), "five years ago"."""
    left = dp.LEFT_OF_AGO.search(text, max(0, match.start() - 25), match.start())
    if left is None or _glued_left(text, left.start()):
        return []
    word = left.group("count").lower()
    count = int(word) if word.isdigit() else dp.NUMBER_WORDS.get(word)
    if count is None:
        return []
    start, end = left.start(), match.end()
    unit = left.group("unit").lower().rstrip("s")
    if unit == "day":
        return [_day(start, end, published - dt.timedelta(days=count))]
    if unit == "year":
        return [Found(start, end, published.year - count, None, None)]
    if unit == "week":  # "two weeks ago": that calendar week
        day = published - dt.timedelta(weeks=count)
        return [Found(start, end, day.year, day.month, day.day, week=True)]
    year, month = _shift_month(published, -count)
    return [Found(start, end, year, month, None)]


_Finder = Callable[[re.Match[str], str], list[Found]]
_Resolver = Callable[[re.Match[str], str, dt.date], list[Found]]
# Each pattern with the words, one of which a text must hold (lowercased) for the
# pattern to match at all: a few `in` tests skip most of the seven scans (a scan
# of a paragraph costs the regex engine a step per character).
_ABSOLUTE: tuple[tuple[re.Pattern[str], _Finder, tuple[str, ...]], ...] = (
    (dp.DAY_FIRST, _day_first, ASCII_DIGITS),
    (dp.MONTH_FIRST, _month_first, ("",)),  # "" is in every text: "may" would be
    (dp.NUMBER, _number, ASCII_DIGITS),
)
_RELATIVE: tuple[tuple[re.Pattern[str], _Resolver, tuple[str, ...]], ...] = (
    (dp.NAMED_DAY, _named_day, ("yesterday", "today", "tonight")),
    (dp.WEEKDAY, _weekday, ("day", "\u0627\u0644")),  # English, or Arabic's "al-"
    (dp.UNIT, _unit, ("week", "month", "year")),
    (dp.AGO, _ago, (" ago",)),
)


def find_dates(text: str, published: dt.date) -> Iterator[Found]:
    """Yield every date phrase of a text, overlapping ones included.

    Parameters
    ----------
    text : str
        Passage text.
    published : datetime.date
        Publication date, for relative phrases.

    Yields
    ------
    Found
        Spans are offsets in `text`; ``year`` is None where the text gives none.
    """
    lower = text.lower()
    for pattern, finder, cues in _ABSOLUTE:
        if holds_any(lower, cues):
            for match in pattern.finditer(text):
                yield from finder(match, text)
    for pattern, resolver, cues in _RELATIVE:
        if not holds_any(lower, cues):
            continue
        for match in pattern.finditer(text):
            for found in resolver(match, text, published):
                yield replace(found, relative=True, explicit=False)
