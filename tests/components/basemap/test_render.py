"""Rasterising: projection, fills, holes, borders and labels across tile edges."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import geopandas as gpd
from shapely.geometry import LineString, Polygon, box

from components.basemap import render as tr


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
