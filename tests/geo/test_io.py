"""io: reading layers, properties, names, facts."""

from __future__ import annotations

from pathlib import Path

import pytest

import geopandas as gpd

from geo.catalog import get_layer
from geo.io import (
    LayerError,
    read_facts,
    read_layer,
    read_names,
    read_places_table,
    read_properties,
)


def test_read_layer_puts_contract_columns_first() -> None:
    gdf = read_layer("borders")
    assert list(gdf.columns[:6]) == [
        "feature_id",
        "name",
        "kind",
        "note",
        "disputed",
        "geometry",
    ]
    assert gdf["disputed"].dtype == bool


def test_read_layer_missing_note_is_none() -> None:
    countries = read_layer("countries")
    assert countries["note"].isna().all()
    assert countries.loc[0, "note"] is None


def test_read_layer_unknown_id_raises() -> None:
    with pytest.raises(KeyError):
        read_layer("nope")


def test_read_properties_matches_layer_rows() -> None:
    props = read_properties("areas")
    assert [p["feature_id"] for p in props] == list(read_layer("areas")["feature_id"])
    assert read_properties("areas") is props  # cached


def test_read_names_facts_places_parse() -> None:
    assert "wakhan-corridor" in read_names()
    assert "facts" in read_facts()
    assert read_places_table()[0]["feature_id"] == "kabul"


def test_read_layer_missing_parent_is_none() -> None:
    places = read_layer("places").set_index("feature_id")
    assert places.loc["russia", "parent"] is None
    assert places.loc["doha", "parent"] == "qatar"
    assert places.loc["kabul", "parent"] == "kabul-province"


def _write(tmp_path: Path, layer_id: str, gdf: gpd.GeoDataFrame) -> Path:
    path = tmp_path / get_layer(layer_id).path
    gdf.to_file(path, driver="GeoJSON", engine="pyogrio")
    return tmp_path


def test_read_layer_refuses_a_crs_it_does_not_expect(tmp_path: Path) -> None:
    areas = read_layer("areas").to_crs("EPSG:3857")
    with pytest.raises(LayerError, match="CRS"):
        read_layer("areas", _write(tmp_path, "areas", areas))


def test_read_layer_validates_schema_and_geometry(tmp_path: Path) -> None:
    areas = read_layer("areas")
    areas.loc[0, "kind"] = "planet"
    with pytest.raises(LayerError, match="planet"):
        read_layer("areas", _write(tmp_path, "areas", areas))
