"""Regular expressions that find date phrases with exact spans (English)."""

from __future__ import annotations

import re

#: Month number by every spelling the patterns accept (Title case; upper case too).
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("January", "Jan"),
        ("February", "Feb"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May",),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sept", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = MONTHS[_name.upper()] = _number

WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}

#: Spelled-out counts for "three weeks ago".
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that may precede a month name in a date ("in March 2024"); any other
#: capitalised word right before it makes it a name ("Long March 2014", "Theresa May").
MONTH_CUES = _words(
    "in on since by until till from during through throughout early late mid "
    "last this next of before after around between and or to the since"
)

#: Words after a 4-digit number that make it a count or a code, not a year.
COUNT_WORDS = _words(
    "km kms kilometres kilometers kilometre kilometer miles mile m metres meters "
    "feet ft sq square hectares acres tons tonnes kg people persons troops "
    "soldiers fighters militants men women children families refugees migrants "
    "members households deaths casualties dead killed injured wounded attacks "
    "incidents cases dollars rupees afghanis yuan euros votes seats schools "
    "villages homes houses trucks vehicles units posts personnel"
)

#: Words before a 4-digit number that make it a code ("Resolution 1988").
CODE_WORDS = _words(
    "resolution resolutions no no. number flight route highway vol page pp "
    "chapter room code model article section rule clause"
)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# "30th", "30 th" and, if the cleaner kept the markup, "30<sup>th</sup>".
_ORDINAL = r"(?:\s?(?:<sup>)?(?:st|nd|rd|th)(?:</sup>)?)?"
_DAY = r"(?P<d>[0-3]?\d)" + _ORDINAL
# Plausible years only (1800-2100); never glued to other digits, commas or decimals.
_YEAR = r"(?P<y>1[89]\d\d|20\d\d|2100)(?![\d])(?!,\d)(?!\.\d)"
_MON = rf"(?P<m>{_MONTH})\.?"
_WDAY = rf"(?:(?:{_WEEKDAY}),?\s+)?"

#: Day, month and year: "30th December 2024", "30 December, 2024", "3rd of May 2021".
DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.]){_WDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}"
)
#: Month, day and year: "January 23, 2025", "Monday, December 30th, 2024".
MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w.]){_WDAY}{_MON}\s+{_DAY}(?:\s?[-–]\s?\d{{1,2}})?,?\s+{_YEAR}"
)
#: Month and year: "March 2024", "March, 2024", "March of 2024".
MONTH_YEAR = re.compile(rf"(?<![\w.]){_MON},?\s+(?:of\s+)?{_YEAR}")
#: Day and month without a year: "30 December", "30th of December".
DAY_MONTH = re.compile(rf"(?<![\w.]){_WDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}\b")
#: Month and day without a year: "December 30th", "May 9".
MONTH_DAY = re.compile(rf"(?<![\w.]){_WDAY}{_MON}\s+{_DAY}\b(?![:.]\d)")
#: A month on its own after a cue word: "in March", "since early June", "last May".
MONTH_ALONE = re.compile(
    r"\b(?P<cue>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Tt]hrough"
    r"|[Tt]hroughout|[Bb]efore|[Aa]fter|[Ll]ast|[Tt]his|[Nn]ext|[Oo]f)"
    rf"\s+(?:(?:early|late|mid)[\s-]+)?(?P<m>{_MONTH})\b(?!\.?\s*\d)"
)
#: Numeric dates: "24.01.2025", "24/01/2025" (day first unless impossible).
NUMERIC_DMY = re.compile(
    r"(?<![\w.])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<y>1[89]\d\d|20\d\d|2100)(?![\w]|\.\d)"
)
#: ISO dates: "2024-12-30", "2024/12/30".
NUMERIC_YMD = re.compile(
    r"(?<![\w.])(?P<y>1[89]\d\d|20\d\d|2100)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)"
    r"(?P<d>[0-3]\d)(?![\w]|\.\d)"
)
#: A year on its own, with an optional "mid-"/"early"/"late" ("mid-2021").
YEAR_ALONE = re.compile(
    rf"(?<![\w$£€.,/])(?:(?:[Mm]id|[Ee]arly|[Ll]ate)[\s-]+)?{_YEAR}\b"
)
#: Relative days: "yesterday", "today", "last Monday", "on Friday", "three days ago".
RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<named>(?i:yesterday|today|tonight))"
    rf"|(?:(?P<wcue>[Ll]ast|[Tt]his|[Oo]n|[Nn]ext)\s+)?(?P<wd>{_WEEKDAY})(?![\w-])"
    r"|(?P<unit_cue>(?i:earlier\s+this|later\s+this|last|this|next))"
    r"\s+(?P<unit>(?i:week|month|year))"
    r"|(?P<count>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve))\s+(?P<ago_unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)"
    r")\b"
)
#: "September 11" naming the 2001 attacks, not a date in the publication year.
SEPTEMBER_11 = re.compile(r"\bSeptember\s+11(?:th)?(?=\s+(?:attacks?|terror|strikes))")
