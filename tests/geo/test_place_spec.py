"""Places: coordinates where they belong, attribution on every row, CPEC waypoints."""

from __future__ import annotations

import csv

import pytest

import geopandas as gpd
import shapely
from shapely.geometry import LineString
from shapely.ops import nearest_points

from geo.gazetteer import load_features
from geo.io import DATA_DIR
from geo.measure import measure_length_km
from geo.place_spec import list_city_ids, load_specs, parse_place, parse_route

PLACES, ROUTES = load_specs()
CPEC_WAYPOINTS = ROUTES[0].waypoints
KKH_WAYPOINTS = ROUTES[1].waypoints
#: Every feature by id.
_FEATURES = {f.id: f for f in load_features()}


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
        ("ishkoshim", "afghanistan-tajikistan-border", 5),
        ("wagah", "pakistan-india-border", 5),
        ("kartarpur", "pakistan-india-border", 10),
        ("spin-boldak", "durand-line", 10),
        ("wana", "durand-line", 30),
        ("parachinar", "durand-line", 30),
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
        places["kind"].isin(["city", "area"])
        & places["parent"].isin(list(provinces.index))
    ]
    assert len(cities) >= 41 + 25
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


def test_karakoram_highway_passes_through_its_waypoints(
    geoms: dict[str, object],
) -> None:
    coords = list(geoms["karakoram-highway"].coords)  # type: ignore[attr-defined]
    assert len(coords) == len(KKH_WAYPOINTS)
    for fid, xy in zip(KKH_WAYPOINTS, coords, strict=True):
        assert shapely.distance(geoms[fid], shapely.Point(xy)) < 1e-3  # type: ignore[arg-type]


def test_routes_are_labelled_schematic(layers: dict[str, gpd.GeoDataFrame]) -> None:
    routes = layers["routes"]
    assert list(routes["feature_id"]) == [r.feature_id for r in ROUTES]
    assert all(note.startswith("Schematic") for note in routes["note"])


@pytest.mark.parametrize(
    ("area", "seat"),
    [
        ("north-waziristan", "miran-shah"),
        ("south-waziristan", "wana"),
        ("khyber-district", "landi-kotal"),
        ("kurram", "parachinar"),
        ("gorno-badakhshan", "khorog"),
        ("sistan-and-baluchestan", "zahedan"),
        ("xinjiang", "urumqi"),
    ],
)
def test_district_or_region_is_a_point_at_its_seat(
    area: str, seat: str, geoms: dict[str, object]
) -> None:
    assert shapely.equals(geoms[area], geoms[seat])  # type: ignore[arg-type]
    feature = _FEATURES[area]
    assert feature.kind == "area"
    assert "Point at" in feature.derivation
    assert _FEATURES[seat].name in feature.derivation


def test_waziristan_lies_between_its_two_districts(geoms: dict[str, object]) -> None:
    north, south = geoms["north-waziristan"], geoms["south-waziristan"]
    middle = shapely.Point(
        (north.x + south.x) / 2,  # type: ignore[attr-defined]
        (north.y + south.y) / 2,  # type: ignore[attr-defined]
    )
    assert shapely.distance(geoms["waziristan"], middle) < 1e-3  # type: ignore[arg-type]
    assert "midway" in _FEATURES["waziristan"].derivation


def test_places_outside_afpak_have_their_country_as_parent() -> None:
    parents = {p.feature_id: p.parent for p in PLACES}
    assert parents["zahedan"] == parents["kerman"] == "iran"
    assert parents["khorog"] == parents["gorno-badakhshan"] == "tajikistan"
    assert parents["urumqi"] == parents["xinjiang"] == "china"


def test_city_ids_include_capitals_that_name_provinces() -> None:
    assert {"kabul", "kandahar", "herat"} <= list_city_ids()


def test_parse_place_writes_the_seat_derivation() -> None:
    spec = parse_place(
        {"id": "x", "name": "X", "kind": "area", "parent": None, "geonameid": 7}
        | {"seat": "Y", "seat_role": "the region's capital", "radius_km": 40}
    )
    assert spec.derivation == (
        "Point at Y, the region's capital (GeoNames 7); the extent of the district "
        "or region is not drawn."
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "x", "name": "X", "kind": "city", "typo": 1}, "unknown keys"),
        ({"id": "x", "kind": "city", "geonameid": 1}, "missing keys"),
        ({"id": "x", "name": "X", "kind": "city"}, "geonameid or lat/lon"),
        (
            {
                "id": "x",
                "name": "X",
                "kind": "city",
                "geonameid": 1,
                "lat": 1,
                "lon": 2,
            },
            "geonameid or lat/lon",
        ),
        ({"id": "x", "name": "X", "kind": "city", "lat": 1, "lon": 2}, "need a source"),
    ],
)
def test_parse_place_rejects_malformed_rows(
    row: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_place(row)


def test_area_points_carry_a_radius_and_cities_a_default() -> None:
    with pytest.raises(ValueError, match="radius_km"):
        parse_place({"id": "x", "name": "X", "kind": "area", "geonameid": 1})
    city = parse_place({"id": "x", "name": "X", "kind": "city", "geonameid": 1})
    assert city.radius_km == 5.0
    swat = {p.feature_id: p for p in PLACES}["swat"]
    assert swat.radius_km is not None
    assert swat.radius_km >= 57  # issue 13: a report placed Swat 57 km off


def test_parse_route_needs_two_waypoints() -> None:
    with pytest.raises(ValueError, match="two waypoints"):
        parse_route({"id": "r", "name": "R", "waypoints": ["a"], "note": ""})


def test_every_route_waypoint_is_a_place() -> None:
    ids = {p.feature_id for p in PLACES}
    assert all(set(r.waypoints) <= ids for r in ROUTES)
