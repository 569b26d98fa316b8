"""The query filters as command-line options: one parser for every CLI that queries.

``python -m articles query`` and ``python -m components.briefing`` take the same
options and build the same `articles.query.Filters` through `build_filters`.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
from collections.abc import Sequence

from articles.query import DATEMODES, Filters


class FilterError(ValueError):
    """A filter option that cannot be read (one-line message)."""


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--feature --actor --from --to --datemode --q --article --to-review``."""
    parser.add_argument("--feature", help="feature id (e.g. wakhan-corridor)")
    parser.add_argument(
        "--actor", action="append", help="actor id; repeat or comma-separate"
    )
    parser.add_argument("--from", dest="date_from", help="YYYY[-MM[-DD]]")
    parser.add_argument("--to", dest="date_to", help="YYYY[-MM[-DD]]")
    parser.add_argument("--datemode", choices=DATEMODES, default="published")
    parser.add_argument("--q", help="full-text search")
    parser.add_argument(
        "--article", action="append", help="article id; repeat or comma-separate"
    )
    parser.add_argument(
        "--to-review", action="store_true", help='only links flagged "to review"'
    )


def parse_day(text: str, *, end: bool = False) -> dt.date:
    """Read YYYY, YYYY-MM or YYYY-MM-DD; a partial date is its first (or last) day.

    Raises
    ------
    FilterError
        Not a date of that form, or not a calendar date.
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text.strip())
    try:
        if match is None:
            raise ValueError(text)
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if not month:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if not day:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end else 1)
        return dt.date(year, month, day)
    except ValueError:
        raise FilterError(f"bad date {text!r}: use YYYY-MM-DD") from None


def split_ids(values: Sequence[str] | None) -> tuple[str, ...]:
    """Flatten repeated, comma-separated option values: ``["a,b", "c"]`` -> a, b, c."""
    return tuple(i.strip() for v in values or () for i in v.split(",") if i.strip())


def build_filters(args: argparse.Namespace) -> Filters:
    """Turn parsed filter options into `articles.query.Filters`.

    Raises
    ------
    FilterError
        A bad date, or ``--from`` after ``--to``.
    """
    start = parse_day(args.date_from) if args.date_from else None
    end = parse_day(args.date_to, end=True) if args.date_to else None
    if start and end and start > end:
        raise FilterError(f"--from {start} is after --to {end}")
    return Filters(
        feature=args.feature or None,
        actors=split_ids(args.actor),
        date_from=start,
        date_to=end,
        datemode=args.datemode,
        q=args.q or None,
        articles=split_ids(args.article) or None,
        to_review=bool(getattr(args, "to_review", False)),
    )


def check_ids(filters: Filters) -> None:
    """Reject unknown feature and actor ids (FilterError, one line)."""
    from articles.actors import load_actors
    from geo.gazetteer import load_features

    if filters.feature and filters.feature not in {f.id for f in load_features()}:
        raise FilterError(f"unknown feature id {filters.feature!r}")
    known = {a.id for a in load_actors()}
    unknown = [a for a in filters.actors if a not in known]
    if unknown:
        raise FilterError(f"unknown actor id(s): {', '.join(unknown)}")
