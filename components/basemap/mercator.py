"""Web Mercator (EPSG:3857) projection to global pixels of a zoom level."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

import shapely

TILE = 256
MAX_LAT = 85.05112878


def project_lonlat(coords: NDArray[np.float64], zoom: int) -> NDArray[np.float64]:
    """Project (lon, lat) degrees to global Web Mercator pixels at `zoom`."""
    size = TILE * 2**zoom
    lon = coords[:, 0]
    lat = np.radians(np.clip(coords[:, 1], -MAX_LAT, MAX_LAT))
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - np.log(np.tan(lat) + 1.0 / np.cos(lat)) / math.pi) / 2.0 * size
    return np.column_stack([x, y])


def project_point(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Project one point; see `project_lonlat`."""
    x, y = project_lonlat(np.array([[lon, lat]]), zoom)[0]
    return float(x), float(y)


def project_geoms(
    geoms: NDArray[np.object_], zoom: int, tolerance: float = 0.3
) -> NDArray[np.object_]:
    """Project geometries to pixels at `zoom` and simplify them by `tolerance` px."""
    projected = shapely.transform(geoms, lambda c: project_lonlat(c, zoom))
    return np.asarray(shapely.simplify(projected, tolerance), dtype=object)
