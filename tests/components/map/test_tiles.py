"""Basemap tile layers and the committed tile set."""

from __future__ import annotations

import pytest

from components.map import tiles as basemap


def test_tile_range_world_then_region() -> None:
    assert basemap.tile_range(0) == (0, 0, 0, 0)
    assert basemap.tile_range(4) == (0, 0, 15, 15)
    assert basemap.tile_range(5) == (19, 11, 23, 14)
    assert basemap.tile_range(7) == (76, 44, 95, 59)


def test_region_bounds_cover_the_region() -> None:
    (south, west), (north, east) = basemap.region_bounds()
    assert west <= 44
    assert east >= 82
    assert south <= 20
    assert north >= 46
    assert west == pytest.approx(33.75)
    assert east == pytest.approx(90.0)


def test_tile_lat_lon_corners() -> None:
    assert basemap.tile_lon(0, 0) == -180.0
    assert basemap.tile_lat(0, 0) == pytest.approx(85.0511, abs=1e-4)
    assert basemap.tile_lat(1, 1) == pytest.approx(0.0, abs=1e-9)


def test_tile_layers_are_local_and_bounded() -> None:
    world, region = basemap.build_tile_layers()
    assert world.tiles == region.tiles == basemap.TILE_URL
    assert not basemap.TILE_URL.startswith(("http", "//"))
    assert world.options["max_native_zoom"] == basemap.WORLD_MAX_ZOOM
    assert region.options["min_zoom"] == basemap.REGION_MIN_ZOOM
    (south, west), (north, east) = region.options["bounds"]
    (s0, w0), (n0, e0) = basemap.region_bounds()
    assert s0 < south < north < n0
    assert w0 < west < east < e0
    assert not world.control
    assert not region.control


def test_committed_tile_set_is_complete() -> None:
    missing = []
    for zoom in range(basemap.REGION_MAX_ZOOM + 1):
        x0, y0, x1, y1 = basemap.tile_range(zoom)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                path = basemap.TILE_DIR / str(zoom) / str(x) / f"{y}.png"
                if not path.is_file():
                    missing.append(path)
    assert missing == []


def test_committed_tile_set_is_small() -> None:
    total = sum(p.stat().st_size for p in basemap.TILE_DIR.rglob("*.png"))
    assert total < 15_000_000
    assert (basemap.TILE_DIR / "README.md").is_file()
