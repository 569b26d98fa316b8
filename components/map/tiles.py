"""The offline basemap at run time: tile layers over `static/tiles` and their grid."""

from __future__ import annotations

import math
from pathlib import Path

import folium

TILE_DIR = Path(__file__).resolve().parents[2] / "static" / "tiles"
#: URL template relative to the st_folium component iframe (docs/notes.md section 1, 2).
TILE_URL = "../../app/static/tiles/{z}/{x}/{y}.png"
WORLD_MAX_ZOOM = 4
REGION_MIN_ZOOM = 5
REGION_MAX_ZOOM = 7
#: Zoom-5 tile columns and rows that cover 44-82 E, 20-46 N; higher zooms nest in them.
REGION_TILES_Z5 = (19, 11, 23, 14)
ATTRIBUTION = "Basemap: Natural Earth 1:10m (public domain), GeoNames (CC BY 4.0)"


def tile_lon(x: int, zoom: int) -> float:
    """Return the west longitude of tile column `x` at `zoom`."""
    return x / (1 << zoom) * 360.0 - 180.0


def tile_lat(y: int, zoom: int) -> float:
    """Return the north latitude of tile row `y` at `zoom`."""
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / (1 << zoom)))))


def region_bounds() -> tuple[tuple[float, float], tuple[float, float]]:
    """Return ((south, west), (north, east)) of the high-zoom tile footprint."""
    x0, y0, x1, y1 = REGION_TILES_Z5
    z = REGION_MIN_ZOOM
    return (
        (tile_lat(y1 + 1, z), tile_lon(x0, z)),
        (tile_lat(y0, z), tile_lon(x1 + 1, z)),
    )


def tile_range(zoom: int) -> tuple[int, int, int, int]:
    """Return the inclusive (x0, y0, x1, y1) tile range rendered at `zoom`."""
    if zoom <= WORLD_MAX_ZOOM:
        n = 2**zoom - 1
        return (0, 0, n, n)
    f = 2 ** (zoom - REGION_MIN_ZOOM)
    x0, y0, x1, y1 = REGION_TILES_Z5
    return (x0 * f, y0 * f, (x1 + 1) * f - 1, (y1 + 1) * f - 1)


def build_tile_layers(attribution: str = "") -> list[folium.TileLayer]:
    """Return the two basemap layers: the world (z0-4) and the region (z5-7).

    `attribution` (the data layers' credits) is appended to the basemap's.

    The world layer is upscaled beyond zoom 4, so panning outside the region
    never requests a missing tile; the region layer only asks for tiles inside
    its footprint (Leaflet's ``bounds`` option, shrunk by a hair).
    """
    (south, west), (north, east) = region_bounds()
    eps = 1e-6
    attr = " | ".join(part for part in (ATTRIBUTION, attribution) if part)
    world = folium.TileLayer(
        tiles=TILE_URL,
        attr=attr,
        name="Basemap (world)",
        max_native_zoom=WORLD_MAX_ZOOM,
        max_zoom=12,
        overlay=False,
        control=False,
    )
    region = folium.TileLayer(
        tiles=TILE_URL,
        attr=attr,
        name="Basemap (region)",
        min_zoom=REGION_MIN_ZOOM,
        min_native_zoom=REGION_MIN_ZOOM,
        max_native_zoom=REGION_MAX_ZOOM,
        max_zoom=12,
        bounds=[[south + eps, west + eps], [north - eps, east - eps]],
        overlay=True,
        control=False,
    )
    return [world, region]
