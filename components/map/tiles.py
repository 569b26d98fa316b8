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
#: Zoom-5 tile columns and rows that cover 44-82 E, 20-46 N; zooms 6-7 nest in them.
REGION_TILES_Z5 = (19, 11, 23, 14)
DETAIL_MIN_ZOOM = 8
DETAIL_MAX_ZOOM = 10
#: Zoom-8 tile columns and rows that cover 60-78 E, 23.5-40 N (Afghanistan, Pakistan,
#: Tajik Badakhshan, the Karakoram); zooms 9-10 nest in them.
DETAIL_TILES_Z8 = (170, 96, 183, 110)
#: Highest zoom the map offers; tiles beyond their native zoom are upscaled.
LAYER_MAX_ZOOM = 12
ATTRIBUTION = (
    "Basemap: Natural Earth (public domain), GSHHG rivers (LGPL), "
    "shaded relief (public domain), GeoNames (CC BY 4.0)"
)


def tile_lon(x: int, zoom: int) -> float:
    """Return the west longitude of tile column `x` at `zoom`."""
    return x / (1 << zoom) * 360.0 - 180.0


def tile_lat(y: int, zoom: int) -> float:
    """Return the north latitude of tile row `y` at `zoom`."""
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / (1 << zoom)))))


def _bounds(
    tiles: tuple[int, int, int, int], zoom: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    x0, y0, x1, y1 = tiles
    return (
        (tile_lat(y1 + 1, zoom), tile_lon(x0, zoom)),
        (tile_lat(y0, zoom), tile_lon(x1 + 1, zoom)),
    )


def region_bounds() -> tuple[tuple[float, float], tuple[float, float]]:
    """Return ((south, west), (north, east)) of the zoom 5-7 tile footprint."""
    return _bounds(REGION_TILES_Z5, REGION_MIN_ZOOM)


def detail_bounds() -> tuple[tuple[float, float], tuple[float, float]]:
    """Return ((south, west), (north, east)) of the zoom 8-10 tile footprint."""
    return _bounds(DETAIL_TILES_Z8, DETAIL_MIN_ZOOM)


def tile_range(zoom: int) -> tuple[int, int, int, int]:
    """Return the inclusive (x0, y0, x1, y1) tile range rendered at `zoom`."""
    if zoom <= WORLD_MAX_ZOOM:
        n = 2**zoom - 1
        return (0, 0, n, n)
    if zoom <= REGION_MAX_ZOOM:
        base, tiles = REGION_MIN_ZOOM, REGION_TILES_Z5
    else:
        base, tiles = DETAIL_MIN_ZOOM, DETAIL_TILES_Z8
    f = 2 ** (zoom - base)
    x0, y0, x1, y1 = tiles
    return (x0 * f, y0 * f, (x1 + 1) * f - 1, (y1 + 1) * f - 1)


def _bounded_layer(
    name: str,
    attr: str,
    zooms: tuple[int, int],
    bounds: tuple[tuple[float, float], tuple[float, float]],
) -> folium.TileLayer:
    """Return a layer that only asks for tiles inside `bounds` (shrunk by a hair)."""
    (south, west), (north, east) = bounds
    eps = 1e-6
    return folium.TileLayer(
        tiles=TILE_URL,
        attr=attr,
        name=name,
        min_zoom=zooms[0],
        min_native_zoom=zooms[0],
        max_native_zoom=zooms[1],
        max_zoom=LAYER_MAX_ZOOM,
        bounds=[[south + eps, west + eps], [north - eps, east - eps]],
        overlay=True,
        control=False,
    )


def build_tile_layers(attribution: str = "") -> list[folium.TileLayer]:
    """Return the three basemap layers: world (z0-4), region (z5-7), detail (z8-10).

    `attribution` (the data layers' credits) is appended to the basemap's.

    The world layer is upscaled beyond zoom 4, so panning outside the region
    never requests a missing tile; the region and detail layers only ask for
    tiles inside their footprints (Leaflet's ``bounds`` option) and are upscaled
    beyond their top zoom.
    """
    attr = " | ".join(part for part in (ATTRIBUTION, attribution) if part)
    world = folium.TileLayer(
        tiles=TILE_URL,
        attr=attr,
        name="Basemap (world)",
        max_native_zoom=WORLD_MAX_ZOOM,
        max_zoom=LAYER_MAX_ZOOM,
        overlay=False,
        control=False,
    )
    region = _bounded_layer(
        "Basemap (region)",
        attr,
        (REGION_MIN_ZOOM, REGION_MAX_ZOOM),
        region_bounds(),
    )
    detail = _bounded_layer(
        "Basemap (detail)",
        attr,
        (DETAIL_MIN_ZOOM, DETAIL_MAX_ZOOM),
        detail_bounds(),
    )
    return [world, region, detail]
