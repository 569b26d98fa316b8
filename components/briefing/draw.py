"""Draw one shapely geometry on a matplotlib Axes (no pyplot) in a Leaflet style."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from matplotlib.path import Path

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

#: Leaflet sizes are CSS pixels; matplotlib's are points (1 px = 0.75 pt).
PX = 0.75


def polygon_path(geom: BaseGeometry) -> Path | None:
    """Return one compound path of every ring of a (Multi)Polygon, or None.

    Holes are wound against their exterior: matplotlib fills by the non-zero rule,
    so a hole wound like its exterior would be filled.
    """
    parts = shapely.get_parts(geom)
    polys = [orient(g) for g in parts if g.geom_type == "Polygon"]
    rings = [r for p in polys for r in (p.exterior, *p.interiors) if not r.is_empty]
    if not rings:
        return None
    return Path.make_compound_path(*(Path(np.asarray(r.coords)[:, :2]) for r in rings))


def line_segments(geom: BaseGeometry) -> list[np.ndarray]:
    """Return the vertex arrays of every LineString part (polygons as boundaries)."""
    parts: list[np.ndarray] = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "LineString":
            parts.append(np.asarray(part.coords)[:, :2])
        elif part.geom_type == "Polygon":
            parts.extend(line_segments(part.boundary))
        elif part.geom_type.startswith("Multi"):
            parts.extend(line_segments(part))
    return parts


def convert_dashes(
    dash_array: str | None, weight: float
) -> str | tuple[float, tuple[float, ...]]:
    """Convert a Leaflet ``dashArray`` (px) to a matplotlib dash pattern."""
    if not dash_array:
        return "solid"
    lengths = tuple(
        float(v) / max(weight, 0.1) for v in dash_array.replace(",", " ").split()
    )
    return (0.0, lengths)


def draw_geometry(
    ax: Axes, geom: BaseGeometry, style: Mapping[str, Any], *, gid: str, zorder: float
) -> Artist | None:
    """Draw a geometry with Leaflet path options (``color``, ``fillColor`` ...).

    Polygons get fill and outline, lines a stroke, points a circle of ``radius`` px.
    The artist carries ``gid`` (an ``id`` in SVG output).
    """
    weight = float(style.get("weight", 1.0))
    edge = to_rgba(style.get("color", "#333333"), float(style.get("opacity", 1.0)))
    dashes = convert_dashes(style.get("dashArray"), weight)
    kind = geom.geom_type
    artist: Artist | None = None
    if kind in {"Polygon", "MultiPolygon"}:
        artist = _polygon_artist(geom, style, edge, weight * PX, dashes)
        if artist is not None:
            ax.add_collection(artist)
    elif kind in {"LineString", "MultiLineString", "LinearRing"}:
        artist = LineCollection(
            line_segments(geom),
            colors=[edge],
            linewidths=weight * PX,
            linestyles=dashes,
        )
        ax.add_collection(artist)
    elif not geom.is_empty:
        point = geom if kind == "Point" else geom.representative_point()
        face = to_rgba(
            style.get("fillColor", edge), float(style.get("fillOpacity", 0.9))
        )
        size = (2 * float(style.get("radius", 4)) * PX) ** 2
        artist = ax.scatter(
            [point.x],
            [point.y],
            s=[size],
            c=[face],
            edgecolors=[edge],
            linewidths=weight * PX,
        )
    if artist is not None:
        artist.set_gid(gid)
        artist.set_zorder(zorder)
    return artist


def _polygon_artist(
    geom: BaseGeometry,
    style: Mapping[str, Any],
    edge: tuple[float, float, float, float],
    width: float,
    dashes: Any,
) -> PatchCollection | None:
    path = polygon_path(geom)
    if path is None:
        return None
    face = to_rgba(style.get("fillColor", edge), float(style.get("fillOpacity", 0.2)))
    return PatchCollection(
        [PathPatch(path)],
        facecolors=[face],
        edgecolors=[edge],
        linewidths=width,
        linestyles=dashes,
    )
