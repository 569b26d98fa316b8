"""Rasterise country polygons and labels into Web Mercator PNG tiles (build time)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

import geopandas as gpd
import shapely

TILE = 256
#: Supersampling factor: draw at 2x, then downsample for anti-aliased edges.
SUPERSAMPLE = 2
MAX_LAT = 85.05112878

SEA = (199, 219, 232)
LAND = (246, 243, 235)
LAND_MUTED = (229, 229, 226)
COAST = (150, 180, 200)
BORDER = (150, 150, 150)
BORDER_REGION = (110, 110, 110)
HALO = (255, 255, 255)


@dataclass(frozen=True)
class Label:
    """A text label placed at a global pixel position of one zoom level."""

    text: str
    x: float
    y: float
    size: int
    fill: tuple[int, int, int]
    bold: bool = False
    dot: bool = False


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


def build_scene(
    countries: gpd.GeoDataFrame,
    borders: gpd.GeoDataFrame,
    labels: Sequence[Label],
    zoom: int,
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
    """
    polys = shapely.transform(
        countries.geometry.values, lambda c: project_lonlat(c, zoom)
    )
    polys = shapely.simplify(polys, 0.3)
    lines = shapely.transform(
        borders.geometry.values, lambda c: project_lonlat(c, zoom)
    )
    lines = shapely.simplify(lines, 0.3)
    return ZoomScene(
        zoom=zoom,
        polygons=np.asarray(polys, dtype=object),
        region=countries["region"].to_numpy(dtype=bool),
        borders=np.asarray(lines, dtype=object),
        border_region=borders["region"].to_numpy(dtype=bool),
        labels=tuple(labels),
        polygon_tree=shapely.STRtree(polys),
        border_tree=shapely.STRtree(lines),
    )


def _rings(geom: shapely.Geometry) -> list[shapely.Polygon]:
    parts = shapely.get_parts(geom)
    return [p for p in parts if isinstance(p, shapely.Polygon) and not p.is_empty]


def _xy(coords: NDArray[np.float64], x0: float, y0: float) -> list[tuple[float, float]]:
    s = SUPERSAMPLE
    return [((cx - x0) * s, (cy - y0) * s) for cx, cy in coords]


def _fill_polygon(
    img: Image.Image,
    poly: shapely.Polygon,
    x0: float,
    y0: float,
    colour: tuple[int, ...],
) -> None:
    exterior = _xy(np.asarray(poly.exterior.coords), x0, y0)
    if len(exterior) < 3:
        return
    if not poly.interiors:
        ImageDraw.Draw(img).polygon(exterior, fill=colour)
        return
    mask = Image.new("L", img.size, 0)
    draw = ImageDraw.Draw(mask)
    draw.polygon(exterior, fill=255)
    for ring in poly.interiors:
        draw.polygon(_xy(np.asarray(ring.coords), x0, y0), fill=0)
    img.paste(colour, (0, 0), mask)


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    geom: shapely.Geometry,
    x0: float,
    y0: float,
    colour: tuple[int, ...],
    width: int,
) -> None:
    for part in shapely.get_parts(geom):
        if isinstance(part, shapely.Polygon):
            rings = [part.exterior, *part.interiors]
        elif isinstance(part, shapely.LineString | shapely.LinearRing):
            rings = [part]
        else:
            continue
        for ring in rings:
            pts = _xy(np.asarray(ring.coords), x0, y0)
            if len(pts) >= 2:
                draw.line(pts, fill=colour, width=width, joint="curve")


@lru_cache(maxsize=32)
def load_font(
    size: int, bold: bool, scale: int = SUPERSAMPLE
) -> ImageFont.FreeTypeFont:
    """Return DejaVu Sans (shipped with matplotlib) at `size` px times `scale`."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    return ImageFont.truetype(
        str(path), size * scale, layout_engine=ImageFont.Layout.BASIC
    )


def _draw_labels(
    img: Image.Image, labels: Sequence[Label], x0: float, y0: float
) -> None:
    draw = ImageDraw.Draw(img)
    s = SUPERSAMPLE
    reach = 200.0
    for label in labels:
        if not (x0 - reach < label.x < x0 + TILE + reach):
            continue
        if not (y0 - reach / 4 < label.y < y0 + TILE + reach / 4):
            continue
        lx, ly = (label.x - x0) * s, (label.y - y0) * s
        font = load_font(label.size, label.bold)
        if label.dot:
            r = 2.5 * s
            draw.ellipse(
                (lx - r, ly - r, lx + r, ly + r), fill=(60, 60, 60), outline=HALO
            )
            lx += 5 * s
        draw.text(
            (lx, ly),
            label.text,
            font=font,
            fill=label.fill,
            anchor="lm" if label.dot else "mm",
            stroke_width=2 * s,
            stroke_fill=HALO,
        )


def render_tile(scene: ZoomScene, x: int, y: int) -> Image.Image:
    """Render tile (`x`, `y`) of `scene` as a 256 x 256 RGB image."""
    x0, y0 = x * TILE, y * TILE
    margin = 8.0
    size = TILE * SUPERSAMPLE
    img = Image.new("RGB", (size, size), SEA)
    window = shapely.box(
        x0 - margin, y0 - margin, x0 + TILE + margin, y0 + TILE + margin
    )
    hits = np.sort(scene.polygon_tree.query(window, predicate="intersects"))
    clipped = shapely.clip_by_rect(scene.polygons[hits], *window.bounds)
    for geom, in_region in zip(clipped, scene.region[hits], strict=True):
        colour = LAND if in_region else LAND_MUTED
        for poly in _rings(geom):
            _fill_polygon(img, poly, x0, y0, colour)
    draw = ImageDraw.Draw(img)
    for geom in clipped:
        _draw_lines(draw, geom, x0, y0, COAST, SUPERSAMPLE)
    line_hits = np.sort(scene.border_tree.query(window, predicate="intersects"))
    lines = shapely.clip_by_rect(scene.borders[line_hits], *window.bounds)
    for geom, in_region in zip(lines, scene.border_region[line_hits], strict=True):
        colour = BORDER_REGION if in_region else BORDER
        width = 3 if in_region else 2
        _draw_lines(draw, geom, x0, y0, colour, width * SUPERSAMPLE // 2)
    _draw_labels(img, scene.labels, x0, y0)
    return img.resize((TILE, TILE), Image.Resampling.LANCZOS)


def encode_png(img: Image.Image, colours: int = 64) -> bytes:
    """Encode `img` as a small palette PNG."""
    pal = img.quantize(
        colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    buf = io.BytesIO()
    pal.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
