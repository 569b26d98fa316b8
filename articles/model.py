"""Article, Passage, Mention, DateMention and Actor: frozen values with stable ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

#: How a mention was recognised.
HOW = ("name", "alias", "demonym", "implied")
#: Precision of a date mention ("week": an ISO week, value "2024-W03", Monday-Sunday).
PRECISIONS = ("day", "week", "month", "year")
#: What a resolved relative or yearless date was anchored to (`DateMention.anchor`),
#: as the passage panel and the JSON say it: "resolved against the publication date".
ANCHORS = {
    "published": "the publication date",
    "title": "the year in the title",
    "heading": "the year in a heading",
    "nearby": "a date nearby in the passage",
    "earlier": "a date in an earlier passage",
    "entry": "the date the list entry opens with",
}


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``published`` is the author's date (byline) when the article carries one, else the
    site's posting date; ``posted`` is the site's posting date when it differs.
    """

    id: str
    title: str
    author: str
    published: dt.date
    source: str
    language: str
    body: str
    content_hash: str
    posted: dt.date | None = None
    near_duplicate_of: str | None = None  # the first article of the same story
    url: str | None = None  # the article's own http(s) address, when known


#: What a passage is: a paragraph of the body, a heading of the body, or the title.
PASSAGE_KINDS: tuple[str, ...] = ("body", "heading", "title")


@dataclass(frozen=True)
class Passage:
    """A paragraph of an article body, one of its headings, or its title.

    A body paragraph's ``id`` is ``<article-id>#p<n>``, n from 1 in reading order; a
    heading's is ``<article-id>#h<k>`` with the n of the paragraph after it; the
    title's ``<article-id>#t`` with n 0. ``start``/``end`` are character offsets in
    the article's cleaned body, so ``article.body[start:end] == text``, except for
    the title (0, 0: it is not part of the body). ``kind`` is one of
    `PASSAGE_KINDS`; headings and the title rank below body text in queries.
    """

    id: str
    article_id: str
    n: int
    text: str
    start: int
    end: int
    heading: str | None = None
    kind: str = "body"


class Mention(NamedTuple):
    """A link from a span of passage text to a feature or an actor.

    ``passage_text[start:end] == matched`` always holds. A named tuple, not a frozen
    dataclass: the linker makes about 20 per passage, and a frozen dataclass took
    four times as long to make (two percent of the whole pipeline).
    """

    passage_id: str
    target: str
    target_type: str  # "feature" or "actor"
    start: int
    end: int
    how: str  # one of HOW
    matched: str


@dataclass(frozen=True)
class DateMention:
    """A date a passage mentions, normalised to ISO ``value`` with its precision."""

    passage_id: str
    start: int
    end: int
    text: str
    value: str  # ISO: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY according to precision
    precision: str  # one of PRECISIONS
    #: Key of ANCHORS for a relative or yearless date; "" where the text is complete.
    anchor: str = ""

    def bounds(self) -> tuple[dt.date, dt.date]:
        """First and last day the mention covers."""
        if "-W" in self.value:  # an ISO week: Monday to Sunday
            year, week = self.value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + dt.timedelta(days=6)
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


@dataclass(frozen=True)
class Actor:
    """A state, government, armed group, agency, military, person or organisation."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = field(default=())  # abbreviations: "ISI", "US"
    member_of: tuple[str, ...] = ()
    home: str | None = None
    note: str | None = None
