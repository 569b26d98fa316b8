"""Geodesic measures (WGS84) of lines and polygons: lengths, areas, corridor widths."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class CorridorMeasure:
    """Widths and centre-line of an east-west corridor (km, degrees E)."""

    centre_line_km: float
    min_width_km: float
    min_width_lon: float
    max_width_km: float
    max_width_lon: float


def measure_length_km(geom: BaseGeometry) -> float:
    """Return the geodesic length of a line on the WGS84 ellipsoid.

    Parameters
    ----------
    geom : shapely geometry
        (Multi)LineString in EPSG:4326 (lon/lat degrees).

    Returns
    -------
    float
        Length in kilometres.
    """
    return float(_GEOD.geometry_length(geom)) / 1000.0


def measure_area_km2(geom: BaseGeometry) -> float:
    """Return the geodesic area of a polygon on the WGS84 ellipsoid.

    Parameters
    ----------
    geom : shapely geometry
        (Multi)Polygon in EPSG:4326 (lon/lat degrees).

    Returns
    -------
    float
        Area in square kilometres.
    """
    area, _ = _GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))
    return abs(float(area)) / 1e6


def _ns_section(poly: BaseGeometry, lon: float) -> LineString | None:
    """Longest part of the meridian `lon` inside `poly` (EPSG:4326)."""
    miny, maxy = poly.bounds[1] - 1, poly.bounds[3] + 1
    cut = shapely.intersection(poly, LineString([(lon, miny), (lon, maxy)]))
    parts = [p for p in shapely.get_parts(cut) if p.geom_type == "LineString"]
    return max(parts, key=lambda p: p.length) if parts else None


def _smooth(xy: np.ndarray, window: int) -> np.ndarray:
    """Smooth each column by a moving average over `window` points (edges kept)."""
    if len(xy) <= window:
        return xy
    kernel = np.ones(window) / window
    out = xy.copy()
    half = window // 2
    for col in range(xy.shape[1]):
        out[half : len(xy) - half, col] = np.convolve(xy[:, col], kernel, "valid")
    return out


def measure_corridor(
    poly: BaseGeometry, neck_east_lon: float, step_deg: float = 0.01
) -> CorridorMeasure:
    """Measure an east-west corridor: centre-line, narrowest and widest width.

    The centre-line joins the midpoints of north-south sections every `step_deg`
    (smoothed over 0.11 degrees). The widest width is the longest north-south
    section; the narrowest is the shortest cut perpendicular to the centre-line
    west of `neck_east_lon` (so the tapering tip at the end of the corridor does
    not count), measured in an azimuthal equidistant projection centred on the
    corridor and reported as a geodesic distance.

    Parameters
    ----------
    poly : shapely geometry
        Corridor polygon in EPSG:4326.
    neck_east_lon : float
        Easternmost longitude (degrees E) where a narrowest cut may lie; for the
        Wakhan, the west end of the Afghanistan-China border.
    step_deg : float
        Sampling step in degrees of longitude.

    Returns
    -------
    CorridorMeasure
        Geodesic figures in km; locations in degrees E.
    """
    minx, _, maxx, _ = poly.bounds
    lons = np.arange(minx + step_deg / 2, maxx, step_deg)
    sections = [(lon, _ns_section(poly, float(lon))) for lon in lons]
    found = [(lon, s) for lon, s in sections if s is not None]
    widths = [measure_length_km(s) for _, s in found]
    i_max = int(np.argmax(widths))
    mids = np.array([s.interpolate(0.5, normalized=True).coords[0] for _, s in found])
    centre = _smooth(mids, 11)
    min_km, min_lon = _measure_min_perpendicular(poly, centre, neck_east_lon)
    return CorridorMeasure(
        centre_line_km=measure_length_km(LineString(centre)),
        min_width_km=min_km,
        min_width_lon=min_lon,
        max_width_km=widths[i_max],
        max_width_lon=float(found[i_max][0]),
    )


def _measure_min_perpendicular(
    poly: BaseGeometry, centre: np.ndarray, east_lon: float
) -> tuple[float, float]:
    """Shortest cut of `poly` perpendicular to the centre-line (km, lon)."""
    lon0, lat0 = (float(v) for v in centre.mean(axis=0))
    proj = f"+proj=aeqd +lon_0={lon0} +lat_0={lat0} +datum=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", proj, always_xy=True)
    inv = Transformer.from_crs(proj, "EPSG:4326", always_xy=True)
    local = shapely.transform(poly, fwd.transform, interleaved=False)
    xs, ys = fwd.transform(centre[:, 0], centre[:, 1])
    pts = np.column_stack([xs, ys])
    best = (float("inf"), float("nan"))
    for i in range(2, len(pts) - 2):
        tangent = pts[i + 2] - pts[i - 2]
        normal = np.array([-tangent[1], tangent[0]]) / np.hypot(*tangent)
        ray = LineString([pts[i] - 2e5 * normal, pts[i] + 2e5 * normal])
        cut = shapely.intersection(local, ray)
        here = Point(pts[i])
        parts = [p for p in shapely.get_parts(cut) if p.distance(here) < 1.0]
        if not parts:
            continue
        (x1, y1), (x2, y2) = parts[0].coords[0], parts[0].coords[-1]
        (a_lon, b_lon), (a_lat, b_lat) = inv.transform([x1, x2], [y1, y2])
        km = float(_GEOD.inv(a_lon, a_lat, b_lon, b_lat)[2]) / 1000.0
        if km < best[0] and centre[i, 0] <= east_lon:
            best = (km, float(centre[i, 0]))
    return best
