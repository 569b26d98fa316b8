"""Physical and route overlays of the region: lakes, rivers, roads, relief, per zoom."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

import geopandas as gpd
import shapely

from components.basemap.mercator import project_geoms
from components.basemap.relief import Relief

RIVER = (92, 148, 204)
ROAD = (196, 78, 52)
CASING = (255, 255, 255)
#: Lowest zoom at which overlays are drawn (the world tiles, z0-4, stay plain).
MIN_ZOOM = 5
#: Main rivers (WDB-II classes 0-2: double-lined and permanent major rivers) by zoom.
_MAIN_RIVER_WIDTH = {5: 1.0, 6: 1.2, 7: 1.5, 8: 2.0, 9: 2.4, 10: 2.8}


@dataclass(frozen=True)
class Overlays:
    """EPSG:4326 layers drawn over the land from zoom `MIN_ZOOM` on.

    `rivers` has an integer ``level`` column (WDB-II class); `roads` lines are
    drawn all alike; `relief` is blended into the land colour.
    """

    lakes: gpd.GeoDataFrame
    rivers: gpd.GeoDataFrame
    roads: gpd.GeoDataFrame
    relief: Relief | None = None


@dataclass(frozen=True)
class LineStyle:
    """Colour and width (px at 1x) of a line set; an optional wider white casing."""

    colour: tuple[int, int, int]
    width: float
    casing: bool = False


@dataclass(frozen=True)
class LineSet:
    """Projected lines of one style at one zoom, with their spatial index."""

    geoms: NDArray[np.object_]
    tree: shapely.STRtree
    style: LineStyle


def river_style(level: int, zoom: int) -> LineStyle | None:
    """Style of a river of WDB-II class `level` at `zoom`; None hides it."""
    if zoom < MIN_ZOOM:
        return None
    if level in (0, 1, 2):
        return LineStyle(RIVER, _MAIN_RIVER_WIDTH.get(zoom, 2.8))
    if level == 3 and zoom >= 7:
        return LineStyle(RIVER, 0.8 if zoom == 7 else 1.2)
    if level in (4, 6) and zoom >= 9:
        return LineStyle(RIVER, 0.8 if zoom == 9 else 1.0)
    return None


def road_style(zoom: int) -> LineStyle | None:
    """Style of the main roads at `zoom` (from zoom 6); None hides them."""
    if zoom < 6:
        return None
    width = {6: 1.5, 7: 2.0, 8: 2.2, 9: 2.5}.get(zoom, 2.8)
    return LineStyle(ROAD, width, casing=zoom >= 8)


def _line_set(geoms: NDArray[np.object_], zoom: int, style: LineStyle) -> LineSet:
    projected = project_geoms(geoms, zoom)
    return LineSet(projected, shapely.STRtree(projected), style)


def build_line_sets(overlays: Overlays, zoom: int) -> tuple[LineSet, ...]:
    """Rivers (minor first) then roads, projected for `zoom`, in drawing order."""
    sets: list[LineSet] = []
    for level in (4, 6, 3, 2, 1, 0):
        style = river_style(level, zoom)
        picked = overlays.rivers[overlays.rivers["level"] == level]
        if style is not None and len(picked):
            sets.append(_line_set(picked.geometry.values, zoom, style))
    style = road_style(zoom)
    if style is not None and len(overlays.roads):
        sets.append(_line_set(overlays.roads.geometry.values, zoom, style))
    return tuple(sets)


def build_lakes(overlays: Overlays | None, zoom: int) -> NDArray[np.object_]:
    """Lake polygons projected for `zoom` (none below `MIN_ZOOM`)."""
    if overlays is None or zoom < MIN_ZOOM or not len(overlays.lakes):
        return np.empty(0, dtype=object)
    return project_geoms(overlays.lakes.geometry.values, zoom)
