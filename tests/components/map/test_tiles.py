"""Basemap tile layers and the committed tile set."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from components.map import tiles as basemap

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
#: Torkham crossing (geo/data/places.geojson) and its tiles at zoom 9 and 10.
TORKHAM = (71.0833, 34.1)
TORKHAM_TILES = ((9, 357, 204), (10, 714, 408))
#: Label ink of a crossing and a pass (components/basemap/gazetteer.py).
CROSSING_TEXT = (120, 30, 20)
PASS_TEXT = (90, 62, 20)


def test_tile_range_world_region_then_detail() -> None:
    assert basemap.tile_range(0) == (0, 0, 0, 0)
    assert basemap.tile_range(4) == (0, 0, 15, 15)
    assert basemap.tile_range(5) == (19, 11, 23, 14)
    assert basemap.tile_range(7) == (76, 44, 95, 59)
    assert basemap.tile_range(8) == (170, 96, 183, 110)
    assert basemap.tile_range(10) == (680, 384, 735, 443)


def test_region_bounds_cover_the_region() -> None:
    (south, west), (north, east) = basemap.region_bounds()
    assert west <= 44
    assert east >= 82
    assert south <= 20
    assert north >= 46
    assert west == pytest.approx(33.75)
    assert east == pytest.approx(90.0)


def test_detail_bounds_cover_afghanistan_pakistan_and_the_karakoram() -> None:
    (south, west), (north, east) = basemap.detail_bounds()
    assert west <= 60.5  # Afghanistan's west
    assert east >= 78.0  # the Karakoram's east
    assert south <= 23.6  # Pakistan's south
    assert north >= 40.0  # Tajik Badakhshan, Kashgar
    (rs, rw), (rn, re) = basemap.region_bounds()
    assert rs < south < north < rn
    assert rw < west < east < re


def test_tile_lat_lon_corners() -> None:
    assert basemap.tile_lon(0, 0) == -180.0
    assert basemap.tile_lat(0, 0) == pytest.approx(85.0511, abs=1e-4)
    assert basemap.tile_lat(1, 1) == pytest.approx(0.0, abs=1e-9)


def test_tile_layers_are_local_and_bounded() -> None:
    world, region, detail = basemap.build_tile_layers()
    assert world.tiles == region.tiles == detail.tiles == basemap.TILE_URL
    assert not basemap.TILE_URL.startswith(("http", "//"))
    assert world.options["max_native_zoom"] == basemap.WORLD_MAX_ZOOM
    assert region.options["min_zoom"] == basemap.REGION_MIN_ZOOM
    assert region.options["max_native_zoom"] == basemap.REGION_MAX_ZOOM
    assert detail.options["min_native_zoom"] == basemap.DETAIL_MIN_ZOOM
    assert detail.options["max_native_zoom"] == basemap.DETAIL_MAX_ZOOM
    for layer, bounds in (
        (region, basemap.region_bounds()),
        (detail, basemap.detail_bounds()),
    ):
        (south, west), (north, east) = layer.options["bounds"]
        (s0, w0), (n0, e0) = bounds
        assert s0 < south < north < n0
        assert w0 < west < east < e0
    assert not any(layer.control for layer in (world, region, detail))


def test_committed_tile_set_is_complete() -> None:
    missing = []
    for zoom in range(basemap.DETAIL_MAX_ZOOM + 1):
        x0, y0, x1, y1 = basemap.tile_range(zoom)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                path = basemap.TILE_DIR / str(zoom) / str(x) / f"{y}.png"
                if not path.is_file():
                    missing.append(path)
    assert missing == []


def test_committed_tile_set_is_small() -> None:
    # Zooms 8-10 over Afghanistan and Pakistan (about 4,400 tiles with relief and
    # labels) raised the set from 2.5 MB; 60 MB keeps the clone reasonable.
    total = sum(p.stat().st_size for p in basemap.TILE_DIR.rglob("*.png"))
    assert total < 60_000_000
    assert (basemap.TILE_DIR / "README.md").is_file()


def _pixel_of(lon: float, lat: float, zoom: int) -> tuple[int, int, int, int]:
    x = (lon + 180.0) / 360.0 * 256 * 2**zoom
    rad = np.radians(lat)
    y = (1.0 - np.arcsinh(np.tan(rad)) / np.pi) / 2.0 * 256 * 2**zoom
    return int(x // 256), int(y // 256), int(x % 256), int(y % 256)


def _strip(zoom: int, tx: int, ty: int) -> Image.Image:
    """Join the tile and its west and east neighbours (a label may span them)."""
    strip = Image.new("RGB", (3 * 256, 256))
    for i in range(3):
        path = basemap.TILE_DIR / str(zoom) / str(tx - 1 + i) / f"{ty}.png"
        strip.paste(Image.open(path).convert("RGB"), (i * 256, 0))
    return strip


@pytest.mark.parametrize(("zoom", "tx", "ty"), TORKHAM_TILES)
def test_torkham_is_labelled_at_native_zoom(zoom: int, tx: int, ty: int) -> None:
    assert _pixel_of(*TORKHAM, zoom)[:2] == (tx, ty)
    tile = np.asarray(
        Image.open(basemap.TILE_DIR / str(zoom) / str(tx) / f"{ty}.png").convert("RGB")
    )
    label_ink = np.all(tile == CROSSING_TEXT, axis=-1) | np.all(
        tile == PASS_TEXT, axis=-1
    )
    assert label_ink.sum() > 40  # Torkham's and the Khyber Pass's names
    strip = _strip(zoom, tx, ty)
    rows, cols = np.nonzero(np.all(np.asarray(strip) == CROSSING_TEXT, axis=-1))
    _, _, px, py = _pixel_of(*TORKHAM, zoom)
    px += 256  # the tile is the middle of the strip
    assert len(rows) > 80  # the whole word "Torkham", drawn at this zoom
    assert np.abs(rows - py).max() < 12  # on the crossing's line of text
    assert np.abs(cols - px).min() < 15  # beside its marker
    ARTIFACTS.mkdir(exist_ok=True)
    strip.crop((128, 0, 640, 256)).resize((1024, 512), Image.Resampling.NEAREST).save(
        ARTIFACTS / f"tile-torkham-z{zoom}.png"
    )
