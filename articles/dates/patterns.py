"""Regular expressions that find date phrases with exact spans (English).

Every scanning pattern starts with a literal word or a digit class, so the regex
engine skips ahead to candidates instead of trying each position (optional prefixes
such as "Monday, ", "the " or "mid-" are matched afterwards, looking left).
"""

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
#: Arabic weekday names (with the article, as news writes them: "ليلة السبت" is
#: "Saturday night"); a name joined to "wa" ("and") is left alone, as a glued word.
WEEKDAYS.update(
    {
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الاربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
        "الاحد": 6,
    }
)

#: Spelled-out counts for "three weeks ago".
_SPELLED = "one two three four five six seven eight nine ten eleven twelve"
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{
        word: number
        for number, word in enumerate(
            _SPELLED.split(),
            start=1,
        )
    },
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that may precede a month name in a date ("in March 2024"); any other
#: capitalised word right before it makes it a name ("Long March 2014", "Theresa May").
MONTH_CUES = _words(
    "in on since by until till from during through throughout early late mid last "
    "this next of before after around between and or to the"
)
#: Cue words that let a month stand alone ("in March", "since June", "last May").
ALONE_CUES = _words(
    "in since by until till from during through throughout before after last this "
    "next of early late mid"
)

#: Words after a 4-digit number that make it a count, not a year.
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

_SHORT_NAMES = ("May", "June", "July")
# Abbreviations may carry a full stop ("Jan. 5"); full names never take one.
_MONTH = "|".join(
    name + (r"\.?" if len(name) <= 4 and name.title() not in _SHORT_NAMES else "")
    for name in sorted(MONTHS, key=len, reverse=True)
)
_WEEKDAY = "|".join(WEEKDAYS)
# "30th", "30 th" and, if the cleaner kept the markup, "30<sup>th</sup>".
_ORDINAL = r"(?:\s?(?:<sup>)?(?:st|nd|rd|th)(?:</sup>)?)?"
# Plausible years only (1800-2100); never glued to other digits or decimals.
_YEAR = r"(?P<y>1[89][0-9][0-9]|20[0-9][0-9]|2100)(?![0-9])(?!,[0-9])(?!\.[0-9])"

#: A day then a month, perhaps a year: "30th December 2024", "3rd of May", "30 Dec".
DAY_FIRST = re.compile(
    rf"(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<m>{_MONTH})(?![A-Za-z])"
    rf"(?:,?\s+{_YEAR})?"
)
#: A month, perhaps a day, perhaps a year: "January 23, 2025", "December 30th",
#: "March 2024", "March of 2024", "March".
MONTH_FIRST = re.compile(
    rf"(?P<m>{_MONTH})(?![A-Za-z])"
    rf"(?:\s+(?P<d>[0-9]{{1,2}}){_ORDINAL}(?![0-9]|[:.][0-9])"
    rf"(?:(?:\s?[-–]\s?|\s+to\s+)(?P<d2>[0-9]{{1,2}}){_ORDINAL}(?![0-9]|[:.][0-9]))?)?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR})?"
)
#: Looking left of a day-first date: the first day of a range ("11-", "11 to ").
RANGE_START = re.compile(
    rf"(?<![\w.,/])(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:\s?[-–]\s?|\s+(?:to|and)\s+)\Z"
)
#: A run of digits joined by . / - or a dash: years, "24.01.2025", "2024-12-30".
NUMBER = re.compile(r"[0-9]+(?:[./\-–][0-9]+)*")
#: "yesterday", "today", "tonight".
NAMED_DAY = re.compile(
    r"yesterday|Yesterday|YESTERDAY|today|Today|TODAY|tonight|Tonight"
)
#: A weekday name ("Monday").
WEEKDAY = re.compile(_WEEKDAY)
#: "last week", "this month", "next year" (an "earlier "/"later " before is looked up).
UNIT = re.compile(r"(?P<cue>last|this|next|Last|This|Next)\s+(?P<unit>week|month|year)")
#: " ago" (the count and unit before it are looked up).
AGO = re.compile(r" ago(?![A-Za-z])")

#: Looking left of a day: an optional weekday and "the" ("Monday, the 3rd of May").
LEFT_OF_DAY = re.compile(rf"(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?\Z")
#: Looking left of a month: an optional weekday ("Monday, December 30, 2024").
LEFT_OF_MONTH = re.compile(rf"(?:(?:{_WEEKDAY}),?\s+)?\Z")
#: Looking left of a year: "mid-", "early ", "late ".
LEFT_OF_YEAR = re.compile(r"(?:[Mm]id|[Ee]arly|[Ll]ate)[\s-]\Z")
#: Looking left of " ago": "three weeks", "2 days", "a month".
LEFT_OF_AGO = re.compile(
    r"(?P<count>[0-9]{1,2}|[A-Za-z]+)\s+(?P<unit>(?i:days?|weeks?|months?|years?))\Z"
)
#: The word before a position.
WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)[\s-]+\Z")
#: The word after a position.
WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
#: Short numeric names of events that are dates: "9/11" (2001), "26/11" (Mumbai, 2008).
NAMED_NUMBERS: dict[str, tuple[int, int, int]] = {
    "9/11": (2001, 9, 11),
    "26/11": (2008, 11, 26),
}
#: After "September 11": the 2001 attacks, not a date in the publication year.
ATTACKS_AFTER = re.compile(r"\s+(?:attacks?|terror|strikes)")
