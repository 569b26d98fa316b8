"""Find the dates a passage mentions and normalise them against the publication date.

Candidate spans come from hand-written regular expressions (`articles.dates.patterns`,
checked in `articles.dates.spans`) because exact offsets matter and general date
searchers are slow and loose about spans (``dateparser.search_dates`` takes
milliseconds per passage and reads "May" in "may be" or "March" in "Long March" as
months). The forms are those news articles use; the tests cross-check the
normalisation against ``dateparser``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from articles.dates.spans import Found, find_dates, is_valid
from articles.model import DateMention, Passage


def _select(found: Iterator[Found], size: int) -> list[Found]:
    """Longest first, then leftmost; nothing overlaps; reading order."""
    taken = bytearray(size)
    chosen: list[Found] = []
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
        if not is_valid(year, month, day):
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


def _sentences_between(text: str, start: int, end: int) -> int:
    return sum(text.count(stop, start, end) for stop in (". ", "? ", "! ", ".\n"))


def _context_year(text: str, items: list[Found], index: int) -> int | None:
    """Take the year of a full date in the same or the previous sentence.

    The nearest earlier one wins, else a later one in the same sentence. Only
    phrases with a month and a written year count: a bare year is as often a
    historical reference ("the 1893 agreement") as the frame of the narrative, and
    a date sentences away is often backstory ("since August 2021 ... in May"). A bare
    year between the two ends the search: the narrative has moved past the full date.
    """
    item = items[index]
    for other in reversed(items[:index]):
        if other.explicit and other.month is None and other.year is not None:
            return None  # "in August 2021 ... in 2022 ... on 7 May": the year moved on
        if other.explicit and other.month and other.year:
            near = _sentences_between(text, other.end, item.start) <= 1
            return other.year if near else None
    for other in items[index + 1 :]:
        if other.explicit and other.month and other.year:
            near = _sentences_between(text, item.end, other.start) == 0
            return other.year if near else None
    return None


def _entry_date(
    text: str, items: list[Found], published: dt.date, context_year: int | None
) -> dt.date | None:
    """Return the date a list entry opens with ("20 JANUARY – ..."), if any.

    Relative dates in the entry ("on Friday morning") resolve against it rather
    than against the publication date.
    """
    if not items or text[: items[0].start].strip():
        return None
    first = items[0]
    if first.month is None or first.day is None:
        return None
    year = (
        first.year or context_year or infer_year(first.month, first.day, published, 0)
    )
    return (
        dt.date(year, first.month, first.day)
        if is_valid(year, first.month, first.day)
        else None
    )


def _to_mention(
    passage: Passage, item: Found, year: int, anchor: str = ""
) -> DateMention | None:
    if item.week and item.month is not None and item.day is not None:
        iso = dt.date(year, item.month, item.day).isocalendar()
        value, precision = f"{iso.year:04d}-W{iso.week:02d}", "week"
    elif item.month is None:
        value, precision = f"{year:04d}", "year"
    elif item.day is None:
        value, precision = f"{year:04d}-{item.month:02d}", "month"
    elif is_valid(year, item.month, item.day):
        value, precision = f"{year:04d}-{item.month:02d}-{item.day:02d}", "day"
    else:
        return None
    text = passage.text[item.start : item.end]
    return DateMention(passage.id, item.start, item.end, text, value, precision, anchor)


def extract_dates(
    passage: Passage,
    published: dt.date,
    context_year: int | None = None,
    context_anchor: str = "earlier",
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
    context_anchor : str
        Where `context_year` comes from (a key of `articles.model.ANCHORS`:
        ``title``, ``heading`` or ``earlier``), recorded on the dates it resolves.

    Returns
    -------
    list of DateMention
        In reading order; ``value`` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) by precision.
        In a passage that opens with a day and month (a list entry, "23 JUNE – ..."),
        weekdays and relative dates resolve against that date.
        A day range ("11-12 October", "October 11-12", "14 to 16 October") gives
        the two days it writes, each with its own span ("11", "12 October"): the
        data model has no range precision, and the days between are not written.
        Each relative or yearless date records its anchor (``anchor``): the
        publication date, the list entry's date, a date nearby in the passage, or
        the title's, a heading's or an earlier passage's year.
    """
    items = _select(find_dates(passage.text, published), len(passage.text))
    anchor = _entry_date(passage.text, items, published, context_year)
    if anchor is not None:  # "23 JUNE – ... on Friday": Friday of that week
        items = _select(find_dates(passage.text, anchor), len(passage.text))
    mentions: list[DateMention] = []
    for index, item in enumerate(items):
        year = item.year
        how = ""
        if item.relative:
            how = "published" if anchor is None else "entry"
        if year is None and item.month is not None:
            year = None if item.direction else _context_year(passage.text, items, index)
            how = "nearby" if year is not None else how
            if year is None and not item.direction and context_year is not None:
                year, how = context_year, context_anchor
            if year is None:
                year = infer_year(item.month, item.day, published, item.direction)
                how = "published"
        if year is None:
            continue
        mention = _to_mention(passage, item, year, how)
        if mention is not None:
            mentions.append(mention)
    return mentions


def extract_article_dates(
    passages: Sequence[Passage], published: dt.date
) -> list[list[DateMention]]:
    """Extract the dates of every passage of one article, in reading order.

    A yearless date in a passage that names no year takes the year of the last
    full date (a month with a written year, e.g. "March 2024") of an earlier
    passage, or of a year written in the title or a heading above it ("Terrorist
    incidents in Pakistan in 2017" governs "20 JANUARY" in a list published in
    2019); bare years in the body ("the 1893 agreement") and relative dates do not
    set it.

    Parameters
    ----------
    passages : sequence of Passage
        One article's passages in reading order.
    published : datetime.date
        The article's publication date.

    Returns
    -------
    list of list of DateMention
        One list per passage, as `extract_dates` returns.
    """
    result: list[list[DateMention]] = []
    context_year: int | None = None
    context_anchor = "earlier"
    for passage in passages:
        found = extract_dates(passage, published, context_year, context_anchor)
        result.append(found)
        for mention in found:
            written = mention.value[:4] in mention.text
            heads = passage.kind in ("title", "heading")
            if written and (mention.precision != "year" or heads):
                context_year = int(mention.value[:4])
                context_anchor = str(passage.kind) if heads else "earlier"
    return result
