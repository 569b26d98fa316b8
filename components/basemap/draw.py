"""Pillow drawing of basemap parts into a supersampled tile: fills, lines, labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

import shapely

from components.basemap.mercator import TILE

#: Supersampling factor: draw at 2x, then downsample for anti-aliased edges.
SUPERSAMPLE = 2
HALO = (255, 255, 255)
DOT = (60, 60, 60)
#: Marker fills per label marker, as the data layer draws those kinds.
MARKERS = {"dot": DOT, "crossing": (192, 57, 43), "pass": (123, 94, 42)}
#: Text offset right of each marker, in px.
MARKER_GAP = {"dot": 5.0, "crossing": 6.0, "pass": 7.0}
FONTS = {
    (False, False): "DejaVuSans",
    (True, False): "DejaVuSans-Bold",
    (False, True): "DejaVuSans-Oblique",
    (True, True): "DejaVuSans-BoldOblique",
}


@dataclass(frozen=True)
class Label:
    """A text label placed at a global pixel position of one zoom level.

    With `dot` the text starts right (`left`: ends left) of a marker (`marker`:
    ``dot``, ``crossing`` square or ``pass`` triangle) at the position; otherwise
    it is centred there.
    """

    text: str
    x: float
    y: float
    size: int
    fill: tuple[int, int, int]
    bold: bool = False
    dot: bool = False
    italic: bool = False
    marker: str = "dot"
    left: bool = False


def _xy(coords: NDArray[np.float64], x0: float, y0: float) -> list[tuple[float, float]]:
    s = SUPERSAMPLE
    return [((cx - x0) * s, (cy - y0) * s) for cx, cy in coords]


def polygons_of(geom: shapely.Geometry) -> list[shapely.Polygon]:
    """Return the non-empty polygons of a geometry (clipping may give collections)."""
    parts = shapely.get_parts(geom)
    return [p for p in parts if isinstance(p, shapely.Polygon) and not p.is_empty]


def fill_polygon(
    img: Image.Image,
    poly: shapely.Polygon,
    x0: float,
    y0: float,
    colour: tuple[int, ...],
) -> None:
    """Fill `poly` (global pixels) into `img`, whose origin is (`x0`, `y0`)."""
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


def draw_lines(
    draw: ImageDraw.ImageDraw,
    geom: shapely.Geometry,
    x0: float,
    y0: float,
    colour: tuple[int, ...],
    width: int,
) -> None:
    """Stroke the lines (or polygon rings) of `geom`, `width` in supersampled px."""
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


@lru_cache(maxsize=64)
def load_font(
    size: int, bold: bool, scale: int = SUPERSAMPLE, italic: bool = False
) -> ImageFont.FreeTypeFont:
    """Return DejaVu Sans (shipped with matplotlib) at `size` px times `scale`."""
    name = FONTS[(bold, italic)]
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{name}.ttf"
    return ImageFont.truetype(
        str(path), size * scale, layout_engine=ImageFont.Layout.BASIC
    )


def _draw_marker(draw: ImageDraw.ImageDraw, label: Label, lx: float, ly: float) -> None:
    s = SUPERSAMPLE
    fill = MARKERS.get(label.marker, DOT)
    if label.marker == "crossing":
        r = 3.0 * s
        draw.rectangle((lx - r, ly - r, lx + r, ly + r), fill=fill, outline=HALO)
    elif label.marker == "pass":
        r = 4.0 * s
        tri = [(lx, ly - r), (lx + r, ly + r * 0.75), (lx - r, ly + r * 0.75)]
        draw.polygon(tri, fill=fill, outline=HALO)
    else:
        r = 2.5 * s
        draw.ellipse((lx - r, ly - r, lx + r, ly + r), fill=fill, outline=HALO)


def draw_labels(
    img: Image.Image, labels: Sequence[Label], x0: float, y0: float
) -> None:
    """Draw the labels that reach the tile at (`x0`, `y0`), with a white halo."""
    draw = ImageDraw.Draw(img)
    s = SUPERSAMPLE
    reach = 200.0
    for label in labels:
        if not (x0 - reach < label.x < x0 + TILE + reach):
            continue
        if not (y0 - reach / 4 < label.y < y0 + TILE + reach / 4):
            continue
        lx, ly = (label.x - x0) * s, (label.y - y0) * s
        font = load_font(label.size, label.bold, SUPERSAMPLE, label.italic)
        anchor = "mm"
        if label.dot:
            _draw_marker(draw, label, lx, ly)
            gap = MARKER_GAP.get(label.marker, 5.0) * s
            lx, anchor = (lx - gap, "rm") if label.left else (lx + gap, "lm")
        draw.text(
            (lx, ly),
            label.text,
            font=font,
            fill=label.fill,
            anchor=anchor,
            stroke_width=2 * s,
            stroke_fill=HALO,
        )
