"""Places: coordinates where they belong, attribution on every row, CPEC waypoints."""

from __future__ import annotations

import csv

import pytest

import geopandas as gpd
import shapely
from shapely.geometry import LineString
from shapely.ops import nearest_points

from geo.io import DATA_DIR
from geo.measure import measure_length_km
from geo.places import CPEC_WAYPOINTS, PLACES, list_city_ids


def _distance_km(a: object, b: object) -> float:
    p, q = nearest_points(a, b)  # type: ignore[arg-type]
    return measure_length_km(LineString([p, q]))


@pytest.mark.parametrize(
    ("place", "border", "max_km"),
    [
        ("torkham", "durand-line", 5),
        ("chaman", "durand-line", 5),
        ("ghulam-khan", "durand-line", 5),
        ("angoor-adda", "durand-line", 5),
        ("baroghil-pass", "durand-line", 5),
        ("khyber-pass", "durand-line", 20),
        ("wakhjir-pass", "afghanistan-china-border", 5),
        ("khunjerab-pass", "pakistan-china-border", 5),
        ("kilik-pass", "pakistan-china-border", 5),
        ("ishkashim", "afghanistan-tajikistan-border", 5),
    ],
)
def test_crossing_or_pass_lies_on_its_border(
    place: str, border: str, max_km: float, geoms: dict[str, object]
) -> None:
    assert _distance_km(geoms[place], geoms[border]) < max_km


def test_provincial_capitals_lie_in_their_province(
    layers: dict[str, gpd.GeoDataFrame],
) -> None:
    provinces = layers["provinces"].set_index("feature_id").geometry
    places = layers["places"]
    cities = places[
        (places["kind"] == "city") & places["parent"].isin(list(provinces.index))
    ]
    assert len(cities) >= 41
    for fid, parent, point in zip(
        cities["feature_id"], cities["parent"], cities.geometry, strict=True
    ):
        assert shapely.distance(provinces[parent], point) < 0.05, fid


def test_every_province_has_a_capital(layers: dict[str, gpd.GeoDataFrame]) -> None:
    parents = set(layers["places"]["parent"])
    assert set(layers["provinces"]["feature_id"]) <= parents


def test_places_csv_rows_carry_attribution() -> None:
    with (DATA_DIR / "places.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["feature_id"] for r in rows] == [p.feature_id for p in PLACES]
    for row in rows:
        assert row["source"], row["feature_id"]
        assert row["licence"], row["feature_id"]
        if row["geonameid"]:
            assert f"id {row['geonameid']}" in row["source"]
            assert "CC BY 4.0" in row["licence"]


def test_outside_countries_are_points_at_their_capitals(
    geoms: dict[str, object],
) -> None:
    assert shapely.equals(geoms["russia"], geoms["moscow"])  # type: ignore[arg-type]
    washington = geoms["united-states"]
    assert washington.x == pytest.approx(-77.04, abs=0.01)  # type: ignore[attr-defined]


def test_cpec_passes_through_its_waypoints(geoms: dict[str, object]) -> None:
    line = geoms["cpec"]
    coords = list(line.coords)  # type: ignore[attr-defined]
    assert len(coords) == len(CPEC_WAYPOINTS)
    for fid, xy in zip(CPEC_WAYPOINTS, coords, strict=True):
        assert shapely.distance(geoms[fid], shapely.Point(xy)) < 1e-3  # type: ignore[arg-type]


def test_cpec_is_labelled_schematic(layers: dict[str, gpd.GeoDataFrame]) -> None:
    assert "Schematic" in layers["routes"].loc[0, "note"]


def test_city_ids_include_capitals_that_name_provinces() -> None:
    assert {"kabul", "kandahar", "herat"} <= list_city_ids()
