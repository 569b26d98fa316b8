"""Boundary lines and areas: tiny cases, and the committed coverage (no gaps)."""

from __future__ import annotations

import pytest

import geopandas as gpd
import shapely
from shapely.geometry import box

from geo.boundaries import BORDERS, derive_siachen, derive_wakhan, shared_edge
from geo.measure import measure_area_km2


def test_shared_edge_of_squares_is_their_common_side() -> None:
    edge = shared_edge(box(0, 0, 1, 1), box(1, 0, 2, 1))
    assert edge.geom_type == "LineString"
    assert edge.length == pytest.approx(1.0)


def test_shared_edge_of_disjoint_polygons_is_empty() -> None:
    assert shared_edge(box(0, 0, 1, 1), box(3, 0, 4, 1)).is_empty


def test_derive_wakhan_keeps_the_north_east() -> None:
    wakhan = derive_wakhan(box(70, 35, 75, 38))
    assert wakhan.bounds == (71.65, 36.4, 75.0, 38.0)


def test_derive_siachen_finds_the_hole_in_the_window() -> None:
    ring = box(75, 34, 79, 37).difference(box(76.5, 35.2, 77.5, 35.8))
    halves = [
        shapely.intersection(ring, box(0, 0, 77, 90)),
        shapely.intersection(ring, box(77, 0, 180, 90)),
    ]
    gap = derive_siachen(halves)
    assert gap.equals(box(76.5, 35.2, 77.5, 35.8))


def test_border_ids_end_in_border_or_are_named_lines() -> None:
    ids = [b.feature_id for b in BORDERS]
    assert len(ids) == len(set(ids))
    assert all(
        i.endswith("-border") or i in ("durand-line", "line-of-control") for i in ids
    )


def test_committed_countries_have_no_gaps_or_overlaps_at_durand_line(
    layers: dict[str, gpd.GeoDataFrame],
) -> None:
    countries = layers["countries"].set_index("feature_id").geometry
    afg, pak = countries["afghanistan"], countries["pakistan"]
    union = shapely.union_all([afg, pak])
    overlap_km2 = (
        measure_area_km2(shapely.intersection(afg, pak)) if afg.intersects(pak) else 0
    )
    gap_km2 = sum(
        measure_area_km2(shapely.Polygon(r))
        for p in shapely.get_parts(union)
        for r in p.interiors
    )
    assert overlap_km2 < 1.0
    assert gap_km2 < 1.0
    assert union.area == pytest.approx(afg.area + pak.area, rel=1e-6)


def test_committed_region_union_equals_sum_of_areas(
    layers: dict[str, gpd.GeoDataFrame],
) -> None:
    polys = list(layers["countries"].geometry)
    assert shapely.union_all(polys).area == pytest.approx(
        sum(p.area for p in polys), rel=1e-6
    )


def test_committed_provinces_tile_their_countries(
    layers: dict[str, gpd.GeoDataFrame],
) -> None:
    countries = layers["countries"].set_index("feature_id").geometry
    provinces = layers["provinces"]
    for country in ("afghanistan", "pakistan"):
        parts = provinces[provinces["parent"] == country].geometry
        assert (
            shapely.union_all(list(parts)).symmetric_difference(countries[country]).area
            < 1e-4
        )


def test_durand_line_layer_equals_shared_edge_of_polygons(
    geoms: dict[str, object],
) -> None:
    edge = shared_edge(geoms["afghanistan"], geoms["pakistan"])  # type: ignore[arg-type]
    line = geoms["durand-line"]
    assert shapely.hausdorff_distance(edge, line) < 0.001  # degrees, about 100 m
    assert edge.length == pytest.approx(line.length, rel=1e-3)  # type: ignore[attr-defined]


def test_siachen_lies_between_pakistan_india_and_china(
    geoms: dict[str, object],
) -> None:
    siachen = geoms["siachen"]
    for country in ("pakistan", "india", "china"):
        assert shapely.intersection(siachen, geoms[country]).area < 1e-6  # type: ignore[arg-type]
        assert shapely.distance(siachen, geoms[country]) < 0.01  # type: ignore[arg-type]


def test_wakhan_lies_inside_afghanistan(geoms: dict[str, object]) -> None:
    wakhan = geoms["wakhan-corridor"]
    assert shapely.difference(wakhan, geoms["afghanistan"]).area < 1e-6  # type: ignore[arg-type]
