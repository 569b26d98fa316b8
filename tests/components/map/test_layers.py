"""Layers as GeoJSON: clipped polygons flagged, tooltips, label placement."""

from __future__ import annotations

import pytest

import geopandas as gpd
import shapely
from shapely.geometry import LineString, box

from components.map.compact import DECODE_FILTER
from components.map.layers import (
    LABEL_PLACEMENT,
    build_clip_edges,
    build_feature_collection,
    build_geojson,
    build_label_markers,
    build_tooltip_html,
    find_clipped,
)
from components.map.popup import TopPassage
from components.map.style import CLIPPED
from geo.derive import DISPLAY_BBOX

WEST, SOUTH, EAST, NORTH = DISPLAY_BBOX


def _frame(rows: list[tuple[str, str, object]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "feature_id": [r[0] for r in rows],
            "name": [r[0].title() for r in rows],
            "kind": [r[1] for r in rows],
            "note": [None] * len(rows),
            "disputed": [False] * len(rows),
            "geometry": [r[2] for r in rows],
        },
        geometry="geometry",
        crs="EPSG:4326",
    )


@pytest.fixture
def countries() -> gpd.GeoDataFrame:
    return _frame(
        [
            ("inside", "country", box(60, 30, 70, 38)),
            ("cut-east", "country", box(75, 30, EAST, 40)),  # runs along 82 E
            ("cut-south", "country", box(68, SOUTH, 75, 24)),  # runs along 20 N
            ("touches", "country", shapely.Polygon([(WEST, 35), (50, 30), (50, 40)])),
        ]
    )


def test_find_clipped_flags_polygons_cut_by_the_window(countries) -> None:
    assert find_clipped(countries) == {"cut-east", "cut-south"}


def test_find_clipped_ignores_lines() -> None:
    line = _frame([("edge", "boundary", LineString([(EAST, 25), (EAST, 40)]))])
    assert find_clipped(line) == frozenset()


def test_feature_collection_marks_clipped_only(countries) -> None:
    data = build_feature_collection(countries)
    flagged = {
        f["properties"]["feature_id"]
        for f in data["features"]
        if f["properties"].get(CLIPPED)
    }
    assert flagged == {"cut-east", "cut-south"}
    inside = data["features"][0]["properties"]
    assert set(inside) == {"feature_id", "kind", "disputed", "tip"}


def test_tooltip_counts_passages() -> None:
    assert build_tooltip_html("Kabul", "city", None, 1).endswith("<br>1 passage")
    assert build_tooltip_html("Kabul", "city", None, 0).endswith("<br>0 passages")
    assert "passage" not in build_tooltip_html("Kabul", "city", None)


def _labels(gdf: gpd.GeoDataFrame) -> dict[str, tuple[list[float], str]]:
    out = {}
    for marker in build_label_markers(gdf):
        html = marker.icon.options["html"]
        fid = html.split(" label-")[-1].split('"')[0]
        out[fid] = (marker.location, html)
    return out


def test_labels_only_for_named_lines_and_areas() -> None:
    gdf = _frame(
        [
            ("durand-line", "boundary", LineString([(60, 29), (65, 29), (74, 37)])),
            ("pakistan-china-border", "boundary", LineString([(74, 37), (77, 35)])),
            ("siachen", "area", box(76.8, 35.2, 77.6, 35.7)),
            ("swat", "area", shapely.Point(72.4, 35.2)),  # a district as a dot
            ("karakoram-highway", "route", LineString([(75, 37), (73, 34)])),
        ]
    )
    gdf.loc[1, "disputed"] = True
    assert set(_labels(gdf)) == {"durand-line", "siachen"}


def test_wakhan_label_sits_off_its_north_east_corner() -> None:
    wakhan = box(71.6, 36.4, 74.9, 37.5)
    ((location, html),) = _labels(
        _frame([("wakhan-corridor", "corridor", wakhan)])
    ).values()
    assert location == [37.5, 74.9]
    assert LABEL_PLACEMENT["wakhan-corridor"][2] in html
    assert "Wakhan-Corridor" in html


def test_durand_label_on_its_southern_stretch() -> None:
    line = LineString([(74.5, 37.0), (71.0, 34.0), (66.0, 29.5), (61.0, 29.5)])
    ((location, html),) = _labels(_frame([("durand-line", "boundary", line)])).values()
    fraction = LABEL_PLACEMENT["durand-line"][1]
    expected = shapely.line_interpolate_point(line, fraction, normalized=True)
    assert location == [round(expected.y, 3), round(expected.x, 3)]
    assert location[0] == pytest.approx(29.5)
    assert "label-above" in html


def test_clip_edges_follow_the_cut_and_say_so(countries) -> None:
    edges = build_clip_edges(countries)
    cut = {f["properties"]["clip_of"]: f for f in edges["features"]}
    assert set(cut) == {"cut-east", "cut-south"}
    east = shapely.geometry.shape(cut["cut-east"]["geometry"])
    assert east.bounds == (EAST, 30.0, EAST, 40.0)  # along 82 E only
    assert "continues beyond" in cut["cut-east"]["properties"]["tip"]
    assert "not a border" in cut["cut-east"]["properties"]["tip"]


def test_features_with_passages_carry_their_popup(countries) -> None:
    top = TopPassage(title="<b>Title</b>", published="2025-01-23", snippet="A & B")
    data = build_feature_collection(
        countries, counts={"inside": 3, "cut-east": 0}, tops={"inside": top}
    )
    props = {f["properties"]["feature_id"]: f["properties"] for f in data["features"]}
    assert "pop" not in props["cut-east"]  # no passage, no popup
    pop = props["inside"]["pop"]
    assert "3 passages" in pop
    assert "&lt;b&gt;Title&lt;/b&gt;" in pop
    assert "A &amp; B" in pop
    assert "<b>Title</b>" not in pop


def test_compact_geojson_decodes_in_the_filter() -> None:
    line = _frame([("edge", "boundary", LineString([(70.1234, 35.0), (71.0, 36.5)]))])
    layer = build_geojson(
        "borders", build_feature_collection(line), lambda _f: {}, compact=True
    )
    coords = layer.data["features"][0]["geometry"]["coordinates"]
    assert isinstance(coords, str)
    assert layer.options["filter"] is DECODE_FILTER


def test_bounds_closest_fit_the_smaller_places_of_a_passage(toy_layers) -> None:
    from components.map.layers import bounds_of

    named = ["afghanistan", "pakistan", "badakhshan"]
    wide = bounds_of(toy_layers, named)
    near = bounds_of(toy_layers, named, closest=True)
    assert near == [[35.5, 69.0], [38.4, 74.9]]  # Badakhshan, not both countries
    assert wide == [[24.0, 61.0], [38.4, 75.0]]
    only_countries = bounds_of(toy_layers, ["pakistan"], closest=True)
    assert only_countries == [[24.0, 61.0], [29.5, 75.0]]
