"""Tests for components.briefing.describe: the view stated in plain words."""

import dataclasses
import datetime as dt

from components.briefing.describe import (
    cite_hit,
    describe_caption,
    describe_filters,
    describe_title,
)
from tests.components.briefing.fixtures import make_briefing, make_hits


def test_describe_filters_names_the_selected_feature_and_defaults():
    described = dict(describe_filters(make_briefing()))
    assert described["Selected feature"] == "Wakhan Corridor (wakhan-corridor)"
    assert described["Actors"] == "any"
    assert described["Dates"] == "any date"
    assert described["Text search"] == "none"
    assert described["Articles"] == "all"
    assert described["Map layers"] == "all"


def test_describe_filters_states_actors_dates_search_and_articles():
    briefing = make_briefing(
        actors=("taliban",),
        date_from=dt.date(2024, 1, 1),
        datemode="events",
        q="border",
        articles=(),
    )
    described = dict(describe_filters(briefing))
    assert described["Actors"].startswith("Taliban (taliban)")
    assert described["Dates"] == (
        "dates of events the passages mention on or after 2024-01-01"
    )
    assert described["Text search"] == "\u201cborder\u201d"
    assert described["Articles"] == "none"


def test_describe_filters_date_range_and_upper_bound():
    both = make_briefing(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 6, 30))
    assert dict(describe_filters(both))["Dates"] == (
        "published from 2024-01-01 to 2024-06-30"
    )
    upper = make_briefing(date_to=dt.date(2024, 6, 30))
    assert dict(describe_filters(upper))["Dates"] == "published on or before 2024-06-30"


def test_describe_filters_lists_the_shown_kinds():
    briefing = dataclasses.replace(make_briefing(), kinds=("city", "pass"))
    assert dict(describe_filters(briefing))["Map layers"] == "city, pass"


def test_describe_caption_joins_the_filters_on_one_line():
    caption = describe_caption(make_briefing())
    assert caption.startswith("Selected feature: Wakhan Corridor (wakhan-corridor); ")
    assert "\n" not in caption


def test_describe_title_names_the_feature_or_the_region():
    assert describe_title(make_briefing()) == "Briefing: Wakhan Corridor"
    region = make_briefing(feature=None)
    assert describe_title(region) == (
        "Briefing: Afghanistan, Pakistan and their neighbours"
    )


def test_cite_hit_states_author_title_date_paragraph_and_section():
    second = make_hits()[1]
    assert cite_hit(second) == (
        "A. <i>Writer</i>, \u201cOn the <b>Roof</b> of the World\u201d, 2024-03-01, "
        "paragraph 3, section \u201cBorders\u201d (a-one#p3)"
    )


def test_cite_hit_without_author_says_unknown():
    hit = dataclasses.replace(make_hits()[2], author="")
    assert cite_hit(hit).startswith("Unknown author, \u201cHerders\u201d")
