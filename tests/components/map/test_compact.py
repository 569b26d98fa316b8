"""Polyline-encoded coordinates: exact to 3 decimals, points left alone, smaller."""

from __future__ import annotations

import json

import pytest

from components.map.compact import (
    DECODE_FILTER,
    compact_json,
    decode_line,
    encode_collection,
    encode_line,
)

LINE = [(63.101, 35.525), (63.077, 35.559), (-0.5, -84.999), (82.0, 45.153)]


def test_encode_decode_round_trip_to_three_decimals() -> None:
    decoded = decode_line(encode_line(LINE))
    flat = [v for point in decoded for v in point]
    assert flat == pytest.approx([v for point in LINE for v in point], abs=1e-9)
    assert decode_line(encode_line([(70.12349, 35.00051)])) == [(70.123, 35.001)]


def test_strings_are_json_and_html_safe() -> None:
    text = encode_line(LINE)
    assert all(63 <= ord(c) <= 126 for c in text)
    assert not set(text) & set("<>&'\"")


def test_collection_encodes_lines_and_polygons_not_points() -> None:
    ring = [[70.0, 35.0], [71.0, 35.0], [71.0, 36.0], [70.0, 35.0]]
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"feature_id": "p"},
             "geometry": {"type": "Polygon", "coordinates": [ring]}},
            {"type": "Feature", "properties": {"feature_id": "m"},
             "geometry": {"type": "MultiPolygon", "coordinates": [[ring], [ring]]}},
            {"type": "Feature", "properties": {"feature_id": "k"},
             "geometry": {"type": "Point", "coordinates": [69.17, 34.53]}},
        ],
    }  # fmt: skip
    out = encode_collection(data)
    polygon, multi, point = (f["geometry"]["coordinates"] for f in out["features"])
    assert decode_line(polygon[0]) == [tuple(p) for p in ring]
    assert [decode_line(part[0]) for part in multi] == [[tuple(p) for p in ring]] * 2
    assert point == [69.17, 34.53]
    assert data["features"][0]["geometry"]["coordinates"] == [ring]  # not mutated
    assert len(json.dumps(out)) < len(json.dumps(data))


def test_browser_decoder_mirrors_the_python_one() -> None:
    js = DECODE_FILTER.js_code
    for token in ("charCodeAt(i++) - 63", "(b & 31) << shift", "b >= 32", "/ SCALE"):
        assert token in js
    assert "var SCALE = 1000;" in js
    assert "return true;" in js  # the filter keeps every feature


def test_compact_json_is_scoped() -> None:
    import folium

    def render() -> str:
        layer = folium.GeoJson({"type": "FeatureCollection", "features": []})
        folium.Map().add_child(layer)
        return layer._template.module.script(layer)

    with compact_json():
        inside = render()
    assert '"features":[]' in inside
    assert '"features": []' in render()
