"""Gazetteer labels (crossings, passes, towns), river names, schematic roads."""

from __future__ import annotations

import pytest

import geopandas as gpd
from shapely.geometry import LineString, Point

from components.basemap.gazetteer import (
    PLACES_MIN_ZOOM,
    ROADS,
    mark_named_rivers,
    place_candidates,
    read_places,
    river_candidates,
    schematic_roads,
)
from components.basemap.labels import City


def _places() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "feature_id": ["torkham", "khyber-pass", "landi-kotal", "peshawar"],
            "name": ["Torkham", "Khyber Pass", "Landi Kotal", "Peshawar"],
            "kind": ["crossing", "pass", "city", "city"],
        },
        geometry=[
            Point(71.0833, 34.1),
            Point(71.2047, 34.0744),
            Point(71.1411, 34.0988),
            Point(71.5785, 34.008),
        ],
        crs="EPSG:4326",
    )


CITIES = [City("Peshawar", 71.578, 34.008, 4_758_762, False, "PK")]


def test_crossings_and_passes_labelled_from_zoom_8_first() -> None:
    assert place_candidates(_places(), CITIES, PLACES_MIN_ZOOM - 1) == []
    cands = {c.label.text: c for c in place_candidates(_places(), CITIES, 8)}
    assert set(cands) == {"Torkham", "Khyber Pass", "Landi Kotal"}  # Peshawar: GeoNames
    assert cands["Torkham"].label.marker == "crossing"
    assert cands["Khyber Pass"].label.marker == "pass"
    assert cands["Torkham"].priority < cands["Landi Kotal"].priority


def test_every_committed_crossing_and_pass_has_a_label() -> None:
    places = read_places()
    wanted = set(places[places["kind"].isin(["crossing", "pass"])]["name"])
    got = {c.label.text for c in place_candidates(places, [], 9)}
    assert {"Torkham", "Chaman", "Wagah", "Khunjerab Pass", "Wakhjir Pass"} <= wanted
    assert wanted <= got


def test_schematic_roads_run_through_their_waypoints() -> None:
    places = read_places()
    cities = [
        City(name, 0.0, 0.0, 1, False, "PK")
        for name in ("Karimabad", "Mansehra", "Havelian", "Haripur", "Jamrud", "Pishin")
    ]
    roads = schematic_roads(places, cities)
    assert list(roads["name"]) == list(ROADS)
    khyber = roads.geometry.iloc[1]
    torkham = places.set_index("feature_id").geometry["torkham"]
    assert khyber.distance(torkham) == pytest.approx(0.0, abs=1e-9)


def test_named_river_promoted_and_labelled_on_it() -> None:
    rivers = gpd.GeoDataFrame(
        {"level": [3, 3]},
        geometry=[
            LineString([(69.0, 34.55), (71.0, 34.55)]),  # near the Kabul anchor
            LineString([(60.0, 25.0), (61.0, 25.0)]),
        ],
        crs="EPSG:4326",
    )
    marked = mark_named_rivers(rivers)
    assert list(marked["level"]) == [2, 3]
    assert river_candidates(marked, 6) == []
    names = {c.label.text for c in river_candidates(marked, 8)}
    assert "Kabul" in names
