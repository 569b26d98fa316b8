"""Which rivers and roads are drawn at which zoom, in what order."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import LineString, box

from components.basemap.overlays import (
    RIVER,
    ROAD,
    Overlays,
    build_lakes,
    build_line_sets,
    river_style,
    road_style,
)


def _overlays() -> Overlays:
    rivers = gpd.GeoDataFrame(
        {"level": [1, 3, 4]},
        geometry=[LineString([(60, 30), (61, 31)])] * 3,
        crs="EPSG:4326",
    )
    roads = gpd.GeoDataFrame(
        geometry=[LineString([(60, 30), (62, 30)])], crs="EPSG:4326"
    )
    lakes = gpd.GeoDataFrame(geometry=[box(60, 30, 60.5, 30.5)], crs="EPSG:4326")
    return Overlays(lakes=lakes, rivers=rivers, roads=roads)


def test_main_rivers_from_zoom_5_others_later() -> None:
    assert river_style(1, 4) is None
    assert river_style(1, 5) is not None
    assert river_style(3, 6) is None
    assert river_style(3, 7) is not None
    assert river_style(4, 8) is None
    assert river_style(4, 9) is not None
    assert river_style(10, 10) is None  # canals never
    widths = [river_style(0, z).width for z in range(5, 11)]  # type: ignore[union-attr]
    assert widths == sorted(widths)


def test_roads_from_zoom_6_cased_from_8() -> None:
    assert road_style(5) is None
    assert not road_style(7).casing  # type: ignore[union-attr]
    assert road_style(8).casing  # type: ignore[union-attr]


def test_line_sets_minor_rivers_first_roads_last() -> None:
    colours = [s.style.colour for s in build_line_sets(_overlays(), 9)]
    assert colours == [RIVER, RIVER, RIVER, ROAD]
    assert [s.style.width for s in build_line_sets(_overlays(), 9)][:3] == sorted(
        s.style.width for s in build_line_sets(_overlays(), 9)[:3]
    )
    assert len(build_line_sets(_overlays(), 5)) == 1


def test_lakes_only_from_zoom_5() -> None:
    assert len(build_lakes(_overlays(), 4)) == 0
    assert len(build_lakes(_overlays(), 5)) == 1
    assert len(build_lakes(None, 8)) == 0
