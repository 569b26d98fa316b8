"""Tests for articles.dates.patterns: the date regexes and their word tables."""

from articles.dates.patterns import (
    AGO,
    DAY_FIRST,
    LEFT_OF_AGO,
    LEFT_OF_YEAR,
    MONTH_FIRST,
    MONTHS,
    NUMBER_WORDS,
    RANGE_START,
    UNIT,
    WEEKDAYS,
)


def test_months_accept_full_abbreviated_and_upper_case_names():
    assert MONTHS["September"] == MONTHS["Sept"] == MONTHS["SEP"] == 9
    assert MONTHS["May"] == 5


def test_weekdays_and_number_words():
    assert WEEKDAYS["Monday"] == 0
    assert WEEKDAYS["Sunday"] == 6
    assert NUMBER_WORDS["a"] == 1
    assert NUMBER_WORDS["twelve"] == 12


def test_day_first_reads_ordinal_day_month_and_year():
    found = DAY_FIRST.search("on the 30th of December, 2024 at")
    assert found is not None
    assert found.group("d", "m", "y") == ("30", "December", "2024")


def test_day_first_year_is_optional():
    found = DAY_FIRST.search("30 Dec")
    assert found is not None
    assert found.group("y") is None


def test_month_first_reads_a_day_range_and_year():
    found = MONTH_FIRST.search("January 23-25, 2025")
    assert found is not None
    assert found.group("m", "d", "d2", "y") == ("January", "23", "25", "2025")


def test_month_first_abbreviation_may_carry_a_full_stop():
    found = MONTH_FIRST.search("Jan. 5")
    assert found is not None
    assert found.group() == "Jan. 5"


def test_month_first_ignores_a_month_inside_a_word():
    found = MONTH_FIRST.search("Mayor")
    assert found is None


def test_year_must_be_plausible_and_not_a_decimal():
    assert MONTH_FIRST.fullmatch("March 2024") is not None
    assert MONTH_FIRST.fullmatch("March 2200") is None
    assert MONTH_FIRST.match("March 2024.5").group("y") is None


def test_day_is_not_a_time():
    assert MONTH_FIRST.match("May 10:30").group("d") is None


def test_range_start_reads_the_first_day_on_the_left():
    found = RANGE_START.search("from 11 to ")
    assert found is not None
    assert found.group("d") == "11"


def test_relative_phrases():
    assert UNIT.search("since last week").group("cue", "unit") == ("last", "week")
    assert AGO.search("three weeks ago.") is not None
    assert LEFT_OF_AGO.search("three weeks").group("count", "unit") == (
        "three",
        "weeks",
    )
    assert LEFT_OF_YEAR.search("in mid-") is not None
