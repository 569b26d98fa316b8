"""The map builder, inspected through Folium objects (no pixels)."""

from __future__ import annotations

import json

import pytest

import folium

from components.map import tiles as basemap
from components.map.builder import GROUPS, build_map, build_overlay
from components.map.layers import build_feature_collection, build_tooltip_html
from components.map.style import DISPUTED_DASH, style_feature
from tests.conftest import MALICIOUS


def _children(element: folium.Element, cls: type) -> list:
    out = []
    for child in element._children.values():
        if isinstance(child, cls):
            out.append(child)
        out.extend(_children(child, cls))
    return out


def _geojson(m: folium.Map, layer_id: str) -> folium.GeoJson:
    (layer,) = [g for g in _children(m, folium.GeoJson) if g.layer_name == layer_id]
    return layer


def _feature(fid: str, kind: str, disputed: bool = False) -> dict:
    return {"properties": {"feature_id": fid, "kind": kind, "disputed": disputed}}


def test_build_map_groups_layers_in_control_order(toy_layers) -> None:
    m = build_map(toy_layers)
    names = [g.layer_name for g in _children(m, folium.FeatureGroup)]
    assert names == [title for title, _ in GROUPS] + ["Labels"]
    assert len(_children(m, folium.LayerControl)) == 1


def test_build_map_puts_unknown_layer_in_own_group(toy_layers) -> None:
    layers = {"extra": toy_layers["places"], "countries": toy_layers["countries"]}
    names = [g.layer_name for g in _children(build_map(layers), folium.FeatureGroup)]
    assert names == ["Countries", "extra", "Labels"]


def test_build_map_uses_local_tile_layers(toy_layers) -> None:
    tiles = _children(build_map(toy_layers), folium.TileLayer)
    assert [t.tiles for t in tiles] == [basemap.TILE_URL] * 3
    assert tiles[0].options["max_native_zoom"] == basemap.WORLD_MAX_ZOOM
    assert tiles[1].options["max_native_zoom"] == basemap.REGION_MAX_ZOOM
    assert tiles[2].options["max_native_zoom"] == basemap.DETAIL_MAX_ZOOM


def test_style_function_stands_out_durand_and_wakhan(toy_layers) -> None:
    m = build_map(toy_layers)
    durand = _geojson(m, "borders").style_function(
        _feature("durand-line", "boundary", True)
    )
    other = _geojson(m, "borders").style_function(_feature("afg-tjk", "boundary"))
    assert durand["weight"] > other["weight"]
    assert durand["color"] != other["color"]
    assert durand["dashArray"] == DISPUTED_DASH
    assert "dashArray" not in other
    wakhan = _geojson(m, "areas").style_function(
        _feature("wakhan-corridor", "corridor")
    )
    assert wakhan["fillOpacity"] >= 0.5


def test_style_function_selected_differs_from_unselected(toy_layers) -> None:
    m = build_map(toy_layers, selected="badakhshan")
    style = _geojson(m, "provinces").style_function
    chosen = style(_feature("badakhshan", "province"))
    plain = style(_feature("kunar", "province"))
    assert chosen["className"] == "is-selected"
    assert chosen["weight"] > plain["weight"]
    assert "className" not in plain


def test_style_feature_disputed_area_dashed() -> None:
    assert (
        style_feature(_feature("siachen", "area", True))["dashArray"] == DISPUTED_DASH
    )


def test_style_feature_evidence_mutes_zero_and_shades_counts() -> None:
    counts = {"afghanistan": 9, "tajikistan": 1}
    many = style_feature(_feature("afghanistan", "country"), counts=counts)
    few = style_feature(_feature("tajikistan", "country"), counts=counts)
    none = style_feature(_feature("uzbekistan", "country"), counts=counts)
    assert many["fillColor"] != few["fillColor"] != none["fillColor"]
    assert many["fillOpacity"] == few["fillOpacity"] > none["fillOpacity"] > 0
    assert style_feature(_feature("uzbekistan", "country")) != none


def test_style_feature_highlight_outlines() -> None:
    style = style_feature(_feature("kabul", "city"), highlight={"kabul"})
    assert style["className"] == "is-highlighted"
    assert style["weight"] == 3.0


def test_build_map_fits_bounds_to_highlight(toy_layers) -> None:
    m = build_map(toy_layers, highlight=["kabul", "torkham"])
    (fit,) = [c for c in m._children.values() if type(c).__name__ == "FitBounds"]
    assert fit.bounds == [[34.1, 69.17], [34.53, 71.09]]


def test_build_map_no_fit_without_highlight(toy_layers) -> None:
    m = build_map(toy_layers)
    assert not [c for c in m._children.values() if type(c).__name__ == "FitBounds"]


def test_get_bounds_cover_layers(toy_layers) -> None:
    (south, west), (north, east) = build_map(toy_layers).get_bounds()
    assert south == pytest.approx(24.0)
    assert west == pytest.approx(61.0)
    assert north == pytest.approx(39.5)
    assert east == pytest.approx(77.6)


def test_feature_collection_escapes_names_and_notes(toy_layers) -> None:
    data = build_feature_collection(toy_layers["places"])
    (evil,) = [f for f in data["features"] if f["properties"]["feature_id"] == "evil"]
    tip = evil["properties"]["tip"]
    assert "<img" not in tip
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in tip
    assert set(evil["properties"]) == {"feature_id", "kind", "disputed", "tip"}


def test_rendered_map_never_carries_raw_malicious_markup(toy_layers) -> None:
    html = build_map(toy_layers).get_root().render()
    assert MALICIOUS not in html
    assert "<img src=x" not in html


def test_tooltip_html_names_kind_and_note() -> None:
    tip = build_tooltip_html("Durand Line", "boundary", "Not recognised.")
    assert tip == "<b>Durand Line</b><br>border line<br><i>Not recognised.</i>"


def test_feature_collection_rounds_coordinates(toy_layers) -> None:
    data = build_feature_collection(toy_layers["places"])
    for feature in data["features"]:
        for value in feature["geometry"]["coordinates"]:
            assert round(value, 4) == value


def test_overlay_holds_only_selected_and_highlighted(toy_layers) -> None:
    group = build_overlay(toy_layers, selected="wakhan-corridor", highlight=["kabul"])
    ids = {
        f["properties"]["feature_id"]
        for g in _children(group, folium.GeoJson)
        for f in g.data["features"]
    }
    assert ids == {"wakhan-corridor", "kabul"}
    (areas,) = [g for g in _children(group, folium.GeoJson) if "areas" in g.layer_name]
    style = areas.style_function(_feature("wakhan-corridor", "corridor"))
    assert style["interactive"] is False
    assert "is-selected" in style["className"]


def test_overlay_empty_without_selection(toy_layers) -> None:
    assert _children(build_overlay(toy_layers), folium.GeoJson) == []


def test_build_map_tooltips_count_passages(toy_layers) -> None:
    m = build_map(toy_layers, counts={"kabul": 2})
    tips = {
        f["properties"]["feature_id"]: f["properties"]["tip"]
        for f in _geojson(m, "places").data["features"]
    }
    assert tips["kabul"].endswith("<br>2 passages")
    assert tips["torkham"].endswith("<br>0 passages")


def test_build_map_draws_places_above_outlines(toy_layers) -> None:
    m = build_map(toy_layers)
    (pane,) = _children(m, folium.map.CustomPane)
    assert pane.name == "places"
    style = _geojson(m, "places").style_function(
        {"properties": {"feature_id": "kabul", "kind": "city"}}
    )
    assert style["pane"] == "places"
    (control,) = _children(m, folium.LayerControl)
    assert control.options["collapsed"] is True  # the sidebar toggles kinds too


def test_default_payload_of_toy_map_is_small(toy_layers) -> None:
    html = build_map(toy_layers).get_root().render()
    assert len(html.encode()) < 300_000
    assert json.dumps(build_feature_collection(toy_layers["areas"]))
