"""Tests for components.briefing.exports: formats, builders and file names."""

import json

from components.briefing.exports import FORMATS, build_exports, name_export
from tests.components.briefing.fixtures import make_briefing


def test_formats_have_distinct_suffixes_matching_their_ids():
    assert list(FORMATS) == ["html", "png", "svg", "geojson", "csv"]
    assert all(f.suffix == f".{f.id}" for f in FORMATS.values())


def test_build_exports_builds_the_requested_formats_in_order():
    built = build_exports(make_briefing(), ["geojson", "csv"])
    assert list(built) == ["geojson", "csv"]
    assert json.loads(built["geojson"])["type"] == "FeatureCollection"
    assert b"a-one#p1" in built["csv"]


def test_name_export_uses_feature_or_region_and_date():
    assert name_export(make_briefing(), "png") == (
        "briefing-wakhan-corridor-2026-11-20.png"
    )
    assert name_export(make_briefing(feature=None), "csv") == (
        "briefing-region-2026-11-20.csv"
    )
