"""Rasterise countries, overlays and labels into Web Mercator PNG tiles (build time)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

import geopandas as gpd
import shapely

from components.basemap.draw import (
    DOT,
    HALO,
    MARKERS,
    SUPERSAMPLE,
    Label,
    draw_labels,
    draw_lines,
    fill_polygon,
    polygons_of,
)
from components.basemap.gazetteer import CROSSING_TEXT, PASS_TEXT, WATER_TEXT
from components.basemap.labels import CITY, DARK, MUTED
from components.basemap.mercator import (
    TILE,
    project_geoms,
    project_lonlat,
    project_point,
)
from components.basemap.overlays import (
    CASING,
    RIVER,
    ROAD,
    LineSet,
    Overlays,
    build_lakes,
    build_line_sets,
)
from components.basemap.relief import RELIEF_ALPHA, Relief, sample_relief

__all__ = [
    "TILE",
    "Label",
    "ZoomScene",
    "build_scene",
    "encode_png",
    "project_lonlat",
    "project_point",
    "render_tile",
]

SEA = (199, 219, 232)
LAND = (246, 243, 235)
LAND_MUTED = (229, 229, 226)
COAST = (150, 180, 200)
BORDER = (150, 150, 150)
BORDER_REGION = (110, 110, 110)
_EMPTY = np.empty(0, dtype=object)
#: Colours kept exactly in every tile's palette (lines, text, markers); the rest of
#: the palette is a median cut of the tile (land, relief, anti-aliased edges).
KEY_COLOURS: tuple[tuple[int, int, int], ...] = (
    SEA,
    LAND,
    LAND_MUTED,
    COAST,
    BORDER,
    BORDER_REGION,
    RIVER,
    ROAD,
    HALO,
    DOT,
    DARK,
    MUTED,
    CITY,
    CROSSING_TEXT,
    PASS_TEXT,
    WATER_TEXT,
    *MARKERS.values(),
)


@dataclass(frozen=True)
class ZoomScene:
    """Everything drawn at one zoom, in global pixel coordinates of that zoom."""

    zoom: int
    polygons: NDArray[np.object_]
    region: NDArray[np.bool_]
    borders: NDArray[np.object_]
    border_region: NDArray[np.bool_]
    labels: tuple[Label, ...]
    polygon_tree: shapely.STRtree
    border_tree: shapely.STRtree
    lakes: NDArray[np.object_] = field(default_factory=lambda: _EMPTY)
    lines: tuple[LineSet, ...] = ()
    relief: Relief | None = None


def build_scene(
    countries: gpd.GeoDataFrame,
    borders: gpd.GeoDataFrame,
    labels: Sequence[Label],
    zoom: int,
    overlays: Overlays | None = None,
) -> ZoomScene:
    """Project and simplify the layers for `zoom`.

    Parameters
    ----------
    countries : GeoDataFrame
        EPSG:4326 polygons with a boolean ``region`` column (False = muted).
    borders : GeoDataFrame
        EPSG:4326 land borders (lines) with a boolean ``region`` column.
    labels : sequence of Label
        Labels already placed in global pixels of `zoom`.
    zoom : int
        Web Mercator zoom level.
    overlays : Overlays or None
        Lakes, rivers, roads and relief (drawn from zoom 5 on).
    """
    polys = project_geoms(countries.geometry.values, zoom)
    lines = project_geoms(borders.geometry.values, zoom)
    drawn = overlays is not None and zoom in RELIEF_ALPHA
    return ZoomScene(
        zoom=zoom,
        polygons=polys,
        region=countries["region"].to_numpy(dtype=bool),
        borders=lines,
        border_region=borders["region"].to_numpy(dtype=bool),
        labels=tuple(labels),
        polygon_tree=shapely.STRtree(polys),
        border_tree=shapely.STRtree(lines),
        lakes=build_lakes(overlays, zoom),
        lines=build_line_sets(overlays, zoom) if overlays is not None else (),
        relief=overlays.relief if drawn and overlays is not None else None,
    )


def _blend_relief(
    img: Image.Image, scene: ZoomScene, x0: float, y0: float
) -> Image.Image:
    """Blend the relief into every land pixel (sea keeps its flat colour)."""
    if scene.relief is None:
        return img
    shade = sample_relief(scene.relief, x0, y0, scene.zoom, TILE, 1)
    big = Image.fromarray(shade.astype(np.uint8)).resize(
        img.size, Image.Resampling.BILINEAR
    )
    arr = np.asarray(img, dtype=np.float32)
    land = np.any(arr != np.array(SEA, dtype=np.float32), axis=-1)
    alpha = RELIEF_ALPHA[scene.zoom]
    mixed = arr * (1 - alpha) + np.asarray(big, dtype=np.float32) * alpha
    arr[land] = mixed[land]
    return Image.fromarray(arr.round().astype(np.uint8))


def _draw_line_sets(
    draw: ImageDraw.ImageDraw,
    scene: ZoomScene,
    window: shapely.Geometry,
    x0: float,
    y0: float,
) -> None:
    for line_set in scene.lines:
        hits = np.sort(line_set.tree.query(window, predicate="intersects"))
        if not len(hits):
            continue
        clipped = shapely.clip_by_rect(line_set.geoms[hits], *window.bounds)
        style = line_set.style
        width = max(1, round(style.width * SUPERSAMPLE))
        if style.casing:
            for geom in clipped:
                draw_lines(draw, geom, x0, y0, CASING, width + 2 * SUPERSAMPLE)
        for geom in clipped:
            draw_lines(draw, geom, x0, y0, style.colour, width)


def _fill_land(
    img: Image.Image, scene: ZoomScene, window: shapely.Geometry, x0: float, y0: float
) -> NDArray[np.object_]:
    hits = np.sort(scene.polygon_tree.query(window, predicate="intersects"))
    clipped = shapely.clip_by_rect(scene.polygons[hits], *window.bounds)
    for geom, in_region in zip(clipped, scene.region[hits], strict=True):
        colour = LAND if in_region else LAND_MUTED
        for poly in polygons_of(geom):
            fill_polygon(img, poly, x0, y0, colour)
    return np.asarray(clipped, dtype=object)


def _fill_lakes(
    img: Image.Image, scene: ZoomScene, window: shapely.Geometry, x0: float, y0: float
) -> None:
    if not len(scene.lakes):
        return
    lakes = shapely.clip_by_rect(scene.lakes, *window.bounds)
    draw = ImageDraw.Draw(img)
    for geom in lakes:
        for poly in polygons_of(geom):
            fill_polygon(img, poly, x0, y0, SEA)
            draw_lines(draw, poly, x0, y0, COAST, SUPERSAMPLE)


def render_tile(scene: ZoomScene, x: int, y: int) -> Image.Image:
    """Render tile (`x`, `y`) of `scene` as a 256 x 256 RGB image."""
    x0, y0 = x * TILE, y * TILE
    margin = 8.0
    size = TILE * SUPERSAMPLE
    img = Image.new("RGB", (size, size), SEA)
    window = shapely.box(
        x0 - margin, y0 - margin, x0 + TILE + margin, y0 + TILE + margin
    )
    clipped = _fill_land(img, scene, window, x0, y0)
    img = _blend_relief(img, scene, x0, y0)
    _fill_lakes(img, scene, window, x0, y0)
    draw = ImageDraw.Draw(img)
    for geom in clipped:
        draw_lines(draw, geom, x0, y0, COAST, SUPERSAMPLE)
    _draw_line_sets(draw, scene, window, x0, y0)
    line_hits = np.sort(scene.border_tree.query(window, predicate="intersects"))
    lines = shapely.clip_by_rect(scene.borders[line_hits], *window.bounds)
    for geom, in_region in zip(lines, scene.border_region[line_hits], strict=True):
        colour = BORDER_REGION if in_region else BORDER
        width = 3 if in_region else 2
        draw_lines(draw, geom, x0, y0, colour, width * SUPERSAMPLE // 2)
    draw_labels(img, scene.labels, x0, y0)
    return img.resize((TILE, TILE), Image.Resampling.LANCZOS)


def encode_png(
    img: Image.Image,
    colours: int = 64,
    keep: Sequence[tuple[int, int, int]] = KEY_COLOURS,
) -> bytes:
    """Encode `img` as a small palette PNG of at most `colours` colours.

    The `keep` colours are always in the palette, so thin lines and text keep
    their exact colour; the others come from a median cut of the image.
    """
    unique = list(dict.fromkeys(keep))
    cut = img.quantize(
        colors=max(1, colours - len(unique)),
        method=Image.Quantize.MEDIANCUT,
        dither=Image.Dither.NONE,
    )
    used = len(cut.getcolors() or [])
    palette = [
        *(cut.getpalette() or [])[: 3 * used],
        *(c for rgb in unique for c in rgb),
    ]
    holder = Image.new("P", (1, 1))
    holder.putpalette(palette)
    pal = img.quantize(palette=holder, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    pal.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
