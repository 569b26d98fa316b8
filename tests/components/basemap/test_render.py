"""Rasterising: projection, fills, holes, borders and labels across tile edges."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

import geopandas as gpd
from shapely.geometry import LineString, Polygon, box

from components.basemap import render as tr
from components.basemap.overlays import RIVER, ROAD, Overlays
from components.basemap.relief import Relief


def _scene(labels: tuple[tr.Label, ...] = ()) -> tr.ZoomScene:
    ring = box(-10, -10, 10, 10)
    holed = Polygon(ring.exterior.coords, [box(-5, -5, 5, 5).exterior.coords])
    countries = gpd.GeoDataFrame(
        {"region": [True, False]},
        geometry=[holed, box(10, -10, 30, 10)],
        crs="EPSG:4326",
    )
    borders = gpd.GeoDataFrame(
        {"region": [True]},
        geometry=[LineString([(10, -10), (10, 10)])],
        crs="EPSG:4326",
    )
    return tr.build_scene(countries, borders, labels, 2)


def test_project_lonlat_web_mercator() -> None:
    xy = tr.project_lonlat(np.array([[-180.0, 85.0511287798], [0.0, 0.0]]), 0)
    assert xy[0] == pytest.approx([0.0, 0.0], abs=1e-6)
    assert xy[1] == pytest.approx([128.0, 128.0])


def test_project_lonlat_clips_poles() -> None:
    ((_, y_pole),) = tr.project_lonlat(np.array([[0.0, 90.0]]), 0)
    assert y_pole == pytest.approx(0.0, abs=1e-6)


def _pixel(scene: tr.ZoomScene, lon: float, lat: float) -> tuple[int, ...]:
    x, y = tr.project_point(lon, lat, scene.zoom)
    tx, ty = int(x // 256), int(y // 256)
    img = tr.render_tile(scene, tx, ty).convert("RGB")
    return img.getpixel((int(x) - tx * 256, int(y) - ty * 256))


def test_render_tile_fills_land_hole_and_sea() -> None:
    scene = _scene()
    assert _pixel(scene, -8.0, 3.0) == tr.LAND
    assert _pixel(scene, 0.0, 3.0) == tr.SEA
    assert _pixel(scene, 20.0, 3.0) == tr.LAND_MUTED
    assert _pixel(scene, 0.0, 40.0) == tr.SEA


def test_label_continues_across_tile_edge() -> None:
    x, y = tr.project_point(0.0, 30.0, 2)
    assert x == 512.0
    label = tr.Label("Across the edge", x, y, 12, (0, 0, 0))
    ty = int(y // 256)
    plain_left = tr.render_tile(_scene(), 1, ty).convert("RGB")
    plain_right = tr.render_tile(_scene(), 2, ty).convert("RGB")
    left = tr.render_tile(_scene((label,)), 1, ty).convert("RGB")
    right = tr.render_tile(_scene((label,)), 2, ty).convert("RGB")
    assert left.tobytes() != plain_left.tobytes()
    assert right.tobytes() != plain_right.tobytes()


def test_encode_png_is_small_palette_png() -> None:
    data = tr.encode_png(tr.render_tile(_scene(), 2, 1))
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG"
    assert img.mode == "P"
    assert len(data) < 20_000


def test_encode_png_keeps_line_and_text_colours_exactly() -> None:
    img = tr.render_tile(_scene(), 2, 1)
    draw = ImageDraw.Draw(img)
    draw.line([(0, 10), (255, 10)], fill=RIVER, width=2)
    draw.line([(0, 20), (255, 20)], fill=ROAD, width=2)
    decoded = Image.open(io.BytesIO(tr.encode_png(img))).convert("RGB")
    assert decoded.getpixel((100, 10)) == RIVER
    assert decoded.getpixel((100, 20)) == ROAD


def _overlay_scene(zoom: int) -> tr.ZoomScene:
    land = gpd.GeoDataFrame(
        {"region": [True]}, geometry=[box(60, 20, 80, 40)], crs="EPSG:4326"
    )
    none = gpd.GeoDataFrame({"region": []}, geometry=[], crs="EPSG:4326")
    relief = Relief(
        np.full((20, 40, 3), 90.0, dtype=np.float32), (55.0, 15.0, 85.0, 45.0)
    )
    overlays = Overlays(
        lakes=gpd.GeoDataFrame(geometry=[box(70, 30, 70.5, 30.5)], crs="EPSG:4326"),
        rivers=gpd.GeoDataFrame(
            {"level": [1]}, geometry=[LineString([(65, 25), (65, 35)])], crs="EPSG:4326"
        ),
        roads=gpd.GeoDataFrame(
            geometry=[LineString([(62, 32), (78, 32)])], crs="EPSG:4326"
        ),
        relief=relief,
    )
    return tr.build_scene(land, none, (), zoom, overlays)


def _at(scene: tr.ZoomScene, lon: float, lat: float) -> tuple[int, ...]:
    x, y = tr.project_point(lon, lat, scene.zoom)
    tile = tr.render_tile(scene, int(x // 256), int(y // 256))
    return tile.getpixel((int(x) % 256, int(y) % 256))


def _near(colour: tuple[int, ...], want: tuple[int, int, int]) -> bool:
    """Within anti-aliasing of `want` (thin lines blend with their neighbours)."""
    return sum(abs(a - b) for a, b in zip(colour, want, strict=True)) < 60


def test_overlays_relief_darkens_land_lakes_rivers_roads_drawn() -> None:
    scene = _overlay_scene(9)
    land = _at(scene, 75.0, 25.0)
    assert sum(land) < sum(tr.LAND)  # relief blended in
    assert _at(scene, 70.25, 30.25) == tr.SEA  # lake
    assert _near(_at(scene, 65.0, 28.0), RIVER)
    assert _near(_at(scene, 70.0, 32.0), ROAD)


def test_no_overlays_on_world_zooms() -> None:
    scene = _overlay_scene(4)
    assert scene.relief is None
    assert scene.lines == ()
    assert _at(scene, 75.0, 25.0) == tr.LAND
