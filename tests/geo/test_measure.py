"""Geodesic measures on shapes with known answers."""

from __future__ import annotations

import pytest

from shapely.geometry import LineString, box

from geo.measure import measure_area_km2, measure_corridor, measure_length_km


def test_one_degree_of_equator_is_111_km() -> None:
    assert measure_length_km(LineString([(0, 0), (1, 0)])) == pytest.approx(
        111.32, abs=0.01
    )


def test_one_degree_of_meridian_is_110_6_km() -> None:
    assert measure_length_km(LineString([(0, 0), (0, 1)])) == pytest.approx(
        110.57, abs=0.01
    )


def test_area_is_positive_for_either_winding() -> None:
    square = box(0, 0, 1, 1)
    expected = 12308.8
    assert measure_area_km2(square) == pytest.approx(expected, rel=1e-3)
    assert measure_area_km2(square.reverse()) == pytest.approx(expected, rel=1e-3)


def test_corridor_of_a_strip_with_a_neck() -> None:
    # 2 degrees long at the equator, 0.2 deg wide, narrowed to 0.1 deg at x=0.95-1.05
    strip = box(0, -0.1, 2, 0.1).difference(box(0.95, 0.05, 1.05, 0.2))
    m = measure_corridor(strip, neck_east_lon=1.9)
    assert m.max_width_km == pytest.approx(22.1, abs=0.1)
    assert m.min_width_km == pytest.approx(16.6, abs=0.3)
    assert 0.95 <= m.min_width_lon <= 1.05
    assert m.centre_line_km == pytest.approx(222.6, rel=0.02)


def test_corridor_neck_east_of_limit_is_ignored() -> None:
    strip = box(0, -0.1, 2, 0.1).difference(box(1.8, 0.05, 1.9, 0.2))
    m = measure_corridor(strip, neck_east_lon=1.5)
    assert m.min_width_km == pytest.approx(22.1, abs=0.2)
