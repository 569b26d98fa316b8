"""Filter options shared by the CLIs: dates, ids, one Filters value."""

import argparse
import datetime as dt

import pytest

from articles.filter_args import (
    FilterError,
    add_filter_arguments,
    build_filters,
    parse_day,
    split_ids,
)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_filter_arguments(parser)
    return parser.parse_args(argv)


@pytest.mark.parametrize(
    ("text", "end", "day"),
    [
        ("2025", False, dt.date(2025, 1, 1)),
        ("2025", True, dt.date(2025, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2025-3-7", False, dt.date(2025, 3, 7)),
    ],
)
def test_parse_day_reads_partial_dates(text, end, day):
    assert parse_day(text, end=end) == day


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13", "yesterday", "25-01-01"])
def test_parse_day_refuses_what_is_not_a_calendar_date(text):
    with pytest.raises(FilterError, match="bad date"):
        parse_day(text)


def test_split_ids_flattens_repeats_and_commas():
    assert split_ids(["a,b", " c ", ",,"]) == ("a", "b", "c")
    assert split_ids(None) == ()


def test_build_filters_from_every_option():
    args = _parse(
        "--feature", "kabul", "--actor", "isi,ttp", "--from", "2024",
        "--to", "2024-06", "--datemode", "events", "--q", "pass",
        "--article", "a", "--article", "b",
    )  # fmt: skip
    f = build_filters(args)
    assert (f.feature, f.actors, f.datemode, f.q, f.articles) == (
        "kabul", ("isi", "ttp"), "events", "pass", ("a", "b"),
    )  # fmt: skip
    assert (f.date_from, f.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


def test_build_filters_refuses_an_inverted_window():
    with pytest.raises(FilterError, match="after"):
        build_filters(_parse("--from", "2025", "--to", "2024"))


def test_build_filters_with_no_option_is_no_filter():
    f = build_filters(_parse())
    assert (f.feature, f.actors, f.q, f.articles) == (None, (), None, None)
