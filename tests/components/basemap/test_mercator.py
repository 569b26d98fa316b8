"""Web Mercator projection of points and geometries to global pixels."""

from __future__ import annotations

import numpy as np
import pytest

import shapely
from shapely.geometry import LineString

from components.basemap.mercator import project_geoms, project_point


def test_project_point_torkham_tiles() -> None:
    x, y = project_point(71.0833, 34.1, 9)
    assert (int(x // 256), int(y // 256)) == (357, 204)
    x, y = project_point(71.0833, 34.1, 10)
    assert (int(x // 256), int(y // 256)) == (714, 408)


def test_project_geoms_projects_and_simplifies() -> None:
    line = LineString([(0, 0), (5, 0.000001), (10, 0)])
    (out,) = project_geoms(np.array([line], dtype=object), 2)
    assert shapely.get_num_coordinates(out) == 2
    assert out.coords[0] == pytest.approx((512.0, 512.0))
