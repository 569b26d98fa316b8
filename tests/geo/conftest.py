"""Shared fixtures for geo tests: committed layers and tiny hand-made geometries."""

from __future__ import annotations

import pytest

import geopandas as gpd
from shapely.geometry import MultiPolygon, Polygon, box

from geo.io import read_layer

#: DESIGN.md stable feature ids plus the contract's crossings, passes and outsiders.
STABLE_IDS = [
    "afghanistan",
    "pakistan",
    "tajikistan",
    "china",
    "india",
    "iran",
    "uzbekistan",
    "turkmenistan",
    "kyrgyzstan",
    "wakhan-corridor",
    "durand-line",
    "badakhshan",
    "balochistan",
    "khyber-pakhtunkhwa",
    "gilgit-baltistan",
    "kabul",
    "islamabad",
    "beijing",
    "moscow",
    "dushanbe",
    "new-delhi",
    "tehran",
    "doha",
    "peshawar",
    "quetta",
    "gwadar",
    "kashgar",
    "cpec",
    "torkham",
    "chaman",
    "ghulam-khan",
    "angoor-adda",
    "khyber-pass",
    "khunjerab-pass",
    "wakhjir-pass",
    "baroghil-pass",
    "kilik-pass",
    "russia",
    "united-states",
    "uae",
    "sri-lanka",
    "bangladesh",
    "maldives",
    "bhutan",
    "laos",
    "israel",
    "crocus-city-hall",
    "ishkashim",
]


@pytest.fixture(scope="session")
def layers() -> dict[str, gpd.GeoDataFrame]:
    """Every committed layer, read once per session."""
    from geo.catalog import LAYERS

    return {spec.id: read_layer(spec.id) for spec in LAYERS}


@pytest.fixture(scope="session")
def geoms(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, object]:
    """Feature id -> geometry across all layers."""
    out: dict[str, object] = {}
    for gdf in layers.values():
        out.update(zip(gdf["feature_id"], gdf.geometry, strict=True))
    return out


@pytest.fixture
def two_squares() -> gpd.GeoDataFrame:
    """Two unit squares sharing the edge x=1 (a valid coverage, EPSG:4326)."""
    return gpd.GeoDataFrame(
        {"feature_id": ["a", "b"], "country": ["x", "x"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs="EPSG:4326",
    )


#: Awkward inputs (shapely tests/common.py style).
EMPTY = Polygon()
MULTI = MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)])
BOWTIE = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
