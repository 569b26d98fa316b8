"""Tests for components.url.parse: each parser keeps what is valid, reports the rest."""

import datetime as dt

import pytest

from components.url.parse import (
    MAX_IDS,
    MAX_Q_LEN,
    parse_date,
    parse_ids,
    parse_map_view,
    parse_q,
    parse_single_id,
    quote_value,
    read_last,
)

KNOWN = {"kabul", "wakhan-corridor"}


def test_quote_value_shortens_long_values():
    assert quote_value("abc") == "'abc'"
    assert quote_value("x" * 100) == repr("x" * 40 + "...")


def test_read_last_takes_the_last_repeated_value():
    assert read_last("one") == "one"
    assert read_last(["one", "two"]) == "two"
    assert read_last([]) == ""


def test_parse_ids_keeps_known_lowercased_unique_ids():
    problems: list[str] = []
    ids = parse_ids(" Kabul,,kabul,wakhan-corridor", KNOWN, "feature", problems)
    assert ids == ("kabul", "wakhan-corridor")
    assert problems == []


def test_parse_ids_reports_unknown_ids():
    problems: list[str] = []
    assert parse_ids("kabul,atlantis", KNOWN, "feature", problems) == ("kabul",)
    assert problems == ["Unknown feature 'atlantis' ignored."]


def test_parse_ids_caps_the_count():
    problems: list[str] = []
    raw = ",".join(f"a{i}" for i in range(MAX_IDS + 5))
    assert len(parse_ids(raw, None, "article", problems)) == MAX_IDS
    assert problems == [f"More than {MAX_IDS} articles; the rest ignored."]


def test_parse_date_reads_iso_days():
    problems: list[str] = []
    assert parse_date(" 2024-03-05 ", "from", problems) == dt.date(2024, 3, 5)
    assert parse_date("", "from", problems) is None
    assert problems == []


@pytest.mark.parametrize("raw", ["2024-13-01", "2024-3-5", "2024", "yesterday"])
def test_parse_date_reports_bad_dates(raw):
    problems: list[str] = []
    assert parse_date(raw, "from", problems) is None
    assert problems == [f"Bad date for 'from': {raw!r} (use YYYY-MM-DD); ignored."]


def test_parse_single_id_keeps_a_known_id():
    problems: list[str] = []
    assert parse_single_id(" KABUL ", KNOWN, "feature", problems) == "kabul"
    assert parse_single_id("  ", KNOWN, "feature", problems) is None
    assert problems == []


def test_parse_single_id_reports_an_unknown_id():
    problems: list[str] = []
    assert parse_single_id("atlantis", KNOWN, "feature", problems) is None
    assert problems == ["Unknown feature 'atlantis' ignored."]


def test_parse_q_collapses_whitespace():
    problems: list[str] = []
    assert parse_q("  Durand \n Line ", problems) == "Durand Line"
    assert parse_q("   ", problems) is None
    assert problems == []


def test_parse_q_ignores_too_long_text():
    problems: list[str] = []
    assert parse_q("x" * (MAX_Q_LEN + 1), problems) is None
    assert len(problems) == 1


def test_parse_map_view_reads_lat_lon_and_zoom():
    problems: list[str] = []
    raw = {"lat": "34.5", "lon": "69.2", "zoom": "7"}
    assert parse_map_view(raw, problems) == ((34.5, 69.2), 7)
    assert parse_map_view({}, problems) == (None, None)
    assert problems == []


def test_parse_map_view_needs_both_coordinates():
    problems: list[str] = []
    assert parse_map_view({"lat": "34.5"}, problems) == (None, None)
    assert problems == ["The map view needs both 'lat' and 'lon'; view ignored."]


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ({"lat": "91", "lon": "0"}, "Bad lat '91'"),
        ({"lat": "0", "lon": "nan"}, "Bad lon 'nan'"),
        ({"lat": "0", "lon": "0", "zoom": "20"}, "Bad zoom '20'"),
        ({"lat": "0", "lon": "0", "zoom": "5.5"}, "(use a whole number)"),
    ],
)
def test_parse_map_view_drops_the_view_for_any_bad_part(raw, why):
    problems: list[str] = []
    assert parse_map_view(raw, problems) == (None, None)
    assert len(problems) == 1
    assert why in problems[0]
    assert problems[0].endswith("map view ignored.")
