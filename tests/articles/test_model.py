"""Tests for articles.model: frozen values and date-mention bounds."""

import dataclasses
import datetime as dt

import pytest

from articles.model import Actor, DateMention, Passage


def date_mention(value, precision):
    return DateMention("a#p1", 0, 4, "text", value, precision)


def test_bounds_of_a_day_is_that_day():
    day = dt.date(2024, 3, 5)
    assert date_mention("2024-03-05", "day").bounds() == (day, day)


def test_bounds_of_a_month_covers_leap_february():
    first, last = date_mention("2024-02", "month").bounds()
    assert (first, last) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_bounds_of_december_ends_on_the_31st():
    assert date_mention("2024-12", "month").bounds()[1] == dt.date(2024, 12, 31)


def test_bounds_of_a_year_covers_the_year():
    bounds = date_mention("1893", "year").bounds()
    assert bounds == (dt.date(1893, 1, 1), dt.date(1893, 12, 31))


def test_values_are_frozen():
    passage = Passage("a#p1", "a", 1, "text", 0, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        passage.text = "other"  # type: ignore[misc]


def test_actor_defaults_are_empty():
    actor = Actor("ttp", "TTP", "armed_group")
    assert (actor.aliases, actor.case_sensitive, actor.member_of) == ((), (), ())
    assert actor.home is None
