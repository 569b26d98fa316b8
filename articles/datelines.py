"""Read the date, place, author and source an article states at its head.

Shapes recognised (generic, from what outlets print, not fitted to one site):

- wire datelines: "PESHAWAR, March 14 (Reuters) -", "KABUL, Afghanistan (AP) —",
  "ISLAMABAD: ...", "Islamabad, March 14, 2025 (APP):", "Kabul [Afghanistan],
  March 14 (ANI):";
- bylines with places: "By Sana Qureshi — Peshawar, 14 March 2025",
  "By Sana Qureshi | Peshawar | March 14, 2025", "By Sana Qureshi in Peshawar";
- labelled dates: "Published: 14/03/2025", "Updated on 2025-03-14T08:00Z";
- a line that is a date: "Friday, March 14, 2025 09:30 PKT";
- Solar Hijri dates in Dari or Persian ("۲۴ حوت ۱۴۰۳", "۱۴۰۳/۱۲/۲۴"), converted to
  Gregorian with jdatetime (a well-kept calendar library: the leap rule of the Solar
  Hijri calendar is astronomical and easy to get wrong by hand), and Gregorian dates
  with Persian or Arabic month names or digits ("۱۴ مارچ ۲۰۲۵", "١٤/٠٣/٢٠٢٥").

A wire dateline often has no year ("March 14"): the year then comes from another
date at the head, else from ``today`` (the latest such day not after it), else the
dateline gives no date. Nothing here guesses from the body's events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import islice

import jdatetime

from articles.bylines import DATE_PATTERN, NAME_PATTERN, parse_date
from articles.chars import ASCII_DIGITS, char_pairs, holds_any, replace_chars

#: Persian (U+06F0..) and Arabic-Indic (U+0660..) digits to ASCII.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_DIGIT_PAIRS = char_pairs(_DIGITS)
#: Solar Hijri months: Dari (Afghanistan) and Iranian names.
_SOLAR = {
    **dict.fromkeys(("حمل", "فروردین"), 1),
    **dict.fromkeys(("ثور", "اردیبهشت"), 2),
    **dict.fromkeys(("جوزا", "خرداد"), 3),
    **dict.fromkeys(("سرطان", "تیر"), 4),
    **dict.fromkeys(("اسد", "مرداد"), 5),
    **dict.fromkeys(("سنبله", "شهریور"), 6),
    **dict.fromkeys(("میزان", "مهر"), 7),
    **dict.fromkeys(("عقرب", "آبان"), 8),
    **dict.fromkeys(("قوس", "آذر"), 9),
    **dict.fromkeys(("جدی", "دی"), 10),
    **dict.fromkeys(("دلو", "بهمن"), 11),
    **dict.fromkeys(("حوت", "اسفند"), 12),
}
#: Gregorian months as Dari, Iranian Persian and Arabic print them.
_GREG = {
    **dict.fromkeys(("جنوری", "ژانویه", "يناير", "ینایر"), 1),
    **dict.fromkeys(("فبروری", "فوریه", "فبراير"), 2),
    **dict.fromkeys(("مارچ", "مارس"), 3),
    **dict.fromkeys(("اپریل", "آوریل", "أبريل", "ابريل"), 4),
    **dict.fromkeys(("می", "مه", "مايو", "مئی"), 5),
    **dict.fromkeys(("جون", "ژوئن", "يونيو"), 6),
    **dict.fromkeys(("جولای", "ژوئیه", "يوليو"), 7),
    **dict.fromkeys(("اگست", "اوت", "أغسطس", "اغسطس"), 8),
    **dict.fromkeys(("سپتمبر", "سپتامبر", "سبتمبر"), 9),
    **dict.fromkeys(("اکتوبر", "اکتبر", "أكتوبر", "اكتوبر"), 10),
    **dict.fromkeys(("نومبر", "نوامبر", "نوفمبر"), 11),
    **dict.fromkeys(("دسمبر", "دسامبر", "ديسمبر"), 12),
}


def _set(text: str, sep: str) -> frozenset[str]:
    return frozenset(text.split(sep))


def _alt(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_NATIVE_RE = re.compile(
    rf"(?<!\w)(?P<d>\d{{1,2}})\s+(?P<m>{_alt(_SOLAR)}|{_alt(_GREG)})\s+(?P<y>\d{{4}})"
    r"|(?<!\d)(?P<ny>1[34]\d\d)[/.-](?P<nm>\d{1,2})[/.-](?P<nd>\d{1,2})(?!\d)"
)
_DATE_RE = re.compile(DATE_PATTERN)
_YEAR_DIGITS = re.compile(r"\d{4}")
_SLASH_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})")
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_YEARLESS = (
    rf"(?:(?P<ym>(?i:{_MONTH_NAMES}))\.?\s+(?P<yd>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<yd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<ym2>(?i:{_MONTH_NAMES}))\.?)"
)
_YEARLESS_RE = re.compile(_YEARLESS)
_UPPER_PLACE = r"[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'\-]+(?:\s[A-Z][a-z'\-]+){0,2}"
_WIRE_TAIL = (
    r"(?:\s*[\[(](?P<region1>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[\])])?"
    r"(?:,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[\s,(—–-]))?"
    rf"(?:,?\s*(?P<date>{DATE_PATTERN.replace('?P<', '?P<w')}|{_YEARLESS}))?"
    r"\s*(?:[(/](?P<source>[A-Za-z][\w .&'-]{0,30}?)[)/])?"
    r"\s*(?:(?:--|[-–—:])\s+|$)"
)
_WIRE_UPPER = re.compile(rf"^(?P<place>{_UPPER_PLACE}){_WIRE_TAIL}")
_WIRE_TITLE = re.compile(rf"^(?P<place>{_TITLE_PLACE}){_WIRE_TAIL}")
_ANY_DIGIT = re.compile(r"\d")
#: Capitalised words that open a line with a colon but name no place.
_NOT_PLACES = _set(
    (
        "NOTE UPDATE UPDATED EDITOR BREAKING WATCH READ ALSO PHOTO PHOTOS VIDEO "
        "EXCLUSIVE ANALYSIS OPINION COMMENT EDITORIAL FILE SOURCE SOURCES "
        "WARNING CORRECTION BY PUBLISHED POSTED DATE LIVE TOPICS TAGS SHARE "
        "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY TODAY "
        "YESTERDAY"
    ),
    " ",
)
_LABEL = re.compile(
    r"^(?i:(?:first\s+|last\s+)?(?:published|posted|updated|date[d]?|released|"
    r"issued|modified)|تاریخ نشر|تاریخ انتشار|تاریخ|منتشر شده|نشر شده|تاريخ النشر|"
    r"نشر في|نُشر في)(?:\s+(?i:on|at))?\s*[:\-–—]?\s*(?P<rest>.+)$"
)
_BY = re.compile(r"^(?i:by|from|reported\s+by|written\s+by)\s+(?P<rest>.+)$")
_PARTS = re.compile(r"\s*(?:[|—–•·]|\s-\s|,|;)\s*|\s+(?i:in|from)\s+(?=[A-Z])")
_NAME_RE = re.compile(rf"^{NAME_PATTERN}(?:\s+(?i:and)\s+{NAME_PATTERN})?$")
#: Wire services and outlets a byline or dateline may name as its source.
SOURCES = _set(
    (
        "reuters|ap|associated press|afp|agence france-presse|xinhua|app|ani|"
        "anadolu|anadolu agency|pajhwok|pajhwok afghan news|tolonews|bakhtar|"
        "irna|dpa|efe|bloomberg|pti|ians|bbc|dawn|the news|express tribune|"
        "geo news|khaama press|afghanistan international|amu tv|ariana news|voa|"
        "rfe/rl|radio azadi"
    ),
    "|",
)
_ROLES = re.compile(
    r"(?i)\b(?:correspondent|reporter|staff|editor|bureau|desk|writer|contributor|"
    r"news\s+service|monitoring|agencies|web\s+desk|our)\b"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|T\d\d:\S*")
_FILLER = _set(
    (
        "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY MON TUE WED "
        "THU FRI SAT SUN AT ON THE OF AM PM"
    ),
    " ",
)
_HEAD_LINES = 12
#: What ``^[\s>#*_`]+|[\s*_`]+$`` removes, as ``str.strip`` sets: that pattern
#: tried its second branch at every space of a long paragraph (``_unmark``).
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_LEAD_MARKS = _SPACES + ">#*_`"
_TRAIL_MARKS = _SPACES + "*_`"


def _unmark(line: str) -> str:
    """Drop leading quote, heading and emphasis marks and trailing emphasis marks."""
    return line.lstrip(_LEAD_MARKS).rstrip(_TRAIL_MARKS)


@dataclass(frozen=True)
class Dateline:
    """What the head of an article says about itself (None: not stated)."""

    published: dt.date | None = None
    place: str | None = None
    author: str | None = None
    source: str | None = None
    #: The line is only metadata (a byline, a date line), not the start of the text.
    standalone: bool = False


def _has_digits(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` (digits in any script) may match; cheap on ASCII text.

    ASCII text is first tested by `in`, which costs a tenth of a regex scan of a
    paragraph; most lines hold no digit at all.
    """
    if text.isascii():
        return holds_any(text, ASCII_DIGITS) and bool(pattern.search(text))
    return pattern.search(text) is not None


def _may_date_or_source(text: str) -> bool:
    """Whether a line holds a digit, "(" or "/", as a wire date or source needs."""
    return holds_any(text, ("(", "/")) or _has_digits(text, _ANY_DIGIT)


def to_ascii_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits by ASCII digits."""
    # `isascii` reads a flag of the string: most lines need no per-character pass
    return replace_chars(text, _DIGIT_PAIRS)


def find_dates(text: str) -> list[tuple[dt.date, int]]:
    """Return every full date in ``text`` with its offset (any script, any calendar).

    Parameters
    ----------
    text : str
        A line or a short block; digits in any script.

    Returns
    -------
    list of (datetime.date, int)
        Gregorian dates (Solar Hijri ones converted), in text order; impossible
        dates are left out.
    """
    text = to_ascii_digits(text)
    found: list[tuple[dt.date, int]] = []
    if not _has_digits(text, _YEAR_DIGITS):  # each pattern below needs a year
        return found
    for m in _NATIVE_RE.finditer(text):
        day = _native_date(m)
        if day is not None:
            found.append((day, m.start()))
    for m in _DATE_RE.finditer(text):
        day = parse_date(m.group())
        if day is not None:
            found.append((day, m.start()))
    for m in _SLASH_ISO.finditer(text):
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day is not None:
            found.append((day, m.start()))
    return sorted(found, key=lambda pair: pair[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _native_date(m: re.Match[str]) -> dt.date | None:
    if m["ny"]:
        return _solar(int(m["ny"]), int(m["nm"]), int(m["nd"]))
    year, day, month = int(m["y"]), int(m["d"]), m["m"]
    if month in _SOLAR and 1200 <= year < 1600:
        return _solar(year, _SOLAR[month], day)
    if month in _GREG and year >= 1600:
        return _safe_date(year, _GREG[month], day)
    return None


def _solar(year: int, month: int, day: int) -> dt.date | None:
    """Convert a Solar Hijri date to Gregorian (None when it does not exist)."""
    try:
        day_ = jdatetime.date(year, month, day).togregorian()
        return dt.date(day_.year, day_.month, day_.day)
    except ValueError:
        return None


def _yearless(text: str, year: int | None, today: dt.date | None) -> dt.date | None:
    m = _YEARLESS_RE.search(text)
    if m is None:
        return None
    month_name = (m["ym"] or m["ym2"]).lower()
    months = [n.lower() for n in _MONTH_NAMES.split("|")]
    number = {name: i % 12 + 1 for i, name in enumerate(months[:12])}
    number.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7})
    number.update({"aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12})
    month, day = number[month_name], int(m["yd"] or m["yd2"])
    if year is not None:
        return _safe_date(year, month, day)
    if today is None:
        return None
    guess = _safe_date(today.year, month, day)
    if guess is not None and guess > today:
        guess = _safe_date(today.year - 1, month, day)
    return guess


def _place(text: str | None) -> str | None:
    if not text:
        return None
    words = text.strip(" .,").split()
    return " ".join(w if not w.isupper() else w.capitalize() for w in words) or None


def _source(text: str | None) -> str | None:
    if not text:
        return None
    clean = text.strip(" .")
    return clean if clean.casefold() in SOURCES or clean.isupper() else None


def match_wire(line: str, today: dt.date | None = None) -> Dateline | None:
    """Recognise a wire dateline opening a paragraph ("PESHAWAR, March 14 (Reuters) -").

    Parameters
    ----------
    line : str
        The first line of a paragraph, markup removed.
    today : datetime.date, optional
        Resolves a dateline without a year (see the module docstring).

    Returns
    -------
    Dateline or None
        The place, date and source it names; None if the line opens otherwise.
    """
    text = to_ascii_digits(line)
    m = _WIRE_UPPER.match(text)
    if m is None:
        # a mixed-case one needs a date (a digit) or a source ("(" or "/"): most
        # lines have neither, and the pattern is slow to fail on a long paragraph
        m = _WIRE_TITLE.match(text) if _may_date_or_source(text) else None
        if m is None or not (m["date"] or m["source"]):
            return None  # "However, ..." is no dateline: a mixed-case one needs more
    if m["place"].split()[0].strip(".").upper() in _NOT_PLACES:
        return None
    if m.end() == len(text) and not m["date"]:
        return None  # a bare "BORDER CLASH" line is a heading, not a dateline
    if m["source"] and not _source(m["source"]) and not m["date"]:
        return None
    day = None
    if m["date"]:
        full = find_dates(m["date"])
        day = full[0][0] if full else _yearless(m["date"], None, today)
    return Dateline(day, _place(m["place"]), None, _source(m["source"]))


def match_line(line: str, today: dt.date | None = None) -> Dateline | None:
    """Recognise a byline, a labelled date or a date line (a whole metadata line).

    Parameters
    ----------
    line : str
        One line, markup removed.
    today : datetime.date, optional
        Unused for full dates; kept for the same call shape as `match_wire`.

    Returns
    -------
    Dateline or None
        With ``standalone=True``; None when the line is not metadata.
    """
    del today
    text = _unmark(line).strip()
    if not text or len(text) > 160:  # before the digits: a paragraph is no metadata
        return None
    text = to_ascii_digits(text)
    label = _LABEL.match(text)
    if label:
        dates = find_dates(label["rest"])
        if dates and len(label["rest"].split()) <= 10:
            return Dateline(published=dates[0][0], standalone=True)
        return None
    by = _BY.match(text)
    if by:
        return _byline(by["rest"])
    dates = find_dates(text)
    if dates and _leftover_words(text) <= 1:
        return Dateline(published=dates[0][0], standalone=True)
    return None


def _leftover_words(text: str) -> int:
    """Count the words of a line that are not a date, weekday, time or time zone."""
    for rx in (_NATIVE_RE, _DATE_RE, _SLASH_ISO, _TIME):
        text = rx.sub(" ", text)
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.upper() not in _FILLER]
    return len([w for w in words if not (w.isupper() and len(w) <= 4)])


def _byline(rest: str) -> Dateline | None:
    """Read "Sana Qureshi — Peshawar, 14 March 2025" (what follows "By")."""
    parts = [p.strip() for p in _PARTS.split(rest) if p and p.strip()]
    if not parts or not _NAME_RE.match(parts[0]):
        return None
    author, place, source, published = parts[0], None, None, None
    dates = find_dates(rest)
    if dates:
        published = dates[0][0]
    for part in parts[1:]:
        plain = part.strip(" .()")
        if find_dates(plain) or re.search(r"\d", plain):
            continue
        if _source(plain):
            source = source or _source(plain)
        elif _ROLES.search(plain):
            continue
        elif (
            place is None
            and re.fullmatch(_TITLE_PLACE + "|" + _UPPER_PLACE, plain)
            and plain.split()[0].upper() not in _NOT_PLACES
        ):
            place = _place(plain)
    if _ROLES.search(author) or author.casefold() in SOURCES:
        source = source or _source(author)
        author = ""
    return Dateline(published, place, author or None, source, standalone=True)


def find_dateline(text: str, today: dt.date | None = None) -> Dateline:
    """Read the date, place, author and source stated in an article's first lines.

    Parameters
    ----------
    text : str
        The article text (front matter removed); only its first lines are read.
    today : datetime.date, optional
        Resolves a wire dateline without a year when no other date gives one.

    Returns
    -------
    Dateline
        Each field from the first line that states it; all None when none does.
    """
    plain = (_unmark(x) for x in text.split("\n"))  # lazily: only the head
    head = list(islice((ln for ln in plain if ln.strip()), _HEAD_LINES))
    result = Dateline()
    yearless: list[str] = []
    for line in head:
        found = match_line(line)
        wire = match_wire(line, None)
        if found is None or (wire is not None and found.place is None):
            found = _merge(found, wire)
        if found is None:
            continue
        if found.published is None and _YEARLESS_RE.search(line) and not found.author:
            yearless.append(line)
        result = replace(
            result,
            published=result.published or found.published,
            place=result.place or found.place,
            author=result.author or found.author,
            source=result.source or found.source,
        )
    if result.published is None and yearless:
        year = _any_year(head)
        result = replace(result, published=_wire_date(yearless[0], year, today))
    return result


def _merge(first: Dateline | None, second: Dateline | None) -> Dateline | None:
    if first is None or second is None:
        return first or second
    return replace(
        first,
        published=first.published or second.published,
        place=first.place or second.place,
        source=first.source or second.source,
    )


def _wire_date(line: str, year: int | None, today: dt.date | None) -> dt.date | None:
    m = _WIRE_UPPER.match(line) or _WIRE_TITLE.match(line)
    target = m["date"] if m and m["date"] else line
    return _yearless(target, year, today)


def _any_year(lines: list[str]) -> int | None:
    for line in lines:
        dates = find_dates(line)
        if dates:
            return dates[0][0].year
    return None
